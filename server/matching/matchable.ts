/**
 * A listing as the matcher sees it: the plain facts scoreMatch needs and the text the search
 * engine ranks. Built from database documents, demo data or synthetic listings alike, so the
 * matcher runs without a database or HTTP (benchmarks, tests).
 */
import type { Currency, PricingModel, TransferMode } from '../api-contract/enums';
import type { MatchDemand, MatchOffer } from './match-score';

interface MatchableBase {
  id: string;
  organizationId: string;
  title: string;
  summary: string;
  keywords: string[];
  field: string;
  subField?: string | null;
  transferModes: TransferMode[];
  province?: string | null;
}

export interface MatchableOffer extends MatchableBase {
  kind: 'offer';
  description: string;
  trl?: number | null;
  pricing?: { model?: PricingModel | null; amount?: number | null; currency?: Currency | null } | null;
}

export interface MatchableDemand extends MatchableBase {
  kind: 'demand';
  problem: string;
  desiredOutcome: string;
  minTrl?: number | null;
  /** The highest TRL its organisation turned down as too low (see MatchDemand). */
  trlTurnedDown?: number | null;
  budget?: { min?: number | null; max?: number | null; currency?: Currency | null } | null;
}

export type Matchable = MatchableOffer | MatchableDemand;
export type MatchKind = Matchable['kind'];

export function counterpartKind(kind: MatchKind): MatchKind {
  return kind === 'offer' ? 'demand' : 'offer';
}

/**
 * The words a listing is matched on, most telling first: title, keywords, summary, then the
 * opening sentence of the long text (offer: description; demand: problem and desired outcome).
 * The rest of the long text is left out: it is mostly words common to every listing ("hệ thống",
 * "chi phí", "vận hành"), which add little to relevance and make the search engine rank nearly
 * the whole index (three times slower at 100,000 listings; see scripts/bench/matching.ts).
 */
export function matchText(listing: Matchable): string {
  const long = listing.kind === 'offer' ? [listing.description] : [listing.problem, listing.desiredOutcome];
  return [listing.title, listing.keywords.join(', '), listing.summary, ...long.map(firstSentence)]
    .filter(Boolean)
    .join('\n');
}

/** Up to the first full stop followed by a space (so "1.200 m³" or "0,1 µm" do not end it). */
export function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return (end >= 0 ? text.slice(0, end + 1) : text).slice(0, 300);
}

export function toMatchOffer(offer: MatchableOffer): MatchOffer {
  return {
    field: offer.field,
    subField: offer.subField,
    trl: offer.trl,
    pricingModel: offer.pricing?.model,
    price: offer.pricing?.amount,
    currency: offer.pricing?.currency,
    transferModes: offer.transferModes,
    province: offer.province,
    keywords: offer.keywords,
  };
}

export function toMatchDemand(demand: MatchableDemand): MatchDemand {
  return {
    field: demand.field,
    subField: demand.subField,
    minTrl: demand.minTrl,
    trlTurnedDown: demand.trlTurnedDown,
    budgetMin: demand.budget?.min,
    budgetMax: demand.budget?.max,
    currency: demand.budget?.currency,
    transferModes: demand.transferModes,
    province: demand.province,
    keywords: demand.keywords,
  };
}

/** A lean offer or demand document (mongoose) as a Matchable. */
export function matchableFromDoc(kind: MatchKind, doc: Record<string, any>): Matchable {
  const base = {
    id: String(doc._id ?? doc.id),
    organizationId: String(doc.organizationId ?? ''),
    title: doc.title ?? '',
    summary: doc.summary ?? '',
    keywords: Array.isArray(doc.keywords) ? doc.keywords : [],
    field: doc.field,
    subField: doc.subField ?? null,
    transferModes: Array.isArray(doc.transferModes) ? doc.transferModes : [],
    province: doc.province ?? null,
  };
  if (kind === 'offer') {
    return {
      ...base,
      kind,
      description: doc.description ?? '',
      trl: doc.trl ?? null,
      pricing: doc.pricing
        ? { model: doc.pricing.model, amount: doc.pricing.amount, currency: doc.pricing.currency }
        : null,
    };
  }
  return {
    ...base,
    kind,
    problem: doc.problem ?? '',
    desiredOutcome: doc.desiredOutcome ?? '',
    minTrl: doc.minTrl ?? null,
    budget: doc.budget ? { min: doc.budget.min, max: doc.budget.max, currency: doc.budget.currency } : null,
  };
}
