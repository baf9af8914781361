/** The payments component's front door for other components. */
export { confirmBankTransfer } from './bank-transfer.service';
export { completeDealIfAllPaid, dealsToComplete, WAITS_FOR_PAYMENT } from './deal-completion';
export {
  depositsOfListing,
  paymentsOfAppraisal,
  paymentsOfDeal,
  paymentsOfDeals,
  relistPaymentsOfDeals,
} from './deal-payments';
export { dealPayments } from './deal-payments-port';
export {
  type AuctionDepositsClose,
  claimRunnerUpOffer,
  type DepositSettlement,
  type DepositSettlementDeps,
  forfeitDeposit,
  recordRunnerUpDeal,
  releaseRunnerUpClaim,
  settleAuctionDeposits,
  settleCallDeposits,
  settleKeptRunnerUpDeposit,
  type SettlementBids,
} from './deposit-settlement';
export { hasPaidDeposit } from './deposit-status';
export { depositSurplusJobHandlers } from './deposit-surplus-jobs';
export { recordSurplusRefundMade, retrySurplusRefund } from './deposit-surplus.service';
export { closePaymentsOfEndedDeal, ENDED_DEAL_STATUSES, pendingPaymentsOf } from './ended-deal-payments';
export { listingFeeJobHandlers } from './listing-fee-jobs';
export { listingFeeGate, refundFeeOfRejectedListing } from './listing-fee.service';
export { paymentDeps, type PaymentDeps } from './payment-deps';
export { listPayments } from './payment-queries.service';
export { registerPaymentRoutes } from './payment.routes';
export {
  bankInstructionsResponse,
  confirmBody,
  paymentListQuery,
  paymentResponse,
  payoutListResponse,
  payoutResponse,
  refundBody,
  startedPaymentResponse,
} from './payment.schemas';
export { type PaymentSubject, startSubjectPayment } from './payment.service';
export { paymentReads } from './payment.store';
export { listPayouts, markPayoutPaid } from './payout.service';
export { paymentProvidersFor } from './providers';
export { refundPayment } from './refund.service';
export { registerRoyaltyPaymentRoutes } from './royalty-payment.routes';
