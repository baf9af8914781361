/**
 * Matches among the listings imported from partner exchanges: the matcher's own candidate search
 * and scoring, with the search engine's text relevance asked for one partner's origin at a time
 * and the candidates read from the imported listings by `_id` (never a scan: there is no
 * same-field source for them). Each partner's listings are ranked against its own best text hit,
 * as local listings are against theirs.
 */
import type { AppContext } from '../context';
import { homeExchanges } from './partner.service';
import { importedListingsByIds, type ImportedListingDoc } from './imported-listing.store';
import {
  counterpartKind,
  findMatches,
  type Matchable,
  type CandidateStore,
  type ScoredMatch,
} from '../matching';
import { importedMatchable, importedMatchListingView } from './imported-matchable';

export interface ImportedMatch {
  match: ScoredMatch;
  view: Record<string, unknown>;
}

export async function findImportedMatches(
  ctx: Pick<AppContext, 'search'>,
  source: Matchable,
  opts: { limit: number; minScore: number },
): Promise<ImportedMatch[]> {
  const homes = await homeExchanges();
  // A suspended partner's listings are not matched (they are out of the index too).
  const origins = [...homes.byCode].filter(([, home]) => home.listed).map(([code]) => code);
  if (origins.length === 0) return [];
  const docs = new Map<string, ImportedListingDoc>();
  const store: CandidateStore = {
    async byIds(kind, ids) {
      const found = await importedListingsByIds(ids);
      for (const d of found) docs.set(d._id, d);
      return found.filter((d) => d.kind === kind).map(importedMatchable);
    },
    async sameField() {
      return [];
    },
  };
  const perPartner = await Promise.all(
    origins.map((origin) =>
      findMatches(
        source,
        { relevance: (text, o) => ctx.search.relevance(text, { ...o, origin }), store },
        opts,
      ),
    ),
  );
  const kind = counterpartKind(source.kind);
  return perPartner
    .flat()
    .sort((a, b) => b.score - a.score || a.listing.id.localeCompare(b.listing.id))
    .slice(0, opts.limit)
    .flatMap((match) => {
      const doc = docs.get(match.listing.id);
      if (!doc) return [];
      return [{ match, view: importedMatchListingView(doc, homes.homeOf(doc.origin, kind, doc._id)) }];
    });
}
