/**
 * `GET /api/events/:id/suggestions`: the other approved participants an approved participant
 * should meet, from the matching. Load (the registrations from the event's list, listings,
 * meetings and names by `_id`, through their caches; the search engine's relevance restricted to
 * the event's listings) → pure plan (suggestion-rules.ts) → view. Writes nothing.
 */
import type { AppContext } from '../context';
import type { ListingKind, Locale, MeetingStatus } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { organizationNames } from '../deals';
import { readListingsById, type ListingDoc } from '../listings';
import { matchableFromDoc, matchText, type Matchable } from '../matching';
import { eventRegistrationListKey, listingListKey, meetingOrgListKey, readOwnerList } from '../read-models';
import { cachedRegistrations, registrationOf, type EventRegistrationDoc } from './event-registration.store';
import { cachedMeetings } from './meeting.store';
import { OPEN_MEETING_STATUSES, otherOrgOf, sideOf } from './meeting-rules';
import { loadEvent } from './event.service';
import {
  planSuggestions,
  relevanceAsks,
  type BroughtListing,
  type PairSide,
  type Participant,
  type Suggestion,
} from './suggestion-rules';

/** A visitor brings its newest published demands, at most this many. */
export const DEMANDS_PER_VISITOR = 20;
export const DEFAULT_SUGGESTIONS = 20;
export const MAX_SUGGESTIONS = 50;

type Ctx = Pick<AppContext, 'search'>;

async function listingsOf(kind: ListingKind, ids: string[]): Promise<Map<string, ListingDoc>> {
  return ids.length ? readListingsById(kind, ids) : new Map();
}

/**
 * What each participant brings: an exhibitor its chosen listings still published and its own;
 * a visitor its organisation's newest published demands (from its owner list). Both their text
 * of what they look for.
 */
async function participantsOf(regs: EventRegistrationDoc[]): Promise<Participant[]> {
  const visitorDemandIds = new Map<string, string[]>();
  await Promise.all(
    regs
      .filter((r) => r.role === 'visitor')
      .map(async (r) => {
        const entries = await readOwnerList(listingListKey('demand', r.organizationId));
        visitorDemandIds.set(
          r.organizationId,
          entries
            .filter((e) => e.s === 'published')
            .slice(0, DEMANDS_PER_VISITOR)
            .map((e) => e.id),
        );
      }),
  );
  const wanted = { offer: new Set<string>(), demand: new Set<string>() };
  for (const r of regs) {
    if (r.role === 'exhibitor') for (const l of r.listings ?? []) wanted[l.kind as ListingKind]?.add(l.id);
    for (const id of visitorDemandIds.get(r.organizationId) ?? []) wanted.demand.add(id);
  }
  const [offers, demands] = await Promise.all([
    listingsOf('offer', [...wanted.offer]),
    listingsOf('demand', [...wanted.demand]),
  ]);
  const docs = { offer: offers, demand: demands };
  const published = (kind: ListingKind, id: string, orgId: string): Matchable | null => {
    const doc = docs[kind].get(id);
    if (!doc || doc.status !== 'published' || String(doc.organizationId) !== orgId) return null;
    return matchableFromDoc(kind, doc as unknown as Record<string, unknown>);
  };
  return regs.map((r) => {
    const brought: BroughtListing[] =
      r.role === 'exhibitor'
        ? (r.listings ?? []).flatMap((l) => {
            const m = published(l.kind as ListingKind, l.id, r.organizationId);
            return m ? [{ listing: m, shown: true }] : [];
          })
        : (visitorDemandIds.get(r.organizationId) ?? []).flatMap((id) => {
            const m = published('demand', id, r.organizationId);
            return m ? [{ listing: m, shown: false }] : [];
          });
    return { orgId: r.organizationId, role: r.role, listings: brought, lookingFor: r.lookingFor ?? '' };
  });
}

/** The search engine's relevance for every pair the plan may score, keyed `source|candidate`. */
async function relevances(ctx: Ctx, me: Participant, others: Participant[]) {
  const found = new Map<string, number>();
  for (const ask of relevanceAsks(me, others)) {
    try {
      const hits = await ctx.search.relevance(matchText(ask.source), {
        kind: ask.kind,
        limit: ask.ids.length,
        ids: ask.ids,
      });
      for (const h of hits) found.set(`${ask.sourceKey}|${h.id}`, h.score);
    } catch (err) {
      // The structured fit still suggests; the words count as unrelated.
      logger.warn({ err }, 'search engine failed while suggesting meetings');
    }
  }
  return (sourceKey: string, candidateId: string) => found.get(`${sourceKey}|${candidateId}`) ?? 0;
}

const refOf = (l: Matchable) => ({ kind: l.kind, id: l.id, title: l.title });
const sideView = (s: PairSide) =>
  'listing' in s
    ? { listing: { ...refOf(s.listing.listing), shown: s.listing.shown } }
    : { lookingFor: s.lookingFor };

function suggestionView(s: Suggestion, names: Map<string, string>, locale: Locale) {
  return {
    organization: { id: s.orgId, name: names.get(s.orgId) ?? '' },
    role: s.role,
    score: s.score,
    matches: s.pairs.map((p) => ({
      mine: sideView(p.mine),
      theirs: sideView(p.theirs),
      score: p.score,
      reasons: p.reasons.map((r) => ({ code: r.code, effect: r.effect, text: r.text[locale] })),
    })),
    ...(s.meetingListingId ? { meetingListingId: s.meetingListingId } : {}),
    ...(s.openMeeting ? { openMeeting: s.openMeeting } : {}),
  };
}

export async function meetingSuggestions(
  ctx: Ctx,
  user: SessionUser,
  eventId: string,
  opts: { limit: number; locale: Locale },
) {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only approved participants of the event see suggested meetings.');
  const event = await loadEvent(eventId);
  const mine = await registrationOf(eventId, orgId);
  if (mine?.status !== 'approved' || mine.eventId !== eventId)
    throw AppError.forbidden('Only approved participants of the event see suggested meetings.');
  const ids = (await readOwnerList(eventRegistrationListKey(eventId)))
    .filter((e) => e.s === 'approved')
    .map((e) => e.id);
  const regs = [...(await cachedRegistrations(ids)).values()].filter(
    (r) => r.eventId === eventId && r.status === 'approved' && r.organizationId !== orgId,
  );
  const [me, ...others] = await participantsOf([mine, ...regs]);
  const meetingIds = (await readOwnerList(meetingOrgListKey(eventId, orgId))).map((e) => e.id);
  const openMeetings = new Map<string, { id: string; status: MeetingStatus }>();
  for (const m of (await cachedMeetings(meetingIds)).values())
    if (m.eventId === eventId && sideOf(m, orgId) && OPEN_MEETING_STATUSES.includes(m.status))
      openMeetings.set(otherOrgOf(m, orgId), { id: String(m._id), status: m.status });
  const suggestions = planSuggestions({
    me,
    others,
    relevance: await relevances(ctx, me, others),
    openMeetings,
    limit: opts.limit,
  });
  const names = await organizationNames(suggestions.map((s) => s.orgId));
  return {
    event: { id: eventId, title: event.title },
    organizationId: orgId,
    suggestions: suggestions.map((s) => suggestionView(s, names, opts.locale)),
  };
}
