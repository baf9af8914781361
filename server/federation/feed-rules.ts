/**
 * The federation feed as pure rules: which of this exchange's listings a partner sees, in what
 * order, and how a page and its cursor are cut. A listing enters the feed once its organization
 * opted in to sharing and it was ever published; it is an item while it is published and its
 * organization shares and the listing is not kept back by its own choice, a tombstone otherwise
 * (withdrawn, closed, unshared, kept back). Items are ordered by the time they last changed (the
 * listing's, its organization's choice or its own choice, whichever is latest), then kind and id;
 * the cursor is the last item's place in that order.
 */
import type { ListingKind } from '../api-contract/enums';

export const FEED_PAGE_MAX = 200;
export const FEED_PAGE_DEFAULT = 100;

export interface FeedPlace {
  /** Milliseconds since the epoch. */
  at: number;
  kind: ListingKind;
  id: string;
}

const CURSOR_PATTERN = /^(\d{1,15})\.(offer|demand)\.([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(place: FeedPlace): string {
  return Buffer.from(`${place.at}.${place.kind}.${place.id}`).toString('base64url');
}

/** The place a cursor names, or null when it is not one of ours. */
export function decodeCursor(cursor: string): FeedPlace | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const m = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { at: Number(m[1]), kind: m[2] as ListingKind, id: m[3] } : null;
}

export function comparePlaces(a: FeedPlace, b: FeedPlace): number {
  return (
    a.at - b.at ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** What the feed needs of a stored listing. */
export interface FeedListing {
  kind: ListingKind;
  id: string;
  organizationId: string;
  status: string;
  publishedAt?: Date | null;
  updatedAt: Date;
}

/** An organization's choice: `shared`, and when it was last changed. */
export interface ShareChoice {
  shared: boolean;
  changedAt: Date;
}

export interface FeedEntry<L extends FeedListing> extends FeedPlace {
  type: 'listing' | 'tombstone';
  listing: L;
}

/** The key of a listing's own sharing choice in the map the feed is given. */
export const listingChoiceKey = (kind: ListingKind, id: string) => `${kind}:${id}`;

/**
 * Where one listing stands in the feed, or null when partners never hear of it. `listingChoices`
 * holds the single listings' own choices (`listingChoiceKey`): one not shared goes out as a
 * tombstone even while its organization shares. `byDefault` is the operator's default, which an
 * organization that never chose follows (none set: its listings are not shared).
 */
export function feedEntryOf<L extends FeedListing>(
  listing: L,
  shares: ReadonlyMap<string, ShareChoice>,
  listingChoices: ReadonlyMap<string, ShareChoice> = new Map(),
  byDefault: ShareChoice | null = null,
): FeedEntry<L> | null {
  const share = shares.get(listing.organizationId) ?? byDefault;
  if (!share || !listing.publishedAt) return null;
  const own = listingChoices.get(listingChoiceKey(listing.kind, listing.id));
  const at = Math.max(+listing.updatedAt, +share.changedAt, own ? +own.changedAt : 0);
  const shared = share.shared && (own?.shared ?? true);
  const type = shared && listing.status === 'published' ? 'listing' : 'tombstone';
  return { type, at, kind: listing.kind, id: listing.id, listing };
}

export interface FeedPage<L extends FeedListing> {
  entries: FeedEntry<L>[];
  /** The cursor to ask for next: the last entry's place (the one asked for when the page is empty). */
  next: string | null;
  /** More entries wait after this page. */
  more: boolean;
}

/** The page after `since` (null: from the beginning) of at most `limit` entries. */
export function cutFeedPage<L extends FeedListing>(
  listings: readonly L[],
  shares: ReadonlyMap<string, ShareChoice>,
  since: FeedPlace | null,
  limit: number,
  listingChoices: ReadonlyMap<string, ShareChoice> = new Map(),
  byDefault: ShareChoice | null = null,
): FeedPage<L> {
  const after = listings
    .map((l) => feedEntryOf(l, shares, listingChoices, byDefault))
    .filter((e): e is FeedEntry<L> => e !== null && (since === null || comparePlaces(e, since) > 0))
    .sort(comparePlaces);
  const entries = after.slice(0, limit);
  const last = entries.at(-1);
  return {
    entries,
    next: last ? encodeCursor(last) : since ? encodeCursor(since) : null,
    more: after.length > entries.length,
  };
}
