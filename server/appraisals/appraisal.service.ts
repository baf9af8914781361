/**
 * The appraisal desk: a listing's owner, or a party of a deal on it, requests a technology
 * appraisal or a valuation; operators assign experts (never one in conflict); an assigned expert
 * accepts (and may then read the listing's confidential documents) or declines; the expert files
 * a report; the listing's owner publishes its summary as the listing's "appraised" badge.
 * Each step: load → pure plan (appraisal-rules.ts) → the store → notify.
 */
import type { AppContext } from '../context';
import type { AppraisalType, Currency, ListingKind, PaymentProvider } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { cachedListingRef, setListingAppraisal } from '../listings';
import { cachedDealViews } from '../deals';
import { dealOrgListKey, readOwnerList } from '../read-models';
import { expertEntries } from '../experts';
import { recordAudit } from '../audit';
import { cachedWhole } from '../common/record-cache';
import {
  assertFeeDue,
  feeStatusOf,
  planAcceptance,
  planAssignment,
  planDecline,
  planPublication,
  planReport,
  reportWithheld,
  type AppraisalReport,
  type FeeStatus,
} from './appraisal-rules';
import { computeAppraisalFee, expertShares } from '../fees';
import { paymentDeps, paymentsOfAppraisal, startSubjectPayment } from '../payments';
import {
  allAppraisals,
  changeAppraisal,
  createAppraisal,
  getAppraisal,
  type AppraisalDoc,
} from './appraisal.store';
import { appraisalView, type FeeShown } from './appraisal.view';
import { notifyAppraisal } from './appraisal-notices';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

export interface AppraisalRequest {
  listingKind: ListingKind;
  listingId: string;
  type: AppraisalType;
  note?: string;
  currency?: Currency;
}

const ENDED = new Set(['cancelled', 'closed_lost']);

/** The requester's standing on the listing: its owner, or a party of a live deal on it. */
async function standingOn(user: SessionUser, kind: ListingKind, listingId: string, ownerOrgId: string) {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only an active member of an organization may request an appraisal');
  if (orgId === ownerOrgId) return { orgId, role: 'owner' as const };
  const ids = (await readOwnerList(dealOrgListKey(orgId))).map((e) => e.id);
  const deals = await cachedDealViews(ids);
  const party = [...deals.values()].some(
    (d) => d.listingKind === kind && d.listingId === listingId && !ENDED.has(d.status),
  );
  if (!party)
    throw AppError.forbidden(
      "Only the listing's owner, or a party of a deal on it, may request its appraisal",
    );
  return { orgId, role: 'deal_party' as const };
}

const expertNames = async () => new Map((await expertEntries()).map((e) => [e.expert.id, e.expert.name]));

/** The fee's state from the request's payments; null for a request without a fee. */
async function feeOf(a: AppraisalDoc): Promise<{ status: FeeStatus; paymentId?: string } | null> {
  if (!a.fee) return null;
  const payments = await paymentsOfAppraisal(String(a._id));
  const status = feeStatusOf(payments);
  const standing = payments.find((p) => p.status === status);
  return { status, ...(standing ? { paymentId: String(standing._id) } : {}) };
}

async function feeShownTo(reader: SessionUser, a: AppraisalDoc): Promise<FeeShown | undefined> {
  const fee = await feeOf(a);
  if (!fee) return undefined;
  return { ...fee, withheld: reportWithheld(reader, a, fee.status) };
}

/** The request as `reader` sees it, with its experts' names (the report withheld until the fee is paid). */
async function present(a: AppraisalDoc, reader: SessionUser) {
  return appraisalView(a, await expertNames(), await feeShownTo(reader, a));
}

async function loadAppraisal(id: string): Promise<AppraisalDoc> {
  const found = await getAppraisal(id);
  if (!found) throw AppError.notFound('Appraisal');
  return found;
}

/** Who may read a request: the requesting organization, its experts (not those who declined), operators. */
function assertReader(user: SessionUser, a: AppraisalDoc): void {
  if (user.role === 'admin') return;
  if (actingOrganizationId(user) === a.requesterOrgId) return;
  if (a.assignments.some((x) => x.expertId === user.id && x.status !== 'declined')) return;
  if (actingOrganizationId(user) === a.listingOrgId && ownerMayRead(a)) return;
  throw AppError.notFound('Appraisal');
}

/** The listing's owner reads a request someone else made about its listing once it is reported: to publish it, or not. */
const ownerMayRead = (a: AppraisalDoc) => a.status === 'reported' || a.status === 'published';

/** Listings an appraisal may be asked about: published ones, and closed ones (a deal may still run on them). */
const APPRAISABLE = new Set(['published', 'closed']);

function assertExpert(user: SessionUser): void {
  if (user.role !== 'expert') throw AppError.forbidden('Only an assigned expert may do this');
}

export async function requestAppraisal(ctx: Ctx, user: SessionUser, body: AppraisalRequest) {
  const listing = await cachedListingRef(body.listingKind, body.listingId);
  if (!listing) throw AppError.notFound(body.listingKind === 'offer' ? 'Offer' : 'Demand');
  if (!APPRAISABLE.has(listing.status))
    throw AppError.conflict('Only a published (or closed) listing can be appraised');
  const standing = await standingOn(user, body.listingKind, body.listingId, listing.ownerOrgId);
  const fee = computeAppraisalFee(body.type, body.currency ?? 'VND', ctx.config.feeSchedule);
  const now = new Date();
  const created = await createAppraisal({
    listingKind: body.listingKind,
    listingId: body.listingId,
    listingTitle: listing.title,
    listingOrgId: listing.ownerOrgId,
    field: listing.field,
    type: body.type,
    note: body.note ?? '',
    requestedBy: user.id,
    requesterOrgId: standing.orgId,
    requesterRole: standing.role,
    ...(fee ? { fee: { amount: fee.amount, currency: fee.currency } } : {}),
    status: 'requested',
    timeline: [{ at: now, event: 'requested', by: user.id }],
  });
  await recordAudit({
    actorId: user.id,
    action: 'appraisal.requested',
    targetType: body.listingKind,
    targetId: body.listingId,
    data: { appraisalId: String(created._id), type: body.type, ...(fee ? { fee } : {}) },
  });
  return present(created, user);
}

export async function assignExperts(ctx: Ctx, admin: SessionUser, id: string, expertIds: string[]) {
  const candidates = (await expertEntries()).map((e) => ({
    id: e.expert.id,
    name: e.expert.name,
    conflicts: e.conflicts,
  }));
  const now = new Date();
  const before = await loadAppraisal(id);
  const { doc } = await changeAppraisal(id, (current) => {
    const planned = planAssignment(current, expertIds, candidates, admin.id, now);
    return {
      change: {
        $set: { assignments: planned.assignments, status: planned.status },
        $push: { timeline: { at: now, event: 'assigned', by: admin.id } },
      },
      result: null,
    };
  });
  const fresh = doc.assignments.filter(
    (a) =>
      a.status === 'assigned' &&
      !before.assignments.some((b) => b.expertId === a.expertId && b.status === 'assigned'),
  );
  for (const a of fresh) await notifyAppraisal(ctx, 'assigned', doc, a.expertId);
  await recordAudit({
    actorId: admin.id,
    action: 'appraisal.assigned',
    targetType: 'appraisal',
    targetId: id,
    data: { expertIds },
  });
  return present(doc, admin);
}

export async function acceptAppraisal(ctx: Ctx, user: SessionUser, id: string) {
  assertExpert(user);
  const now = new Date();
  const { doc } = await changeAppraisal(id, (current) => {
    const planned = planAcceptance(current, user.id, now);
    return {
      change: {
        $set: { assignments: planned.assignments, status: planned.status },
        $push: {
          accessGrants: { userId: user.id, at: now },
          timeline: { at: now, event: 'accepted', by: user.id },
        },
      },
      result: null,
    };
  });
  await recordAudit({
    actorId: user.id,
    action: 'appraisal.documents_access',
    targetType: doc.listingKind,
    targetId: doc.listingId,
    data: { appraisalId: id },
  });
  await notifyAppraisal(ctx, 'accepted', doc, doc.requestedBy);
  return present(doc, user);
}

export async function declineAppraisal(ctx: Ctx, user: SessionUser, id: string, reason: string | undefined) {
  assertExpert(user);
  const now = new Date();
  const { doc } = await changeAppraisal(id, (current) => {
    const planned = planDecline(current, user.id, reason, now);
    return {
      change: {
        $set: { assignments: planned.assignments, status: planned.status },
        $push: { timeline: { at: now, event: 'declined', by: user.id } },
      },
      result: null,
    };
  });
  await recordAudit({
    actorId: user.id,
    action: 'appraisal.declined',
    targetType: 'appraisal',
    targetId: id,
    data: reason ? { reason } : {},
  });
  await notifyAppraisal(ctx, 'declined', doc, doc.requestedBy);
  return present(doc, user);
}

export async function reportAppraisal(ctx: Ctx, user: SessionUser, id: string, report: AppraisalReport) {
  assertExpert(user);
  const now = new Date();
  const { doc } = await changeAppraisal(id, (current) => {
    const planned = planReport(current, user.id, report);
    return {
      change: {
        $set: { status: planned.status, report: { ...report, expertId: user.id, submittedAt: now } },
        $push: { timeline: { at: now, event: 'reported', by: user.id } },
      },
      result: null,
    };
  });
  await recordAudit({
    actorId: user.id,
    action: 'appraisal.reported',
    targetType: 'appraisal',
    targetId: id,
    data: { trlAssessed: report.trlAssessed, ...(report.valuation ? { valuation: report.valuation } : {}) },
  });
  await notifyAppraisal(ctx, 'reported', doc, doc.requestedBy);
  return present(doc, user);
}

/** The listing's owner shows the report's summary on the listing: its "appraised" badge. */
export async function publishAppraisal(user: SessionUser, id: string) {
  const current = await loadAppraisal(id);
  if (actingOrganizationId(user) !== current.listingOrgId)
    throw AppError.forbidden("Only the listing's owner may publish an appraisal on it");
  const fee = await feeOf(current);
  const feeSettled = !fee || fee.status === 'paid';
  planPublication(current, feeSettled);
  const now = new Date();
  // The listing first: a publication cut short after it is finished by publishing again.
  const report = current.report!;
  await setListingAppraisal(current.listingKind, current.listingId, {
    id,
    type: current.type,
    trlAssessed: report.trlAssessed,
    at: now,
    summary: report.recommendation,
  });
  const { doc } = await changeAppraisal(id, (a) => ({
    change: {
      $set: { status: planPublication(a, feeSettled).status, publishedAt: now },
      $push: { timeline: { at: now, event: 'published', by: user.id } },
    },
    result: null,
  }));
  await recordAudit({
    actorId: user.id,
    action: 'appraisal.published',
    targetType: current.listingKind,
    targetId: current.listingId,
    data: { appraisalId: id, trlAssessed: report.trlAssessed },
  });
  return present(doc, user);
}

export async function readAppraisal(user: SessionUser, id: string) {
  const a = await loadAppraisal(id);
  assertReader(user, a);
  return present(a, user);
}

/**
 * The requesting organization pays the fee (once an expert has taken the request on): a Stripe
 * Checkout URL or bank-transfer instructions, resumed when asked again. The experts who took it
 * on are owed their share once it is paid, recorded in the ledger.
 */
export async function payAppraisalFee(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  user: SessionUser,
  id: string,
  provider: PaymentProvider,
) {
  const a = await loadAppraisal(id);
  assertReader(user, a);
  if (actingOrganizationId(user) !== a.requesterOrgId)
    throw AppError.forbidden("Only a member of the requesting organization may pay an appraisal's fee");
  assertFeeDue(a);
  const deps = paymentDeps(ctx);
  const experts = a.assignments.filter((x) => x.status === 'accepted').map((x) => x.expertId);
  return startSubjectPayment(
    user,
    {
      kind: 'appraisal',
      id,
      title: a.listingTitle,
      payerOrgId: a.requesterOrgId,
      payees: expertShares(a.fee!.amount, experts, deps.schedule),
    },
    { purpose: 'appraisal_fee', payer: 'requester', amount: a.fee!.amount, currency: a.fee!.currency },
    provider,
    deps,
  );
}

/** Records on the request that its fee was paid, and tells its experts and requester; once per payment. */
export async function noteFeeSettled(ctx: Ctx, appraisalId: string, paymentId: string, status: string) {
  if (status !== 'paid') return;
  const event = `fee_paid:${paymentId}`;
  const now = new Date();
  const { doc, written } = await changeAppraisal(appraisalId, (a) =>
    a.timeline.some((e) => e.event === 'fee_paid' && e.by === paymentId)
      ? { result: null }
      : {
          change: { $push: { timeline: { at: now, event: 'fee_paid', by: paymentId } } },
          result: null,
        },
  );
  if (!written) return;
  const experts = doc.assignments.filter((x) => x.status === 'accepted').map((x) => x.expertId);
  for (const userId of [doc.requestedBy, ...experts])
    await notifyAppraisal(ctx, 'fee_paid', doc, userId, event);
}

export interface AppraisalListQuery {
  status?: string;
  listingId?: string;
  page: number;
  limit: number;
}

const newestFirst = (a: AppraisalDoc, b: AppraisalDoc) =>
  new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();

async function pageOf(list: AppraisalDoc[], query: AppraisalListQuery, reader: SessionUser) {
  const shown = list
    .filter(
      (a) =>
        (!query.status || a.status === query.status) && (!query.listingId || a.listingId === query.listingId),
    )
    .sort(newestFirst);
  const start = (query.page - 1) * query.limit;
  const names = await expertNames();
  const page = shown.slice(start, start + query.limit);
  const fees = await Promise.all(page.map((a) => feeShownTo(reader, a)));
  return {
    appraisals: page.map((a, i) => appraisalView(a, names, fees[i])),
    total: shown.length,
    page: query.page,
    limit: query.limit,
  };
}

/** The requests of my organization, reported ones about its listings, and (for experts) those I am assigned to. */
export async function myAppraisals(user: SessionUser, query: AppraisalListQuery) {
  const orgId = actingOrganizationId(user);
  const mine = (await allAppraisals()).filter(
    (a) =>
      (orgId && a.requesterOrgId === orgId) ||
      (orgId && a.listingOrgId === orgId && ownerMayRead(a)) ||
      a.assignments.some((x) => x.expertId === user.id && x.status !== 'declined'),
  );
  return pageOf(mine, query, user);
}

/** The operators' queue: every request, by status. */
export async function operatorAppraisals(operator: SessionUser, query: AppraisalListQuery) {
  return pageOf(await allAppraisals(), query, operator);
}

/** Experts who may read this listing's confidential documents for an appraisal under way or done. */
export async function appraisersOf(kind: ListingKind, listingId: string): Promise<string[]> {
  return (await allAppraisals())
    .filter((a) => a.listingKind === kind && a.listingId === listingId)
    .flatMap((a) => a.assignments.filter((x) => x.status === 'accepted').map((x) => x.expertId));
}

/** The badges of published appraisals by `<kind>:<id>` (the latest per listing), for search results: worked out once per write of an appraisal, not per search. */
export const appraisalBadges = cachedWhole({
  name: 'appraisals:badges',
  clearOn: ['appraisal'],
  load: async () => {
    const out = new Map<string, { trlAssessed: number; at: string; type: string; ms: number }>();
    for (const a of await allAppraisals()) {
      if (a.status !== 'published' || !a.report || !a.publishedAt) continue;
      const key = `${a.listingKind}:${a.listingId}`;
      const ms = new Date(a.publishedAt).getTime();
      if ((out.get(key)?.ms ?? -1) < ms)
        out.set(key, {
          trlAssessed: a.report.trlAssessed,
          at: new Date(a.publishedAt).toISOString(),
          type: a.type,
          ms,
        });
    }
    return new Map([...out].map(([k, { ms: _ms, ...badge }]) => [k, badge]));
  },
});

/** The value ranges' midpoints of reported and published valuations: price guidance's second source. */
export async function appraisedValuations(): Promise<
  { field: string; currency: string; value: number; trl: number }[]
> {
  return (await allAppraisals()).flatMap((a) => {
    const v = a.report?.valuation;
    if (a.type !== 'valuation' || !v || !a.field || (a.status !== 'reported' && a.status !== 'published'))
      return [];
    return [
      {
        field: a.field,
        currency: v.currency,
        value: Math.round((v.low + v.high) / 2),
        trl: a.report!.trlAssessed,
      },
    ];
  });
}
