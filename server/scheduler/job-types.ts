/** Names of the durable jobs other components enqueue (their handlers live in this folder). */
export const CLOSE_ENDED_DEAL_PAYMENTS = 'deal.close_payments';
export const DEAL_SWEEP = 'deal.sweep';

export const closeEndedDealPaymentsKey = (dealId: string) => `${CLOSE_ENDED_DEAL_PAYMENTS}:${dealId}`;

/** A delivered milestone its buyer has not answered: accepted for them when its time comes. */
export const MILESTONE_AUTO_ACCEPT = 'deal.milestone_auto_accept';
export const milestoneAutoAcceptKey = (dealId: string, n: number, deliveredAt: Date) =>
  `${MILESTONE_AUTO_ACCEPT}:${dealId}:${n}:${deliveredAt.getTime()}`;

/** The buyer reminded, days before, that a delivered milestone will be accepted for them. */
export const MILESTONE_REMINDER = 'deal.milestone_reminder';
export const milestoneReminderKey = (dealId: string, n: number, deliveredAt: Date) =>
  `${MILESTONE_REMINDER}:${dealId}:${n}:${deliveredAt.getTime()}`;
