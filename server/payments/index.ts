/** The payments component's front door for other components. */
export { startSubjectPayment, type PaymentSubject } from './payment.service';
export { paymentDeps, type PaymentDeps } from './payment-deps';
export { appraisalFeeList, computeAppraisalFee, expertShares, type AppraisalFeeLine } from '../fees';
export { paymentsOfAppraisal } from './deal-payments';
export { bankInstructionsResponse, paymentResponse, startedPaymentResponse } from './payment.schemas';
export {
  settleAuctionDeposits,
  settleCallDeposits,
  settleKeptRunnerUpDeposit,
  forfeitDeposit,
  type AuctionDepositsClose,
  type DepositSettlement,
  type DepositSettlementDeps,
  type SettlementBids,
} from './deposit-settlement';
export { hasPaidDeposit } from './deposit-status';
export { computeRoyalty, computeRoyaltyFees, royaltyFeeBrokerShares, type FeeSchedule } from '../fees';
export { paymentsOfDeal } from './deal-payments';
export { listingFeeJobHandlers } from './listing-fee-jobs';
export { depositSurplusJobHandlers } from './deposit-surplus-jobs';
export { dealPayments } from './deal-payments-port';
export { completeDealIfAllPaid } from './deal-completion';
export { relistPaymentsOfDeals } from './deal-payments';
export { closePaymentsOfEndedDeal, ENDED_DEAL_STATUSES, pendingPaymentsOf } from './ended-deal-payments';
export { paymentProvidersFor } from './providers';
export { registerRoyaltyPaymentRoutes } from './royalty-payment.routes';
