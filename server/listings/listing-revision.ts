/**
 * Pending revisions of published listings, as pure rules. A published listing is not edited in
 * place: the owner's change is kept beside it (`revision`) until an operator approves it, so the
 * public, search, bids and deals keep seeing the published text meanwhile.
 *
 * Some fields never change on a published listing, because others already acted on them:
 *  - `ndaText` and `confidentialAccess`: counterparties accepted the NDA, or were let into the
 *    confidential documents, under them;
 *  - an offer's `pricing` when it is an auction, or would become one: bids were placed against its
 *    starting price, reserve and closing time, and its close is scheduled;
 *  - a demand's `mode` and `deadline`: a call for proposals seals proposals until its deadline,
 *    and its close is scheduled; and a call's `deposit` or `depositPct` (with the `budget` a
 *    percentage is taken of): proposers paid it as it stood.
 * Changing them means withdrawing the listing and drafting a new one.
 */
import type { ListingKind } from '../api-contract/enums';
import type { Actor, ListingPlan } from './listing-lifecycle';

export interface RevisionChanges {
  /** The fields the revision sets (values as validated by the patch schema). */
  set: Record<string, unknown>;
  /** The optional fields the revision clears (`null` in the patch). */
  unset: string[];
  /** Every field that differs from the published listing, set or cleared, in patch order. */
  fields: string[];
}

/** A pending revision as stored on the listing. */
export interface StoredRevision extends RevisionChanges {
  submittedAt: Date;
  submittedBy: string;
}

const ALWAYS_LOCKED = ['ndaText', 'confidentialAccess'] as const;

/** Whether `actor` may propose a change to a listing in `current` (the owner, of a published listing). */
export function planListingRevision(current: string, actor: Actor): ListingPlan {
  if (actor.kind !== 'owner')
    return { ok: false, reason: 'forbidden', message: 'Only the owner may change a listing.' };
  if (current !== 'published')
    return {
      ok: false,
      reason: 'invalid_state',
      message: `Only a published listing takes changes for review; this one is ${current}.`,
    };
  if (actor.verifiedOrg !== true)
    return {
      ok: false,
      reason: 'unverified_org',
      message: 'Only a verified organization can submit changes for publication.',
    };
  return { ok: true, to: 'published' };
}

/** The fields of `patch` whose value differs from the listing's (`null` clears a field that is set). */
export function revisionChanges(
  current: Record<string, any>,
  patch: Record<string, unknown>,
): RevisionChanges {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const fields: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      if (isEmpty(current[key])) continue;
      unset.push(key);
    } else {
      if (canonical(value) === canonical(current[key])) continue;
      set[key] = value;
    }
    fields.push(key);
  }
  return { set, unset, fields };
}

/** The first field of the change that may not change on this published listing, and why. */
export function lockedRevisionField(
  kind: ListingKind,
  current: Record<string, any>,
  changes: RevisionChanges,
): { field: string; message: string } | undefined {
  for (const field of changes.fields) {
    if ((ALWAYS_LOCKED as readonly string[]).includes(field))
      return {
        field,
        message: `${field} cannot change on a published listing: counterparties accepted it. Withdraw the listing and draft a new one.`,
      };
    if (kind === 'offer' && field === 'pricing') {
      const before = current.pricing?.model;
      const after = (changes.set.pricing as { model?: string } | undefined)?.model;
      if (before === 'auction' || after === 'auction')
        return {
          field,
          message:
            'The pricing of an auction cannot change once it is published (bids are placed against it, its close is scheduled), nor can a published offer become an auction.',
        };
    }
    if (kind === 'demand' && (field === 'mode' || field === 'deadline'))
      return {
        field,
        message: `${field} cannot change on a published demand: its proposals and its close follow it. Withdraw the demand and draft a new one.`,
      };
    // A call's deposit (and the budget a percentage is taken of) was paid as it stands.
    const depositFields =
      current.depositPct != null ? ['deposit', 'depositPct', 'budget'] : ['deposit', 'depositPct'];
    if (kind === 'demand' && depositFields.includes(field))
      return {
        field,
        message: `${field} cannot change on a published demand: proposers paid its deposit as it stands. Withdraw the demand and draft a new one.`,
      };
  }
  return undefined;
}

/** The listing as it would read once the revision is applied. */
export function revisedListing<T extends Record<string, any>>(current: T, revision: RevisionChanges): T {
  const merged: Record<string, any> = { ...current, ...revision.set };
  for (const key of revision.unset) delete merged[key];
  delete merged.revision;
  return merged as T;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A value as comparable text: keys sorted, dates as ISO, empty values left out. */
function canonical(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? '';
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return String(value);
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== '_id' && v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, normalise(v)]);
    return Object.fromEntries(entries);
  }
  return value;
}
