/** `GET /api/{offers|demands}/:id/matches`. */
import type { ListingKind, Locale } from '@contract/enums';
import { api } from '../../api';
import type { Demand, Offer } from '../../types';

export type ReasonEffect = 'positive' | 'neutral' | 'negative';

export interface Match {
  offer?: Offer;
  demand?: Demand;
  score: number;
  reasons: string[];
  reasonDetails?: { code: string; effect: ReasonEffect; text: string }[];
}

export async function getMatches(
  kind: ListingKind,
  id: string,
  lang: Locale,
  signal?: AbortSignal,
): Promise<Match[]> {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  const body = await api<{ matches: Match[] }>(`${base}/${encodeURIComponent(id)}/matches`, {
    query: { lang, limit: 10 },
    signal,
  });
  return body.matches;
}
