/**
 * Publishing: each organization's choice to share its listings and the signed feed partners pull
 * (`GET /api/federation/listings`, its readers checked by feed-access.ts). Load → pure page
 * (feed-rules, with single listings' own choices) → serialize once → sign those exact bytes.
 */
import mongoose from 'mongoose';
import type { Config } from '../config';
import type { SessionUser } from '../common/session-user';
import type { ListingKind } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { assertVerifiedOrg } from '../common/access';
import { LISTING_KINDS_STORED, listingModel, toSearchDoc, type ListingDoc } from '../listings';
import { organizationFacts } from '../organizations';
import {
  cutFeedPage,
  decodeCursor,
  listingChoiceKey,
  type FeedListing,
  type ShareChoice,
} from './feed-rules';
import { signedJson } from './signing';
import { signedAnswer } from './signed-answer';
import { ownIdentity, sharingDefault } from './identity.store';
import { getShare, listShares, setShare } from './share.store';
import { listListingShares } from './listing-share.store';
import type { FeedBody, FeedItem } from './import-rules';
import type { ImportedListingFields } from './imported-listing.model';

function ownOrganization(user: SessionUser): string {
  assertVerifiedOrg(user);
  return user.organization!.id;
}

export async function sharingOf(user: SessionUser) {
  const orgId = ownOrganization(user);
  const share = await getShare(orgId);
  // An organization that never chose follows the operator's default.
  return {
    sharing: {
      organizationId: orgId,
      shared: share?.shared ?? (await sharingDefault())?.shared ?? false,
      changedAt: share?.changedAt?.toISOString() ?? null,
    },
  };
}

export async function changeSharing(user: SessionUser, shared: boolean) {
  const orgId = ownOrganization(user);
  const share = await setShare(orgId, shared, user.id);
  return {
    sharing: { organizationId: orgId, shared: share.shared, changedAt: share.changedAt.toISOString() },
  };
}

type Candidate = FeedListing & { doc: ListingDoc };

/**
 * The listings ever published of the organizations that ever chose to share, or of every
 * organization (`orgIds` null) once the operator set a default that those who never chose follow.
 */
async function candidates(orgIds: string[] | null): Promise<Candidate[]> {
  if (orgIds?.length === 0) return [];
  const ids = orgIds
    ?.filter((id) => mongoose.isValidObjectId(id))
    .map((id) => new mongoose.Types.ObjectId(id));
  const out: Candidate[] = [];
  for (const kind of LISTING_KINDS_STORED) {
    const docs = (await listingModel(kind)
      .find({
        ...(ids ? { organizationId: mongoose.trusted({ $in: ids }) } : {}),
        publishedAt: mongoose.trusted({ $exists: true }),
      })
      .lean()) as ListingDoc[];
    for (const doc of docs)
      out.push({
        kind,
        id: String(doc._id),
        organizationId: String(doc.organizationId),
        status: doc.status,
        publishedAt: doc.publishedAt,
        updatedAt: doc.updatedAt ?? doc.publishedAt,
        doc,
      });
  }
  return out;
}

function feedListing(kind: ListingKind, doc: ListingDoc, organizationName: string): ImportedListingFields {
  const s = toSearchDoc(kind, doc);
  return {
    title: s.title,
    summary: s.summary,
    body: s.body,
    keywords: s.keywords,
    field: s.field,
    ...(s.subField ? { subField: s.subField } : {}),
    trl: s.trl,
    transferModes: s.transferModes,
    province: s.province,
    ...(s.price !== undefined ? { price: s.price, currency: s.currency ?? 'VND' } : {}),
    language: s.language,
    publishedAt: s.publishedAt,
    organizationName,
  };
}

/**
 * One page of the feed after `since`, serialized once and signed over those bytes: the
 * signature and key id go in the answer's headers.
 */
export async function signedFeedPage(
  config: Config,
  query: { since?: string; limit: number },
  now = new Date(),
): Promise<{ body: string; headers: Record<string, string> }> {
  const since = query.since ? decodeCursor(query.since) : null;
  if (query.since && !since)
    throw AppError.validation([{ field: 'since', message: 'since is not a cursor of this feed' }]);
  const shares = await listShares();
  const choices = new Map<string, ShareChoice>(
    shares.map((s) => [s._id, { shared: s.shared, changedAt: s.changedAt }]),
  );
  const listingChoices = new Map<string, ShareChoice>(
    (await listListingShares()).map((c) => [
      listingChoiceKey(c.kind, c.listingId),
      { shared: c.shared, changedAt: c.changedAt },
    ]),
  );
  const byDefault = await sharingDefault();
  const page = cutFeedPage(
    await candidates(byDefault ? null : [...choices.keys()]),
    choices,
    since,
    query.limit,
    listingChoices,
    byDefault && { shared: byDefault.shared, changedAt: byDefault.changedAt },
  );
  const listed = page.entries.filter((e) => e.type === 'listing');
  const orgs = await organizationFacts([...new Set(listed.map((e) => e.listing.organizationId))]);
  const me = await ownIdentity(config.dataDir);
  const items: FeedItem[] = page.entries.map((e) => ({
    type: e.type,
    kind: e.kind,
    id: e.id,
    changedAt: new Date(e.at).toISOString(),
    ...(e.type === 'listing'
      ? { listing: feedListing(e.kind, e.listing.doc, orgs.get(e.listing.organizationId)?.name ?? '') }
      : {}),
  }));
  const body: FeedBody = {
    exchange: { name: config.federationName, keyId: me.keyId },
    since: query.since ?? null,
    next: page.next,
    more: page.more,
    generatedAt: now.toISOString(),
    items,
  };
  return signedJson(body, me);
}

/** The page as the route answers it: the exact signed bytes. */
export async function feedAnswer(
  config: Config,
  query: { since?: string; limit: number },
  res: { setHeader(n: string, v: string): unknown },
) {
  res.setHeader('Cache-Control', 'no-store');
  return signedAnswer(await signedFeedPage(config, query), res);
}
