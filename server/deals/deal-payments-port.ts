/**
 * What a deal's flows ask of its payments. Payments sit above deals (a payment reads its deal and
 * moves it on when paid), so deals do not import them: app.ts and exchange.ts hand this in, built
 * by the payments component (`dealPayments`).
 */
import type { EventBus } from '../common/events';
import type { FeeSchedule } from '../fees';
import type { DealDoc } from './deal.model';

/** A payment of the deal, as the deal's views and rules read it. */
export interface DealPaymentFacts {
  _id: unknown;
  purpose: string;
  payer: string;
  status: string;
  createdAt: Date;
  milestone?: number | null;
  provider?: string;
  royaltyReportId?: unknown;
  /** Set while the payment is open (one open payment per line). */
  openKey?: string | null;
}

export interface DealPayments {
  /** The deal's payments, newest first. */
  paymentsOf(dealId: string): Promise<DealPaymentFacts[]>;
  /** Closes the deal as won when everything it owes is settled; whether it did. */
  completeIfAllPaid(dealId: string, schedule: FeeSchedule, bus: EventBus): Promise<boolean>;
  /** Records the broker's shares of the fee lines the winner's deposit covers, now due; how many were new. */
  creditBrokerShares(deal: DealDoc, schedule: FeeSchedule): Promise<number>;
}
