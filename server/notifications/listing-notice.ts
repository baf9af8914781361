/** The words of a "new listing for you" notification, in both languages. */
import type { Label } from '../api-contract/taxonomy';
import type { MatchReason } from '../matching';

export const LISTING_MATCH_TYPE = 'listing.match';

export interface ListingNoticeInput {
  listing: { kind: 'offer' | 'demand'; id: string; title: string };
  /** The recipient's organization's listing it matches best, if it was found by matching. */
  match?: {
    kind: 'offer' | 'demand';
    id: string;
    title: string;
    score: number;
    reasons: readonly MatchReason[];
  };
  /** The recipient's saved searches it satisfies. */
  alerts: readonly { id: string; q: string }[];
}

const KIND = {
  offer: { vi: 'chào bán công nghệ', en: 'offer' },
  demand: { vi: 'nhu cầu công nghệ', en: 'demand' },
} as const;

export function listingNotice(input: ListingNoticeInput): { title: Label; body: Label; link: string } {
  const { listing, match, alerts } = input;
  const title: Label = {
    vi: `${listing.kind === 'offer' ? 'Công nghệ mới' : 'Nhu cầu mới'} phù hợp: ${listing.title}`,
    en: `New matching ${KIND[listing.kind].en}: ${listing.title}`,
  };
  const vi: string[] = [];
  const en: string[] = [];
  if (match) {
    const pct = Math.round(match.score * 100);
    const why = (l: 'vi' | 'en') =>
      match.reasons
        .filter((r) => r.effect === 'positive')
        .slice(0, 3)
        .map((r) => r.text[l])
        .join('; ');
    vi.push(`Phù hợp ${pct}% với ${KIND[match.kind].vi} “${match.title}” của bạn: ${why('vi')}.`);
    en.push(`A ${pct}% match for your ${KIND[match.kind].en} “${match.title}”: ${why('en')}.`);
  }
  if (alerts.length > 0) {
    const named = alerts.map((a) => a.q).filter(Boolean);
    const list = named.length ? `: “${named.join('”, “')}”` : '';
    vi.push(`Khớp với tìm kiếm đã lưu của bạn${list}.`);
    en.push(`It matches your saved search${alerts.length > 1 ? 'es' : ''}${list}.`);
  }
  const link = `/${listing.kind === 'offer' ? 'offers' : 'demands'}/${listing.id}`;
  return { title, body: { vi: vi.join(' '), en: en.join(' ') }, link };
}

/** The group of a user's listing notifications: per their listing that matched, else per saved searches. */
export function listingNoticeGroup(
  userId: string,
  input: Pick<ListingNoticeInput, 'match' | 'alerts'>,
): string {
  const of = input.match ? `listing:${input.match.id}` : `alerts:${input.alerts.map((a) => a.id).join(',')}`;
  return `${userId}:${LISTING_MATCH_TYPE}:${of}`;
}

/**
 * What an unread match notification says once another new listing joins it ("3 new matches for
 * your demand …"), or null when that listing is already counted in it.
 */
export function mergedListingNotice(
  unreadData: Record<string, unknown>,
  input: ListingNoticeInput,
): { title: Label; body: Label; link: string; listingIds: string[] } | null {
  const before = Array.isArray(unreadData.listingIds)
    ? (unreadData.listingIds as string[])
    : [String(unreadData.listingId ?? '')].filter(Boolean);
  if (before.includes(input.listing.id)) return null;
  const listingIds = [...before, input.listing.id];
  const n = listingIds.length;
  const newest = listingNotice(input);
  const { match } = input;
  const title: Label = match
    ? {
        vi: `${n} ${KIND[input.listing.kind].vi} mới phù hợp với “${match.title}” của bạn`,
        en: `${n} new matching ${KIND[input.listing.kind].en}s for your ${KIND[match.kind].en} “${match.title}”`,
      }
    : { vi: `${n} tin mới khớp tìm kiếm đã lưu của bạn`, en: `${n} new listings match your saved searches` };
  const body: Label = {
    vi: `Mới nhất: ${newest.title.vi}. ${newest.body.vi}`.trim(),
    en: `Newest: ${newest.title.en}. ${newest.body.en}`.trim(),
  };
  const link = match ? `/${match.kind === 'offer' ? 'offers' : 'demands'}/${match.id}` : newest.link;
  return { title, body, link, listingIds };
}
