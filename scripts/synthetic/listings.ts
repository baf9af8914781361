/**
 * Deterministic synthetic listings (offers and demands) with Vietnamese-like text, spread over
 * every field and sub-field, province, TRL, transfer mode and price range. Used by benchmarks
 * and load tests; the same (n, seed) always gives the same listings.
 */
import { PROVINCE_CODES, TRANSFER_MODES, PRICING_MODELS } from '../../server/api-contract/enums';
import type { Currency, ListingKind, PricingModel } from '../../server/api-contract/enums';
import { TAXONOMY } from '../../server/api-contract/taxonomy';
import type { FieldCode } from '../../server/api-contract/taxonomy';
import type { SearchDoc } from '../../search/types';
import { createRandom } from './prng';
import type { Random } from './prng';
import * as vocab from './vocabulary';

export interface SyntheticListing {
  id: string;
  kind: ListingKind;
  title: string;
  summary: string;
  description: string;
  keywords: string[];
  field: FieldCode;
  subField: string;
  trl: number;
  transferModes: string[];
  province: string;
  pricing: { model: PricingModel; amount?: number; currency: Currency };
  language: 'vi' | 'en';
  organizationId: string;
  publishedAt: string;
}

const SUB_FIELDS = TAXONOMY.flatMap((f) => f.subFields.map((s) => ({ field: f.code, subField: s.code })));
const START_MS = Date.UTC(2024, 0, 1);
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

export function generateSyntheticListings(n: number, seed = 1): SyntheticListing[] {
  const random = createRandom(seed);
  const listings: SyntheticListing[] = [];
  for (let i = 0; i < n; i++) listings.push(generateOne(random, i, seed));
  return listings;
}

function generateOne(random: Random, index: number, seed: number): SyntheticListing {
  const { field, subField } = SUB_FIELDS[index % SUB_FIELDS.length];
  const kind: ListingKind = random.chance(0.6) ? 'offer' : 'demand';
  const language = random.chance(0.8) ? 'vi' : 'en';
  const topics = (vocab.TOPICS_BY_SUB_FIELD[subField] ?? ['công nghệ mới|new technology']).map((t) =>
    t.split('|'),
  );
  const [topicVi, topicEn] = random.pick(topics);
  const [otherVi, otherEn] = random.pick(topics);
  const vi = language === 'vi';
  const topic = vi ? topicVi : topicEn;
  const head = random.pick(
    kind === 'offer'
      ? vi
        ? vocab.TITLE_HEADS_VI
        : vocab.TITLE_HEADS_EN
      : vi
        ? vocab.DEMAND_HEADS_VI
        : vocab.DEMAND_HEADS_EN,
  );
  const qualifier = random.pick(vi ? vocab.QUALIFIERS_VI : vocab.QUALIFIERS_EN);
  const title = `${head} ${topic} ${qualifier}`;
  const summary = vi
    ? `${capitalise(topicVi)} ${random.pick(vocab.QUALIFIERS_VI)}, kết hợp ${otherVi}.`
    : `${capitalise(topicEn)} ${random.pick(vocab.QUALIFIERS_EN)}, combined with ${otherEn}.`;
  const sentences = vi ? vocab.SENTENCES_VI : vocab.SENTENCES_EN;
  const description = random
    .sample(sentences, random.int(3, 6))
    .map((s) => fillTemplate(s, random))
    .join(' ');
  const keywords = [...new Set([topicVi, topicEn, otherVi].map((k) => k.toLowerCase()))];
  const model = random.pick(PRICING_MODELS);
  const currency: Currency = random.chance(0.75) ? 'VND' : 'USD';
  const amount = model === 'negotiable' && random.chance(0.5) ? undefined : priceFor(currency, random);
  return {
    id: syntheticId(seed, index),
    kind,
    title,
    summary,
    description,
    keywords,
    field,
    subField,
    trl: random.int(1, 9),
    transferModes: random.sample(TRANSFER_MODES, random.int(1, 3)),
    province: PROVINCE_CODES[random.int(0, PROVINCE_CODES.length - 1)],
    pricing: { model, amount, currency },
    language,
    organizationId: `org${(index * 7919) % 997}`.padEnd(8, '0'),
    publishedAt: new Date(START_MS + Math.floor(random.next() * SPAN_MS)).toISOString(),
  };
}

/** VND has no minor unit; USD amounts are in cents. */
function priceFor(currency: Currency, random: Random): number {
  if (currency === 'VND') return random.int(5, 5000) * 1_000_000;
  return random.int(20, 200_000) * 100;
}

function fillTemplate(template: string, random: Random): string {
  return template
    .replace('{place}', random.pick(vocab.PLACES))
    .replace('{percent}', String(random.int(10, 60)))
    .replace('{years}', String(random.int(2, 10)))
    .replace('{count}', String(random.int(5, 500)));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function syntheticId(seed: number, index: number): string {
  return `syn${seed.toString(16)}x${index.toString(16).padStart(8, '0')}`;
}

export function toSearchDoc(listing: SyntheticListing): SearchDoc {
  return {
    id: listing.id,
    kind: listing.kind,
    title: listing.title,
    summary: listing.summary,
    body: listing.description,
    keywords: listing.keywords,
    field: listing.field,
    subField: listing.subField,
    trl: listing.trl,
    transferModes: listing.transferModes,
    province: listing.province,
    price: listing.pricing.amount,
    currency: listing.pricing.amount === undefined ? undefined : listing.pricing.currency,
    language: listing.language,
    organizationId: listing.organizationId,
    publishedAt: listing.publishedAt,
  };
}
