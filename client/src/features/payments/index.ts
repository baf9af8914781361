/** What other features may use of this one (the lint wall: .dependency-cruiser.cjs). */
export * from './FeesPanel';
export { BankTransferDetails } from './BankTransferDetails';
export { PayButtons } from './PayButtons';
export { PaymentStatusBadge } from './PaymentStatusBadge';
export { ReceiptLink } from './ReceiptLink';
export { usePaymentProviders } from './usePaymentProviders';
export { useStartPayment } from './useStartPayment';
export type { BankTransferInstructions, PaymentProvider, StartedPayment } from './paymentsApi';
