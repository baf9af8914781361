/**
 * When a listing is published, tell the people it concerns, once each:
 *  - active members of the organizations whose published counterpart listings it matches with a
 *    score of at least NOTIFY_MATCH_SCORE;
 *  - owners of saved searches it satisfies.
 * Its own organization is not told. Safe to run twice for the same listing (and in two processes):
 * each notification's dedupeKey is `${userId}:${type}:${listingId}`.
 */
import type { AppContext } from '../context';
import { findListingDoc } from '../listings';
import { matchableFromDoc, findMatches, matcherDeps, type MatchKind, type ScoredMatch } from '../matching';
import { alertListingFromDoc, alertsMatchingListing } from '../alerts';
import { createGroupedNotification } from './notification.service';
import {
  LISTING_MATCH_TYPE,
  listingNotice,
  listingNoticeGroup,
  mergedListingNotice,
  type ListingNoticeInput,
} from './listing-notice';
import { activeMemberIds, membersOf } from '../auth';

export const NOTIFY_MATCH_SCORE = 0.5;
/** Counterpart listings whose owners may be told about one new listing. */
const MAX_MATCHES_NOTIFIED = 50;

export async function notifyAboutPublishedListing(
  ctx: Pick<AppContext, 'bus' | 'config' | 'search'>,
  event: { kind: MatchKind; id: string },
  now: Date = new Date(),
): Promise<{ notified: number }> {
  const doc = await findListingDoc(event.kind, event.id);
  if (!doc || doc.status !== 'published') return { notified: 0 };
  const source = matchableFromDoc(event.kind, doc);

  const [matches, alerts] = await Promise.all([
    findMatches(source, matcherDeps(ctx), { limit: MAX_MATCHES_NOTIFIED, minScore: NOTIFY_MATCH_SCORE }),
    alertsMatchingListing(alertListingFromDoc(event.kind, doc)),
  ]);
  const bestMatchByUser = await membersOfMatchedOrganizations(matches);
  const alertsByUser = new Map<string, { id: string; q: string }[]>();
  for (const { userId, alert } of alerts)
    alertsByUser.set(userId, [...(alertsByUser.get(userId) ?? []), alert]);

  const publishers = new Set(await activeMemberIds([source.organizationId]));
  const recipients = new Set([...bestMatchByUser.keys(), ...alertsByUser.keys()]);
  let notified = 0;
  for (const userId of recipients) {
    if (publishers.has(userId)) continue;
    const match = bestMatchByUser.get(userId);
    const userAlerts = alertsByUser.get(userId) ?? [];
    const input: ListingNoticeInput = {
      listing: { kind: event.kind, id: event.id, title: source.title },
      match: match && {
        kind: match.listing.kind,
        id: match.listing.id,
        title: match.listing.title,
        score: match.score,
        reasons: match.reasons,
      },
      alerts: userAlerts,
    };
    const data = {
      listingKind: event.kind,
      listingId: event.id,
      ...(match && { matchedListingId: match.listing.id, score: match.score }),
      alertIds: userAlerts.map((a) => a.id),
    };
    // One unread entry per listing of theirs (or saved search): a flood of matches stays one line.
    const created = await createGroupedNotification(
      ctx,
      {
        userId,
        type: LISTING_MATCH_TYPE,
        ...listingNotice(input),
        data: { ...data, listingIds: [event.id], count: 1 },
        dedupeKey: `${userId}:${LISTING_MATCH_TYPE}:${event.id}`,
        groupKey: listingNoticeGroup(userId, input),
      },
      (unread) => {
        const merged = mergedListingNotice((unread.data ?? {}) as Record<string, unknown>, input);
        if (!merged) return null;
        const { listingIds, ...shown } = merged;
        return { ...shown, data: { ...data, listingIds, count: listingIds.length } };
      },
      now,
    );
    if (created) notified++;
  }
  return { notified };
}

/** For each active member of a matched listing's organization, that organization's best match. */
async function membersOfMatchedOrganizations(matches: ScoredMatch[]): Promise<Map<string, ScoredMatch>> {
  const bestByOrg = new Map<string, ScoredMatch>();
  for (const m of matches)
    if (!bestByOrg.has(m.listing.organizationId)) bestByOrg.set(m.listing.organizationId, m);
  const users = await membersOf([...bestByOrg.keys()], { status: 'active', fields: { _id: 1 } });
  return new Map(users.map((u) => [String(u._id), bestByOrg.get(String(u.organizationId))!]));
}
