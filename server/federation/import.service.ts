/**
 * Importing partners' feeds: pulls each active partner's feed from its registered base URL (no
 * other host is ever asked), page after page from its stored cursor, each request signed with
 * this exchange's key (the partner serves its feed to partners only); each page is checked
 * (import-rules) before anything of it is stored — a page signed with a key id the partner is not
 * known by here has the partner asked for its keys first (a rotation its registered key
 * endorsed) — and a refused page stops the pull with its reason recorded on the partner.
 * Imported listings are stored read-only and indexed with their origin; tombstones delete them.
 */
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { logger } from '../common/logger';
import { KEY_ID_HEADER, SIGNATURE_HEADER, newNonce, signRequest } from './signing';
import {
  checkFeedPage,
  importedPageVisible,
  importedSearchDoc,
  partnerListed,
  planImport,
} from './import-rules';
import { keyNamed } from './key-rules';
import { ownIdentity } from './identity.store';
import { refreshPartnerKey } from './partner-keys.service';
import {
  getPartner,
  holdPartner,
  listPartners,
  recordPull,
  type PartnerDoc,
  type PullOutcome,
} from './partner.store';
import { getImportedListing, putImportedListing, removeImportedListing } from './imported-listing.store';
import { importedListingView } from './federation.view';

const PAGE_LIMIT = 100;
/** Pages read in one pull at most; the next pull goes on from the cursor. */
const MAX_PAGES = 50;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

type PullCtx = Pick<AppContext, 'search' | 'config'>;

class PullRefused extends Error {}

const FEED_PATH = '/api/federation/listings';

/** The partner's error message, when its answer carries one. */
async function errorMessageOf(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).slice(0, 2000);
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? `: ${message.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

/** One page of the partner's feed, asked for with a request signed by this exchange's key. */
async function fetchPage(ctx: PullCtx, partner: PartnerDoc, since: string | null, now: Date) {
  const url = new URL(`${partner.baseUrl}${FEED_PATH}`);
  if (since) url.searchParams.set('since', since);
  url.searchParams.set('limit', String(PAGE_LIMIT));
  const me = await ownIdentity(ctx.config.dataDir);
  const signed = signRequest(
    { method: 'GET', pathAndQuery: `${FEED_PATH}${url.search}` },
    me,
    now,
    newNonce(),
  );
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', ...signed },
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    throw new PullRefused(`unreachable: ${(err as Error).message}`);
  }
  if (res.status !== 200)
    throw new PullRefused(`the partner answered ${res.status}${await errorMessageOf(res)}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new PullRefused('the page is too large');
  const raw = await res.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new PullRefused('the page is too large');
  return { raw, signature: res.headers.get(SIGNATURE_HEADER), keyId: res.headers.get(KEY_ID_HEADER) };
}

/**
 * Pulls one partner's feed from its cursor to the end (or MAX_PAGES). Each trusted page is stored
 * and its cursor recorded before the next is asked for, so a pull cut short resumes where it
 * stopped; a refused page stores nothing and is recorded with its reason.
 */
export async function pullPartner(
  ctx: PullCtx,
  partnerId: string,
  now = () => new Date(),
): Promise<PullOutcome> {
  const found = await getPartner(partnerId);
  if (!found) throw AppError.notFound('Partner');
  if (found.status !== 'active')
    throw AppError.conflict('This partner is suspended: activate it before pulling its feed');
  return holdPartner(partnerId, async () => {
    const outcome: PullOutcome = { at: now(), ok: true, imported: 0, removed: 0 };
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      let partner = (await getPartner(partnerId))!;
      // Suspended while this pull waited for the lock: nothing more is taken from it.
      if (!partnerListed(partner)) break;
      const since = partner.cursor ?? null;
      try {
        const fetched = await fetchPage(ctx, partner, since, now());
        let key = keyNamed(partner, fetched.keyId, now());
        if (!key && fetched.keyId && fetched.signature) {
          // A key id it is not known by here: maybe it rotated its key; ask it for its keys.
          const refreshed = await refreshPartnerKey(partnerId, now());
          if (!refreshed.ok)
            throw new PullRefused(
              `unknown key: signed with ${fetched.keyId}, registered ${partner.keyId}; ${refreshed.reason}`,
            );
          partner = refreshed.partner;
          key = keyNamed(partner, fetched.keyId, now());
        }
        const check = checkFeedPage(fetched.raw, fetched, key ?? partner, since, now());
        if (!check.ok) throw new PullRefused(check.reason);
        const plan = planImport({ id: partnerId, code: partner.code }, check.page, now());
        const written = [];
        for (const doc of plan.put) if (await putImportedListing(doc)) written.push(doc);
        outcome.imported += written.length;
        if (written.length) await ctx.search.upsert(written.map(importedSearchDoc));
        for (const id of plan.remove) if (await removeImportedListing(id)) outcome.removed++;
        if (plan.remove.length) await ctx.search.remove(plan.remove);
        outcome.at = now();
        await recordPull(partnerId, since ?? undefined, outcome, check.page.next ?? undefined);
        if (!check.page.more) break;
      } catch (err) {
        if (!(err instanceof PullRefused)) throw err;
        const refused = { ...outcome, at: now(), ok: false, reason: err.message };
        logger.warn({ partner: partner.code, reason: err.message }, 'a partner feed page was refused');
        await recordPull(partnerId, since ?? undefined, refused, undefined);
        return refused;
      }
    }
    return outcome;
  });
}

/** The scheduled pull: every active partner in turn; one partner's failure does not stop the others. */
export async function pullAllPartners(ctx: PullCtx): Promise<void> {
  for (const partner of await listPartners()) {
    if (partner.status !== 'active') continue;
    await pullPartner(ctx, String(partner._id)).catch((err) =>
      logger.warn({ err, partner: partner.code }, 'pulling a partner feed failed'),
    );
  }
}

/** One imported listing, read-only, with its home exchange. */
export async function readImportedListing(id: string, viewer?: SessionUser) {
  const doc = await getImportedListing(id);
  const home = doc && (await getPartner(doc.partnerId));
  // A suspended partner's listings are shown to operators alone (as if absent to anyone else).
  if (!doc || !home || !importedPageVisible(home, viewer)) throw AppError.notFound('Imported listing');
  return { listing: importedListingView(doc, home) };
}
