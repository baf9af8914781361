/** Names of the durable jobs other components enqueue (their handlers live in those components). */
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

/** A milestone reaching its due date: both parties and the operators are told once when it is overdue. */
export const MILESTONE_OVERDUE = 'deal.milestone_overdue';
export const milestoneOverdueKey = (dealId: string, n: number, dueDate: Date) =>
  `${MILESTONE_OVERDUE}:${dealId}:${n}:${dueDate.getTime()}`;

/** A royalty licence's reports: the licensee reminded after each period without a report (one job a deal). */
export const ROYALTY_REMINDER = 'deal.royalty_reminder';
export const royaltyReminderKey = (dealId: string) => `${ROYALTY_REMINDER}:${dealId}`;

/** The paid fee of a listing an operator rejected: refunded (retried until it is), its owner told. */
export const LISTING_FEE_REFUND = 'listing.fee_refund';
export const listingFeeRefundKey = (listingId: string, paymentIds: readonly string[]) =>
  `${LISTING_FEE_REFUND}:${listingId}:${[...paymentIds].sort().join(',')}`;

/**
 * A call for proposals' deposits settled as its proposals stand (payments/deposit-settlement.ts):
 * run after each decision on a proposal (one job a decision), and by a watch job that runs again
 * every sweep interval while any deposit is still held.
 */
export const CALL_DEPOSITS = 'call.deposits';
export const callDepositsKey = (demandId: string, cause: string) => `${CALL_DEPOSITS}:${demandId}:${cause}`;

/** Both sides of a scheduled meeting at an event reminded before it starts (one job a scheduled time). */
export const MEETING_REMINDER = 'event.meeting_reminder';
export const meetingReminderKey = (meetingId: string, startsAt: Date) =>
  `${MEETING_REMINDER}:${meetingId}:${new Date(startsAt).getTime()}`;

/**
 * A winner's deposit larger than its deal's fees: the surplus refunded (payments/deposit-surplus.service.ts),
 * one job per cause (credited, terms agreed, won), each retried until done.
 */
export const DEPOSIT_SURPLUS_REFUND = 'deposit.surplus_refund';
export const depositSurplusRefundKey = (dealId: string, cause: string) =>
  `${DEPOSIT_SURPLUS_REFUND}:${dealId}:${cause}`;

/** Partner exchanges' feeds pulled (federation): one recurring job, every FEDERATION_PULL_INTERVAL_MS. */
export const FEDERATION_PULL = 'federation.pull';

/** An auction's runner-up deposit kept at the close: settled every sweep interval until the runner-up decision. */
export const RUNNER_UP_DEPOSIT = 'auction.runner_up_deposit';
export const runnerUpDepositKey = (offerId: string) => `${RUNNER_UP_DEPOSIT}:${offerId}`;

/** An inquiry about a partner's listing delivered, signed, to its home exchange: tried again with backoff until it is, or given up. */
export const FEDERATION_INQUIRY = 'federation.inquiry';
export const federationInquiryKey = (inquiryId: string) => `${FEDERATION_INQUIRY}:${inquiryId}`;

/** An owner's answer to an inquiry from a partner exchange sent back, signed, to the asking exchange: tried again with backoff until delivered, or given up. */
export const FEDERATION_ANSWER = 'federation.answer';
export const federationAnswerKey = (receivedInquiryId: string, answerId: string) =>
  `${FEDERATION_ANSWER}:${receivedInquiryId}:${answerId}`;
