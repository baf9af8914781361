/**
 * Operators' partner exchanges: registering one (its key checked and fingerprinted), listing,
 * suspending and removing them (a removed partner's imported listings leave the index with it);
 * and the directory of home exchanges the search answers name.
 */
import type { AppContext } from '../context';
import type { Config } from '../config';
import type { SessionUser } from '../common/session-user';
import type { ListingKind } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { logger } from '../common/logger';
import { canonicalPublicKey, keyFingerprint, keyIdOf } from './signing';
import { homeUrl, importedSearchDoc, partnerCodeFrom, partnerListed } from './import-rules';
import { ownIdentity } from './identity.store';
import {
  createPartner,
  getPartner,
  holdPartner,
  listPartners,
  removePartner,
  setPartnerStatus,
  type PartnerDoc,
  type PartnerStatus,
} from './partner.store';
import {
  countImportedListings,
  importedListingsOf,
  removeImportedListingsOf,
} from './imported-listing.store';
import { inquiryTrafficWith } from './inquiry.store';
import { receivedTrafficFrom } from './received-inquiry.store';
import { recentSince } from './stats-rules';
import { partnerView } from './federation.view';
import type { PartnerInput } from './federation.schemas';

export async function registerPartner(
  config: Pick<Config, 'dataDir'>,
  user: SessionUser,
  input: PartnerInput,
) {
  const publicKey = canonicalPublicKey(input.publicKey);
  if (!publicKey)
    throw AppError.validation([
      { field: 'publicKey', message: 'publicKey must be an Ed25519 public key (SPKI PEM)' },
    ]);
  const keyId = keyIdOf(publicKey);
  if (keyId === (await ownIdentity(config.dataDir)).keyId)
    throw AppError.validation([{ field: 'publicKey', message: 'publicKey is this exchange’s own key' }]);
  const partners = await listPartners();
  if (partners.some((p) => p.keyId === keyId))
    throw AppError.conflict('A partner with this key is registered already');
  const code = input.code ?? partnerCodeFrom(input.name);
  if (partners.some((p) => p.code === code))
    throw AppError.conflict(`A partner with the code "${code}" is registered already: give another code`);
  try {
    const created = await createPartner({
      name: input.name,
      code,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      publicKey,
      keyId,
      fingerprint: keyFingerprint(publicKey),
      createdBy: user.id,
    });
    forgetHomes();
    return partnerView(created);
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw AppError.conflict(`A partner with the code "${code}" is registered already: give another code`);
    throw err;
  }
}

/**
 * One partner's statistics: listings imported from it now; inquiries sent to it and received
 * from it, answers received from it and sent to it, in all and in the last 30 days.
 */
async function partnerCounts(partnerId: string, now: Date) {
  const since = recentSince(now);
  const [importedListings, sent, received] = await Promise.all([
    countImportedListings(partnerId),
    inquiryTrafficWith(partnerId, since),
    receivedTrafficFrom(partnerId, since),
  ]);
  return {
    importedListings,
    inquiriesSent: sent.inquiries,
    inquiriesReceived: received.inquiries,
    answersSent: received.answers,
    answersReceived: sent.answers,
    last30Days: {
      inquiriesSent: sent.recentInquiries,
      inquiriesReceived: received.recentInquiries,
      answersSent: received.recentAnswers,
      answersReceived: sent.recentAnswers,
    },
  };
}

/** The partners, each with its statistics (see `partnerCounts`). */
export async function partnerList(now = new Date()) {
  const partners = [];
  for (const p of await listPartners())
    partners.push({ ...partnerView(p), counts: await partnerCounts(String(p._id), now) });
  return { partners };
}

/**
 * Suspends a partner or makes it active again. Under the partner's lock (a pull under way ends
 * first), its imported listings leave the search index on suspension, so neither search nor
 * matching finds them, and go back into it from the copies held on activation, without a pull.
 */
export async function changePartnerStatus(
  ctx: Pick<AppContext, 'search'>,
  id: string,
  status: PartnerStatus,
) {
  if (!(await getPartner(id))) throw AppError.notFound('Partner');
  return holdPartner(id, async () => {
    const doc = await setPartnerStatus(id, status);
    forgetHomes();
    const held = await importedListingsOf(id);
    if (held.length && partnerListed(doc)) await ctx.search.upsert(held.map(importedSearchDoc));
    else if (held.length) await ctx.search.remove(held.map((d) => d._id));
    return partnerView(doc);
  });
}

/** Removes the partner and every listing imported from it (from the index too). */
export async function deletePartner(ctx: Pick<AppContext, 'search'>, id: string): Promise<void> {
  if (!(await removePartner(id))) throw AppError.notFound('Partner');
  forgetHomes();
  const removed = await removeImportedListingsOf(id);
  if (removed.length) await ctx.search.remove(removed);
}

/** Home exchanges by their code, for search answers; the same object until a partner changes. */
export interface HomeExchanges {
  /** `listed`: the partner is active, its listings searched and matched (see `partnerListed`). */
  byCode: ReadonlyMap<string, { id: string; name: string; baseUrl: string; listed: boolean }>;
  homeOf(origin: string, kind: ListingKind, id: string): { name: string; url: string } | null;
}

const HOMES_TTL_MS = 30_000;
let homes: { at: number; value: Promise<HomeExchanges> } | null = null;

function buildHomes(partners: PartnerDoc[]): HomeExchanges {
  const byCode = new Map(
    partners.map((p) => [
      p.code,
      { id: String(p._id), name: p.name, baseUrl: p.baseUrl, listed: partnerListed(p) },
    ]),
  );
  return {
    byCode,
    homeOf(origin, kind, id) {
      const home = byCode.get(origin);
      const prefix = home && `${home.id}-${kind}-`;
      if (!home || !prefix || !id.startsWith(prefix)) return null;
      return { name: home.name, url: homeUrl(home.baseUrl, kind, id.slice(prefix.length)) };
    },
  };
}

/** The partners as home exchanges (read at most every 30 s, and after this process changes one). */
export function homeExchanges(): Promise<HomeExchanges> {
  if (!homes || Date.now() - homes.at > HOMES_TTL_MS) {
    // Unreadable partners leave the hits without their home, never the search without answers.
    const value = listPartners().then(buildHomes, (err: unknown) => {
      logger.warn({ err }, 'partner exchanges not read');
      homes = null;
      return buildHomes([]);
    });
    homes = { at: Date.now(), value };
  }
  return homes.value;
}

export function forgetHomes(): void {
  homes = null;
}
