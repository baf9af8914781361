import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { loadDealForUser, dealReads } from '../deals';
import { ledgerOfDeal } from './ledger.store';
import type { PaymentDoc } from './payment.model';
import { paymentView } from './payment.view';
import { organizationReads } from '../organizations';
import { paymentReads } from './payment.store';
import type { PaymentListQuery } from './payment.schemas';

/** The money record of one deal, for its two parties and operators (its broker sees the fees, not this). */
export async function ledgerForUser(user: SessionUser, dealId: string) {
  const { role } = await loadDealForUser(user, dealId);
  if (role !== 'seller' && role !== 'buyer' && role !== 'admin') {
    throw AppError.forbidden("Only the deal's parties and operators may read its ledger");
  }
  return { entries: await ledgerOfDeal(dealId) };
}

/** Operators' list of payments, newest first, with the deal's title and the payer's name. */
export async function listPayments(query: PaymentListQuery) {
  const filter: Record<string, unknown> = {};
  if (query.status) filter.status = query.status;
  if (query.provider) filter.provider = query.provider;
  if (query.purpose) filter.purpose = query.purpose;
  if (query.dealId) filter.dealId = query.dealId;
  if (query.attention === 'surplus_refund') filter['deposit.refunds.status'] = 'needs_operator';
  const [docs, total] = await Promise.all([
    paymentReads
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    paymentReads.countDocuments(filter),
  ]);
  const payments = docs as PaymentDoc[];
  const [deals, orgs] = await Promise.all([
    dealReads
      .find({ _id: mongoose.trusted({ $in: payments.map((p) => p.dealId) }) }, { listingTitle: 1, status: 1 })
      .lean(),
    organizationReads
      .find({ _id: mongoose.trusted({ $in: payments.map((p) => p.payerOrgId) }) }, { name: 1 })
      .lean(),
  ]);
  const dealById = new Map(deals.map((d) => [String(d._id), d]));
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    payments: payments.map((p) => {
      const deal = dealById.get(String(p.dealId));
      return {
        ...paymentView(p),
        dealTitle: deal?.listingTitle ?? p.title ?? undefined,
        dealStatus: deal?.status,
        payerOrgName: orgName.get(String(p.payerOrgId)),
      };
    }),
    total,
    page: query.page,
    limit: query.limit,
  };
}
