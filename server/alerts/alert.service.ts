/** Saved searches of a user, and which of everyone's saved searches a new listing satisfies. */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { AlertDoc } from './alert.model';
import { alertReads, createAlertDoc, deleteAlertDoc } from './alert.store';
import { listingMatchesAlert, type AlertFilters, type AlertListing } from './alert-match';
import { alertView, type AlertView } from './alert.view';

export const MAX_ALERTS_PER_USER = 50;

export async function createAlert(
  user: SessionUser,
  input: { q: string; filters: AlertFilters },
): Promise<AlertView> {
  if ((await alertReads.countDocuments({ userId: user.id })) >= MAX_ALERTS_PER_USER) {
    throw AppError.conflict(`You have ${MAX_ALERTS_PER_USER} saved searches already: delete one first`);
  }
  const doc = await createAlertDoc({
    userId: user.id,
    q: input.q,
    filters: input.filters as Record<string, unknown>,
  });
  return alertView(doc);
}

export async function listAlerts(user: SessionUser): Promise<AlertView[]> {
  const docs = await alertReads.find({ userId: user.id }).sort({ createdAt: -1, _id: -1 }).lean();
  return docs.map((d) => alertView(d as AlertDoc));
}

/** Someone else's alert is as unknown as one that never existed. */
export async function deleteAlert(user: SessionUser, id: string): Promise<void> {
  if (!(await deleteAlertDoc(id, user.id))) throw AppError.notFound('Alert');
}

/** Everyone's saved searches that `listing` satisfies, with their owners. */
export async function alertsMatchingListing(
  listing: AlertListing,
): Promise<{ userId: string; alert: AlertView }[]> {
  const docs = await alertReads
    .find({
      $or: [{ 'filters.kind': listing.kind }, { 'filters.kind': null }],
    })
    .setOptions({ sanitizeFilter: false })
    .lean();
  return docs
    .map((d) => ({ userId: String(d.userId), alert: alertView(d as AlertDoc) }))
    .filter(({ alert }) => listingMatchesAlert(alert, listing));
}
