/** The words of a "new listing for you" notification, in both languages. */
import type { Label } from '../api-contract/taxonomy';
import type { MatchReason } from '../matching/match-score';

export const LISTING_MATCH_TYPE = 'listing.match';

export interface ListingNoticeInput {
  listing: { kind: 'offer' | 'demand'; id: string; title: string };
  /** The recipient's organization's listing it matches best, if it was found by matching. */
  match?: { kind: 'offer' | 'demand'; title: string; score: number; reasons: readonly MatchReason[] };
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
