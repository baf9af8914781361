/**
 * Suggested meetings at an event, from the matching (pure): the caller's listings at the event
 * (an exhibitor's chosen listings, a visitor's published demands) and what it looks for, paired
 * offer ↔ demand with the other approved participants' own, each pair scored by the matcher's
 * scoreMatch (text relevance from the search engine, supplied by the caller). An organisation is
 * suggested when one of its pairs scores enough; its best pair ranks it, and the meeting request
 * it offers names a listing either side shows at the event (what a meeting may be about).
 */
import type { EventRole, MeetingStatus } from '../api-contract/enums';
import { scorePair, type MatchReason, type Matchable, type MatchableDemand } from '../matching';

/** Below this a pair of listings is not worth a meeting (the matches endpoint's threshold). */
export const MIN_SUGGESTION_SCORE = 0.25;
/**
 * A text of what one looks for has no field, TRL, budget or transfer modes: it scores on its
 * words alone (at most the text weight, 0.3), so it is kept from the relevance at which the
 * matcher says "the texts are close" (0.5, that is 0.15).
 */
export const MIN_LOOKING_FOR_SCORE = 0.15;
/** The pairs shown with each suggested organisation, best first. */
export const MATCHES_PER_SUGGESTION = 3;

export interface BroughtListing {
  listing: Matchable;
  /** Shown at the event (an exhibitor's chosen listing): a meeting may be about it. */
  shown: boolean;
}

export interface Participant {
  orgId: string;
  role: EventRole;
  listings: BroughtListing[];
  lookingFor?: string;
}

/** One side of a pair: a listing, or the text of what the participant looks for. */
export type PairSide = { listing: BroughtListing } | { lookingFor: string };

export interface SuggestedPair {
  mine: PairSide;
  theirs: PairSide;
  score: number;
  reasons: MatchReason[];
}

export interface Suggestion {
  orgId: string;
  role: EventRole;
  score: number;
  pairs: SuggestedPair[];
  /** The listing a meeting request is about: of the best pair that has one shown at the event. */
  meetingListingId?: string;
  openMeeting?: { id: string; status: MeetingStatus };
}

/** The key a text of what `orgId` looks for is ranked under (beside listings' ids). */
export const lookingForKey = (orgId: string) => `looking-for:${orgId}`;

/** What one looks for, as a demand with nothing but its words (scored on text relevance alone). */
export function lookingForDemand(orgId: string, text: string): MatchableDemand {
  return {
    kind: 'demand',
    id: lookingForKey(orgId),
    organizationId: orgId,
    title: text,
    summary: '',
    keywords: [],
    field: '',
    transferModes: [],
    problem: '',
    desiredOutcome: '',
  };
}

export interface SuggestionInput {
  me: Participant;
  others: Participant[];
  /** The search engine's relevance (0..1) of the listing or text under `sourceKey` to listing `candidateId`. */
  relevance: (sourceKey: string, candidateId: string) => number;
  /** The open meeting (requested or accepted) with each organisation. */
  openMeetings: Map<string, { id: string; status: MeetingStatus }>;
  limit: number;
}

/** The pairs of `me`'s listings and text with `other`'s, scored, those that score enough, best first. */
export function pairsWith(
  me: Participant,
  other: Participant,
  relevance: SuggestionInput['relevance'],
): SuggestedPair[] {
  const pairs: SuggestedPair[] = [];
  const consider = (
    mine: PairSide,
    theirs: PairSide,
    a: Matchable,
    b: Matchable,
    sourceKey: string,
    candidateId: string,
    min: number,
  ) => {
    if (a.kind === b.kind) return;
    const { score, reasons } = scorePair(a, b, relevance(sourceKey, candidateId));
    if (score >= min) pairs.push({ mine, theirs, score, reasons });
  };
  for (const m of me.listings)
    for (const o of other.listings)
      consider(
        { listing: m },
        { listing: o },
        m.listing,
        o.listing,
        m.listing.id,
        o.listing.id,
        MIN_SUGGESTION_SCORE,
      );
  const myText = me.lookingFor?.trim();
  if (myText) {
    const wanted = lookingForDemand(me.orgId, myText);
    for (const o of other.listings)
      if (o.listing.kind === 'offer')
        consider(
          { lookingFor: myText },
          { listing: o },
          wanted,
          o.listing,
          wanted.id,
          o.listing.id,
          MIN_LOOKING_FOR_SCORE,
        );
  }
  const theirText = other.lookingFor?.trim();
  if (theirText) {
    const wanted = lookingForDemand(other.orgId, theirText);
    for (const m of me.listings)
      if (m.listing.kind === 'offer')
        consider(
          { listing: m },
          { lookingFor: theirText },
          m.listing,
          wanted,
          wanted.id,
          m.listing.id,
          MIN_LOOKING_FOR_SCORE,
        );
  }
  return pairs.sort((a, b) => b.score - a.score || sideKey(a).localeCompare(sideKey(b)));
}

const sideId = (s: PairSide) => ('listing' in s ? s.listing.listing.id : '');
const sideKey = (p: SuggestedPair) => `${sideId(p.mine)}:${sideId(p.theirs)}`;

/** The listing a meeting request from the best pairs would be about: theirs if shown, else mine if shown. */
export function meetingListingOf(pairs: SuggestedPair[]): string | undefined {
  for (const p of pairs) {
    for (const side of [p.theirs, p.mine])
      if ('listing' in side && side.listing.shown) return side.listing.listing.id;
  }
  return undefined;
}

/**
 * The organisations worth meeting, best first (by their best pair's score, then by id for a
 * stable order), at most `limit`; each with its best pairs and the open meeting with it, if any.
 */
export function planSuggestions(input: SuggestionInput): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const other of input.others) {
    if (other.orgId === input.me.orgId) continue;
    const pairs = pairsWith(input.me, other, input.relevance);
    if (pairs.length === 0) continue;
    const open = input.openMeetings.get(other.orgId);
    const meetingListingId = meetingListingOf(pairs);
    suggestions.push({
      orgId: other.orgId,
      role: other.role,
      score: pairs[0].score,
      pairs: pairs.slice(0, MATCHES_PER_SUGGESTION),
      ...(meetingListingId ? { meetingListingId } : {}),
      ...(open ? { openMeeting: open } : {}),
    });
  }
  return suggestions
    .sort((a, b) => b.score - a.score || a.orgId.localeCompare(b.orgId))
    .slice(0, input.limit);
}

/**
 * What the search engine must rank for `me` against `others`: per source (a listing of mine, my
 * text, another's text) the counterpart listings' ids of the kind it pairs with.
 */
export function relevanceAsks(
  me: Participant,
  others: Participant[],
): { sourceKey: string; source: Matchable; kind: Matchable['kind']; ids: string[] }[] {
  const theirs = others.filter((o) => o.orgId !== me.orgId).flatMap((o) => o.listings.map((l) => l.listing));
  const idsOf = (kind: Matchable['kind'], listings: Matchable[]) => [
    ...new Set(listings.filter((l) => l.kind === kind).map((l) => l.id)),
  ];
  const asks: { sourceKey: string; source: Matchable; kind: Matchable['kind']; ids: string[] }[] = [];
  for (const { listing } of me.listings) {
    const kind = listing.kind === 'offer' ? 'demand' : 'offer';
    asks.push({ sourceKey: listing.id, source: listing, kind, ids: idsOf(kind, theirs) });
  }
  const myText = me.lookingFor?.trim();
  if (myText) {
    const source = lookingForDemand(me.orgId, myText);
    asks.push({ sourceKey: source.id, source, kind: 'offer', ids: idsOf('offer', theirs) });
  }
  const myOffers = idsOf(
    'offer',
    me.listings.map((l) => l.listing),
  );
  for (const o of others) {
    const text = o.lookingFor?.trim();
    if (!text || o.orgId === me.orgId) continue;
    const source = lookingForDemand(o.orgId, text);
    asks.push({ sourceKey: source.id, source, kind: 'offer', ids: myOffers });
  }
  return asks.filter((a) => a.ids.length > 0);
}
