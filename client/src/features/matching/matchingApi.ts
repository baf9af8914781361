/** `GET /api/{offers|demands}/:id/matches`. */
import type { ListingKind, Locale } from '@contract/enums';
import { api } from '../../api';
import type { Demand, Offer } from '../../types';

export type ReasonEffect = 'positive' | 'neutral' | 'negative';

/** A partner exchange's listing imported here: read-only, with its home exchange. */
export interface ImportedMatchListing {
  id: string;
  kind: ListingKind;
  imported: true;
  origin: string;
  partnerName: string;
  homeUrl: string | null;
  title: string;
  field: string;
  province?: string | null;
  organizationName: string;
}

export interface Match {
  offer?: Offer | ImportedMatchListing;
  demand?: Demand | ImportedMatchListing;
  score: number;
  reasons: string[];
  reasonDetails?: { code: string; effect: ReasonEffect; text: string }[];
}

export async function getMatches(
  kind: ListingKind,
  id: string,
  lang: Locale,
  signal?: AbortSignal,
): Promise<{ matches: Match[]; imported: Match[] }> {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  const body = await api<{ matches: Match[]; imported?: Match[] }>(
    `${base}/${encodeURIComponent(id)}/matches`,
    { query: { lang, limit: 10 }, signal },
  );
  return { matches: body.matches, imported: body.imported ?? [] };
}

export function isImported(listing: Offer | Demand | ImportedMatchListing): listing is ImportedMatchListing {
  return 'imported' in listing && listing.imported === true;
}
