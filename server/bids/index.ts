/** What other components may take from bids without reaching into its files: its record's type. */
export type { BidDoc } from './bid.model';
