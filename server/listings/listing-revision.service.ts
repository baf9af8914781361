/**
 * Changing a published listing through review (listing-revision.ts): the owner proposes a change,
 * kept as the listing's pending revision while the published version stays what everyone sees;
 * the owner may withdraw it; an operator approves it (applied in one store write, indexed again
 * through the search mark) or refuses it with a reason (dropped, the owner's organisation told).
 * Every refusal is decided before or under the listing's lock and writes nothing.
 */
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { ListingKind } from '../api-contract/enums';
import { recordAudit } from '../audit';
import { readOwnerList, LISTING_REVISIONS } from '../read-models';
import { listingQueuePage } from './listing-queue';
import { isOperator, listingActor } from './listing-access';
import { refusalError } from './listing-refusal';
import {
  lockedRevisionField,
  planListingRevision,
  revisedListing,
  revisionChanges,
  type StoredRevision,
} from './listing-revision';
import type { ListingSpec } from './listing-spec';
import { findVisibleListing } from './listing-queries.service';
import {
  announceListingChange,
  applyListingRevision,
  dropListingRevision,
  storeListingRevision,
  type ListingDoc,
} from './listing.store';

export type RevisionDecision = 'approved' | 'refused';

/** An operator's decision on a listing's pending revision, as its owner is told of it. */
export interface RevisionDecided {
  kind: ListingKind;
  listingId: string;
  organizationId: string;
  title: string;
  submittedAt: Date;
  decision: RevisionDecision;
  reason?: string;
}

/**
 * What an operator's decision on a revision needs: the bus and config, and what tells the owner
 * of the decision (notifications' notifyRevisionDecision, passed in by the admin routes).
 */
export interface RevisionDeps extends Pick<AppContext, 'bus' | 'config'> {
  notifyRevisionDecision(deps: Pick<AppContext, 'bus' | 'config'>, event: RevisionDecided): Promise<void>;
}

/**
 * Stores the owner's change to a published listing as its pending revision (replacing one that
 * was pending). Checked as a draft edit is (the patch's joi schema, then the rules between
 * fields and the completeness a review asks for, on the listing as it would read), plus the
 * fields a published listing keeps (409 naming the field).
 */
export async function proposeRevision(
  spec: ListingSpec<unknown>,
  deps: Pick<AppContext, 'bus'>,
  user: SessionUser,
  id: string,
  patch: Record<string, unknown>,
  now = new Date(),
  loaded?: ListingDoc,
): Promise<ListingDoc> {
  const seen = loaded ?? (await findVisibleListing(spec, user, id));
  const decide = (current: ListingDoc): StoredRevision => {
    const plan = planListingRevision(current.status, listingActor(user, current));
    if (!plan.ok) throw refusalError(plan);
    const changes = revisionChanges(current, patch);
    if (changes.fields.length === 0)
      throw AppError.validation(
        Object.keys(patch).map((field) => ({
          field,
          message: `${field} is the same as in the published ${spec.label.toLowerCase()}`,
        })),
        'Nothing differs from the published version',
      );
    const locked = lockedRevisionField(spec.kind, current, changes);
    if (locked)
      throw new AppError('conflict', locked.message, [{ field: locked.field, message: locked.message }]);
    const revised = revisedListing(current, changes);
    const touched = (detail: { field: string }) => changes.fields.includes(detail.field.split('.')[0]);
    const broken = [
      ...spec.violations(revised, { now, checkTimes: false }),
      ...spec.submitViolations(revised, now).filter(touched),
    ];
    const unique = broken.filter((d, i) => broken.findIndex((o) => o.field === d.field) === i);
    if (unique.length > 0) throw AppError.validation(unique);
    return { ...changes, submittedAt: now, submittedBy: user.id };
  };
  // Checked once before the lock, so a refusal does not wait for a busy listing.
  decide(seen);
  const updated = await storeListingRevision(spec.kind, id, decide);
  announceListingChange(deps.bus, spec.kind, id);
  await recordAudit({
    actorId: user.id,
    action: `${spec.kind}.revise`,
    targetType: spec.kind,
    targetId: id,
    data: { fields: (updated.revision as StoredRevision).fields },
  });
  return updated;
}

/** The owner takes back the pending revision; the listing stays as published. */
export async function withdrawRevision(
  spec: ListingSpec<unknown>,
  deps: Pick<AppContext, 'bus'>,
  user: SessionUser,
  id: string,
): Promise<ListingDoc> {
  const seen = await findVisibleListing(spec, user, id);
  const decide = (current: ListingDoc): StoredRevision => {
    if (listingActor(user, current).kind !== 'owner')
      throw AppError.forbidden('Only the owner may withdraw its changes.');
    return pendingRevision(spec, current);
  };
  decide(seen);
  const { doc } = await dropListingRevision(spec.kind, id, decide);
  announceListingChange(deps.bus, spec.kind, id);
  await recordAudit({
    actorId: user.id,
    action: `${spec.kind}.revision_withdraw`,
    targetType: spec.kind,
    targetId: id,
  });
  return doc;
}

/**
 * An operator applies the pending revision. With `submittedAt` (what the operator read) a
 * revision replaced meanwhile is refused (409) rather than approved unread.
 */
export async function approveRevision(
  spec: ListingSpec<unknown>,
  deps: RevisionDeps,
  user: SessionUser,
  id: string,
  input: { submittedAt?: Date } = {},
  now = new Date(),
): Promise<ListingDoc> {
  const seen = await findVisibleListing(spec, user, id);
  const decide = (current: ListingDoc): StoredRevision => {
    if (!isOperator(user)) throw AppError.forbidden('Only an operator may approve changes.');
    const revision = pendingRevision(spec, current, input.submittedAt);
    if (current.status !== 'published')
      throw AppError.conflict(
        `The ${spec.label.toLowerCase()} is ${current.status}: its changes can only be refused`,
      );
    const revised = revisedListing(current, revision);
    const broken = spec.violations(revised, { now, checkTimes: false });
    if (broken.length > 0)
      throw new AppError(
        'conflict',
        `The changes no longer fit the ${spec.label.toLowerCase()} (${broken.map((b) => b.field).join(', ')}): refuse them`,
        broken,
      );
    return revision;
  };
  decide(seen);
  const { doc, applied } = await applyListingRevision(spec.kind, id, decide);
  announceListingChange(deps.bus, spec.kind, id);
  await decided(spec, deps, user, doc, applied, 'approved');
  return doc;
}

/** An operator refuses the pending revision with a reason: it is dropped and the owner told why. */
export async function refuseRevision(
  spec: ListingSpec<unknown>,
  deps: RevisionDeps,
  user: SessionUser,
  id: string,
  input: { reason: string; submittedAt?: Date },
): Promise<ListingDoc> {
  const seen = await findVisibleListing(spec, user, id);
  const decide = (current: ListingDoc): StoredRevision => {
    if (!isOperator(user)) throw AppError.forbidden('Only an operator may refuse changes.');
    return pendingRevision(spec, current, input.submittedAt);
  };
  decide(seen);
  const { doc, dropped } = await dropListingRevision(spec.kind, id, decide);
  announceListingChange(deps.bus, spec.kind, id);
  await decided(spec, deps, user, doc, dropped, 'refused', input.reason.trim());
  return doc;
}

async function decided(
  spec: ListingSpec<unknown>,
  deps: RevisionDeps,
  user: SessionUser,
  doc: ListingDoc,
  revision: StoredRevision,
  decision: RevisionDecision,
  reason?: string,
): Promise<void> {
  const id = String(doc._id);
  await recordAudit({
    actorId: user.id,
    action: `${spec.kind}.revision_${decision === 'approved' ? 'approve' : 'refuse'}`,
    targetType: spec.kind,
    targetId: id,
    data: { fields: revision.fields, ...(reason ? { reason } : {}) },
  });
  await deps.notifyRevisionDecision(
    { bus: deps.bus, config: deps.config },
    {
      kind: spec.kind,
      listingId: id,
      organizationId: String(doc.organizationId),
      title: String(doc.title),
      submittedAt: revision.submittedAt,
      decision,
      reason,
    },
  );
}

function pendingRevision(spec: ListingSpec<unknown>, current: ListingDoc, expectedAt?: Date): StoredRevision {
  const revision = current.revision as StoredRevision | undefined;
  if (!revision) throw AppError.conflict(`The ${spec.label.toLowerCase()} has no changes awaiting review`);
  if (expectedAt && new Date(revision.submittedAt).getTime() !== new Date(expectedAt).getTime())
    throw AppError.conflict('The owner changed the revision meanwhile: reload it and review it again');
  return revision;
}

/**
 * The operators' queue of pending revisions, oldest first: from the owner list that the listing
 * store's writes keep (`listing:revisions`), the listings by `_id`; what a listing says wins.
 */
export async function revisionQueue(
  specs: readonly ListingSpec<unknown>[],
  operator: SessionUser,
  page: number,
  limit: number,
) {
  const { views, total } = await listingQueuePage(
    await readOwnerList(LISTING_REVISIONS),
    specs,
    operator,
    { page, limit },
    (d) => !!d.revision && d.status === 'published',
  );
  return { revisions: views, total, page, limit };
}
