/**
 * Importing a partner's feed as pure rules: whether a fetched page may be trusted (signed by the
 * partner's registered key over exactly the bytes received, fresh, answering the cursor asked
 * for, of the feed's shape) and what it changes here (copies to store, copies to delete).
 */
import type { ListingKind } from '../api-contract/enums';
import type { SearchDoc } from '../../search';
import { foldVietnamese } from '../../search';
import { checkSignature } from './signing';
import { feedResponse } from './federation.schemas';
import type { ImportedListingDoc, ImportedListingFields } from './imported-listing.model';

/** How far a page's `generatedAt` may lie from this exchange's clock (a replayed old page is refused). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface FeedItem {
  type: 'listing' | 'tombstone';
  kind: ListingKind;
  id: string;
  changedAt: string;
  listing?: ImportedListingFields;
}

export interface FeedBody {
  exchange: { name: string; keyId: string };
  since: string | null;
  next: string | null;
  more: boolean;
  generatedAt: string;
  items: FeedItem[];
}

export interface TrustedPartner {
  keyId: string;
  publicKey: string;
}

export type PageCheck = { ok: true; page: FeedBody } | { ok: false; reason: string };

/**
 * The page, when it may be trusted: signed by `partner`'s key over `raw` exactly, of the feed's
 * shape, answering `askedSince`, made within MAX_CLOCK_SKEW_MS of `now`. Else why not.
 */
export function checkFeedPage(
  raw: string,
  headers: { signature?: string | null; keyId?: string | null },
  partner: TrustedPartner,
  askedSince: string | null,
  now: Date,
): PageCheck {
  const refusal = checkSignature(raw, headers, partner);
  if (refusal === 'unsigned') return { ok: false, reason: 'unsigned: the answer carries no signature' };
  if (refusal === 'unknown_key')
    return { ok: false, reason: `unknown key: signed with ${headers.keyId}, registered ${partner.keyId}` };
  if (refusal)
    return { ok: false, reason: 'bad signature: the body does not verify against the registered key' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'malformed: the body is not JSON' };
  }
  const { error, value } = feedResponse.validate(parsed, { abortEarly: true, convert: false });
  if (error) return { ok: false, reason: `malformed: ${error.details[0].message}` };
  const page = value as FeedBody;
  if (page.exchange.keyId !== partner.keyId)
    return { ok: false, reason: 'unknown key: the page names another key than the one it was signed with' };
  if (page.since !== askedSince)
    return { ok: false, reason: `replayed: the page answers since=${page.since}, asked ${askedSince}` };
  const skew = Math.abs(Date.parse(page.generatedAt) - now.getTime());
  if (!(skew <= MAX_CLOCK_SKEW_MS))
    return { ok: false, reason: `expired: the page was made ${page.generatedAt}, too far from now` };
  return { ok: true, page };
}

export interface ImportPlan {
  put: ImportedListingDoc[];
  remove: string[];
}

export const importedId = (partnerId: string, kind: ListingKind, remoteId: string) =>
  `${partnerId}-${kind}-${remoteId}`;

/** What a trusted page changes: each listing stored (the latest of each), each tombstone removed. */
export function planImport(partner: { id: string; code: string }, page: FeedBody, now: Date): ImportPlan {
  const latest = new Map<string, FeedItem>();
  for (const item of page.items) {
    const id = importedId(partner.id, item.kind, item.id);
    const held = latest.get(id);
    if (!held || Date.parse(held.changedAt) <= Date.parse(item.changedAt)) latest.set(id, item);
  }
  const plan: ImportPlan = { put: [], remove: [] };
  for (const [id, item] of latest) {
    if (item.type === 'tombstone' || !item.listing) {
      plan.remove.push(id);
      continue;
    }
    plan.put.push({
      _id: id,
      partnerId: partner.id,
      origin: partner.code,
      kind: item.kind,
      remoteId: item.id,
      changedAt: new Date(item.changedAt),
      listing: item.listing,
      importedAt: now,
    });
  }
  return plan;
}

/** An imported listing as the search index holds it, its origin the partner's code. */
export function importedSearchDoc(doc: ImportedListingDoc): SearchDoc {
  const l = doc.listing;
  return {
    id: doc._id,
    kind: doc.kind,
    title: l.title,
    summary: l.summary,
    body: l.body,
    keywords: l.keywords,
    field: l.field as SearchDoc['field'],
    subField: l.subField,
    trl: l.trl,
    transferModes: l.transferModes,
    province: l.province,
    price: l.price,
    currency: l.price === undefined ? undefined : (l.currency ?? 'VND'),
    language: l.language,
    organizationId: `${doc.origin}:${l.organizationName}`,
    publishedAt: l.publishedAt,
    origin: doc.origin,
  };
}

/** A partner's code made from its name: folded, lower-case, dashes between words ("Sàn Đà Nẵng" → "san-da-nang"). */
export function partnerCodeFrom(name: string): string {
  const code = foldVietnamese(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return !code || code === 'local' ? 'partner' : code;
}

/** The listing's page on its home exchange. */
export function homeUrl(baseUrl: string, kind: ListingKind, remoteId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${kind}s/${remoteId}`;
}

/**
 * Whether a partner's imported listings are searched, matched and shown: only while the partner is
 * active. A suspended partner's copies stay held (not pulled again) but out of the index, and its
 * listings' pages answer operators alone.
 */
export function partnerListed(partner: { status: 'active' | 'suspended' }): boolean {
  return partner.status === 'active';
}

/** Whether someone may read an imported listing's page: anyone while its partner is active, operators always. */
export function importedPageVisible(
  partner: { status: 'active' | 'suspended' },
  viewer: { role: string } | null | undefined,
): boolean {
  return partnerListed(partner) || viewer?.role === 'admin';
}

/** The copies that belong in the search index: those of partners held and listed (active). */
export function listedImported<D extends { partnerId: string }>(
  docs: readonly D[],
  partners: readonly { _id: unknown; status: 'active' | 'suspended' }[],
): D[] {
  const listed = new Set(partners.filter(partnerListed).map((p) => String(p._id)));
  return docs.filter((d) => listed.has(d.partnerId));
}
