/** What deals ask of their payments (deals/deal-payments-port.ts), built here and handed in by app.ts and exchange.ts. */
import type { DealPayments } from '../deals';
import { recordCreditedBrokerShares } from './credited-payouts';
import { completeDealIfAllPaid } from './deal-completion';
import { paymentsOfDeal } from './deal-payments';

export const dealPayments: DealPayments = {
  paymentsOf: (dealId) => paymentsOfDeal(dealId),
  completeIfAllPaid: completeDealIfAllPaid,
  creditBrokerShares: recordCreditedBrokerShares,
};
