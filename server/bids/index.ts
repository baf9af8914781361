/** Bids and proposals on listings: placing and deciding them, deadlines and closes, runner-up offers. */
export type { BidDoc } from './bid.model';
export { startBidNotices } from './bid-notices';
export { registerBidRoutes } from './bid.routes';
export { bidReads, bidTransferModeOf } from './bid.store';
export { deadlineJobHandlers, enqueueDueDeadlines, scheduleListingDeadline } from './deadline-jobs';
