/** What other components may take from deals without reaching into its files: its record's type. */
export type { DealDoc } from './deal.model';
