/**
 * Writing listings: drafting, editing and moving them through their life cycle. Each change is
 * one conditional single-document update (guarded by the status and revision read), carrying
 * the search-dirty mark, followed by an event that wakes the search indexer.
 */
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { ListingKind, ListingStatus } from '../api-contract/enums';
import { recordAudit } from '../audit';
import {
  planListingEdit,
  planListingTransition,
  type Actor,
  type ListingTransition,
} from './listing-lifecycle';
import { listingActor } from './listing-access';
import { refusalError } from './listing-refusal';
import type { ListingSpec } from './listing-spec';
import { findVisibleListing } from './listing-queries.service';
import { proposeRevision } from './listing-revision.service';
import {
  announceListingChange,
  createListingDoc,
  holdListing,
  updateListingIf,
  type ListingDoc,
} from './listing.store';

export interface ListingDeps {
  bus: EventBus;
  /**
   * Asked before a submission is written, holding the listing's lock with the write: throws to
   * refuse it (a listing fee to pay first, payments/listing-fee.service.ts). Writes nothing.
   */
  submitGate?: (kind: ListingKind, listing: ListingDoc) => Promise<void>;
}

export async function createListing(
  spec: ListingSpec<unknown>,
  deps: ListingDeps,
  user: SessionUser,
  input: Record<string, any>,
  now = new Date(),
): Promise<ListingDoc> {
  const organizationId = actingOrganizationId(user);
  if (!organizationId)
    throw AppError.forbidden('You need an active membership of an organization to draft a listing');
  const fields = withoutNulls(input);
  const broken = spec.violations(fields, { now, checkTimes: true });
  if (broken.length > 0) throw AppError.validation(broken);
  const created = await createListingDoc(spec.kind, {
    ...fields,
    organizationId,
    createdBy: user.id,
    status: 'draft',
  });
  const id = String(created._id);
  announceListingChange(deps.bus, spec.kind, id);
  await recordAudit({ actorId: user.id, action: `${spec.kind}.create`, targetType: spec.kind, targetId: id });
  return created;
}

/**
 * Edits a draft, or a listing awaiting review (which takes it back to draft: an operator never
 * approves a text they did not read). `null` in the patch clears an optional field. A published
 * listing is not changed: the patch becomes its pending revision (listing-revision.service.ts).
 */
export async function editListing(
  spec: ListingSpec<unknown>,
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  patch: Record<string, any>,
  now = new Date(),
): Promise<ListingDoc> {
  const doc = await findVisibleListing(spec, user, id);
  if (doc.status === 'published') return proposeRevision(spec, deps, user, id, patch, now, doc);
  const plan = planListingEdit(doc.status, listingActor(user, doc));
  if (!plan.ok) throw refusalError(plan);
  const merged = withoutNulls({ ...doc, ...patch });
  const checkTimes = spec.timedFields.some((f) => f in patch);
  const broken = spec.violations(merged, { now, checkTimes });
  if (broken.length > 0) throw AppError.validation(broken);

  const set = { ...withoutNulls(patch), status: plan.to };
  const unset = Object.keys(patch).filter((k) => patch[k] === null);
  if (doc.status === 'pending_review') unset.push('submittedAt');
  const updated = await updateListingIf(spec.kind, sameVersion(doc), set, unset);
  if (!updated) throw changedMeanwhile(spec);
  announceListingChange(deps.bus, spec.kind, id);
  await recordAudit({
    actorId: user.id,
    action: `${spec.kind}.edit`,
    targetType: spec.kind,
    targetId: id,
    data: { fields: Object.keys(patch) },
  });
  return updated;
}

/** A transition asked for by a member (submit, close, withdraw) or an operator (approve, reject). */
export async function transitionListing(
  spec: ListingSpec<unknown>,
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  transition: ListingTransition,
  input: { reason?: string } = {},
  now = new Date(),
): Promise<ListingDoc> {
  const doc = await findVisibleListing(spec, user, id);
  const operatorTransition = transition === 'approve' || transition === 'reject';
  const actor: Actor = operatorTransition
    ? { kind: user.role === 'admin' ? 'admin' : 'other' }
    : listingActor(user, doc);
  const plan = planListingTransition(doc.status, transition, actor, input);
  if (!plan.ok) throw refusalError(plan);
  if (transition === 'submit') {
    const broken = spec.submitViolations(doc, now);
    if (broken.length > 0)
      throw AppError.validation(broken, `The ${spec.label.toLowerCase()} is not ready for review`);
  }
  if (transition === 'approve') {
    const conflict = spec.approvalConflict(doc, now);
    if (conflict) throw AppError.conflict(conflict);
  }
  const write = () => applyTransition(spec.kind, deps, doc, transition, plan.to, now, input.reason);
  const gate = transition === 'submit' ? deps.submitGate : undefined;
  const updated = gate
    ? await holdListing(spec.kind, id, async () => {
        await gate(spec.kind, doc);
        return write();
      })
    : await write();
  if (!updated) throw changedMeanwhile(spec);
  await recordAudit({
    actorId: user.id,
    action: `${spec.kind}.${transition}`,
    targetType: spec.kind,
    targetId: id,
    data: input.reason ? { reason: input.reason } : undefined,
  });
  return updated;
}

async function applyTransition(
  kind: ListingKind,
  deps: ListingDeps,
  doc: ListingDoc,
  transition: ListingTransition,
  to: ListingStatus,
  now: Date,
  reason?: string,
): Promise<ListingDoc | null> {
  const { set, unset } = transitionStamps(transition, now, reason);
  const updated = await updateListingIf(
    kind,
    { _id: doc._id, status: doc.status },
    { ...set, status: to },
    unset,
  );
  if (!updated) return null;
  const id = String(doc._id);
  announceListingChange(deps.bus, kind, id);
  if (transition === 'approve') deps.bus.publish('listing.published', { kind, id });
  return updated;
}

function transitionStamps(transition: ListingTransition, now: Date, reason?: string) {
  switch (transition) {
    case 'submit':
      return { set: { submittedAt: now }, unset: ['rejectionReason'] };
    case 'approve':
      return { set: { publishedAt: now }, unset: ['rejectionReason'] };
    case 'reject':
      return { set: { rejectionReason: reason?.trim() }, unset: ['submittedAt'] };
    // A listing that leaves publication drops its pending revision (and the review queue).
    case 'withdraw':
      return { set: { withdrawnAt: now }, unset: ['revision'] };
    case 'close':
      return { set: { closedAt: now }, unset: ['revision'] };
    case 'expire':
      return { set: { expiredAt: now }, unset: ['revision'] };
  }
}

function changedMeanwhile(spec: ListingSpec<unknown>): AppError {
  return AppError.conflict(`The ${spec.label.toLowerCase()} changed meanwhile: reload it and try again`);
}

function sameVersion(doc: ListingDoc): Record<string, unknown> & { _id: unknown } {
  return { _id: doc._id, status: doc.status, ...(doc.rev != null ? { rev: doc.rev } : {}) };
}

function withoutNulls(input: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}
