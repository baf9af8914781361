/** Names of the durable jobs other components enqueue (their handlers live in this folder). */
export const CLOSE_ENDED_DEAL_PAYMENTS = 'deal.close_payments';
export const DEAL_SWEEP = 'deal.sweep';

export const closeEndedDealPaymentsKey = (dealId: string) => `${CLOSE_ENDED_DEAL_PAYMENTS}:${dealId}`;
