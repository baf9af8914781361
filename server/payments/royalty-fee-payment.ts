/**
 * A party pays its share of the exchange's fee on a royalty report (deals/royalty.service.ts files
 * and confirms the reports); the deal's broker's share of it falls due once it is paid.
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { Currency, PaymentProvider } from '../api-contract/enums';
import { loadDealDocForUser } from '../deals';
import { royaltyFeeBrokerShares } from '../fees';
import type { PaymentDeps } from './payment-deps';
import { startSubjectPayment } from './payment.service';

/** A party pays its share of the exchange's fee on one report. */
export async function payRoyaltyFee(
  user: SessionUser,
  dealId: string,
  reportId: string,
  provider: PaymentProvider,
  deps: PaymentDeps,
) {
  const { deal, role } = await loadDealDocForUser(user, dealId);
  const report = (deal.royaltyReports ?? []).find((r) => String(r._id) === reportId);
  if (!report) throw AppError.notFound('Royalty report');
  if (role !== 'buyer' && role !== 'seller')
    throw AppError.forbidden('Only a member of the paying organization may pay a fee on a royalty');
  const fees = (report.fees ?? []).map((f) => ({ payer: f.payer, amount: f.amount ?? 0 }));
  const at = fees.findIndex((f) => f.payer === role);
  const line = fees[at];
  if (!line?.amount) throw AppError.conflict('Your organization owes no fee on this royalty');
  // The broker's share of this line is owed once it is paid, as with the deal's own fee lines.
  const brokerShare = deal.brokerUserId ? royaltyFeeBrokerShares(fees, deps.schedule)[at] : 0;
  return startSubjectPayment(
    user,
    {
      kind: 'deal',
      id: dealId,
      title: `${deal.listingTitle} — ${report.period}`,
      payerOrgId: String(role === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId),
      royaltyReportId: reportId,
      payees:
        brokerShare > 0
          ? [{ userId: String(deal.brokerUserId), purpose: 'broker_commission', amount: brokerShare }]
          : [],
    },
    { purpose: 'royalty_fee', payer: role, amount: line.amount, currency: report.currency as Currency },
    provider,
    deps,
  );
}
