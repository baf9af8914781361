/**
 * A broker's desk: the deals on which a party proposed them (waiting for the other party to
 * agree), the deals they broker, and their commission on those deals, paid and due.
 *
 * Read path: the two owner lists of the broker (`deal:proposed:<id>`, kept where the proposal is
 * written, and `deal:user:<id>`), the deals by `_id` through the deal view cache, each agreed
 * deal's payments through its own list; the database is never asked to filter, sort or count.
 * What the records say wins over a stale list entry.
 */
import type { SessionUser } from '../common/session-user';
import type { Currency, PaymentStatus } from '../api-contract/enums';
import { dealBrokerListKey, dealProposalListKey, readOwnerList } from '../read-models';
import { cachedDealViews, DEAL_TERMINAL_STATES, type DealView, named, organizationNames } from '../deals';
import { agreedPrice, dealFeeLinesWithBrokerShares, paymentForLine, type FeeSchedule } from '../fees';
import { paymentsOfDeal } from '../payments';

/** The newest proposals and deals shown (a broker's lists rarely hold more). */
export const BROKER_SUMMARY_LIMIT = 200;

/** Deals whose agreed commission counts: agreed and on to payment or won (not cancelled or lost). */
const EARNING_STATES = ['agreed', 'awaiting_payment', 'closed_won'];

export interface DealCommission {
  amount: number;
  paid: number;
  due: number;
  currency: Currency;
}

/** The broker's commission on one deal they broker, split into what its paid fee lines earned and the rest. */
export async function commissionOfDeal(
  deal: DealView,
  schedule: FeeSchedule,
): Promise<DealCommission | null> {
  if (!EARNING_STATES.includes(deal.status)) return null;
  const agreed = agreedPrice(deal);
  if (!agreed) return null;
  const { commission, lines } = dealFeeLinesWithBrokerShares(deal, schedule);
  if (commission === 0) return null;
  const payments = (await paymentsOfDeal(deal.id)).map((p) => ({ ...p, status: p.status as PaymentStatus }));
  const paid = lines.reduce(
    (sum, { line, brokerShare }) =>
      paymentForLine(line, payments)?.status === 'paid' ? sum + brokerShare : sum,
    0,
  );
  return { amount: commission, paid, due: commission - paid, currency: agreed.currency };
}

async function dealsOfList(key: string): Promise<DealView[]> {
  const ids = (await readOwnerList(key)).slice(0, BROKER_SUMMARY_LIMIT).map((e) => e.id);
  const views = await cachedDealViews(ids);
  return ids.map((id) => views.get(id)).filter((d): d is DealView => !!d);
}

export async function brokerSummary(broker: SessionUser, schedule: FeeSchedule) {
  const [proposed, brokered] = await Promise.all([
    dealsOfList(dealProposalListKey(broker.id)),
    dealsOfList(dealBrokerListKey(broker.id)),
  ]);
  const open = proposed.filter(
    (d) =>
      d.brokerProposal?.userId === broker.id &&
      d.brokerUserId !== broker.id &&
      !DEAL_TERMINAL_STATES.includes(d.status),
  );
  const mine = brokered.filter((d) => d.brokerUserId === broker.id);
  const orgs = await organizationNames([...open, ...mine].flatMap((d) => [d.sellerOrgId, d.buyerOrgId]));
  const commissions = await Promise.all(mine.map((d) => commissionOfDeal(d, schedule)));

  const proposals = open.map((d) => {
    const role = d.brokerProposal!.role;
    return {
      dealId: d.id,
      reference: d.reference,
      title: d.listingTitle,
      status: d.status,
      proposedByRole: role,
      proposedBy: named(orgs, role === 'seller' ? d.sellerOrgId : d.buyerOrgId)!,
      otherParty: named(orgs, role === 'seller' ? d.buyerOrgId : d.sellerOrgId)!,
      proposedAt: d.brokerProposal!.at,
    };
  });
  const deals = mine.map((d, i) => ({
    id: d.id,
    reference: d.reference,
    title: d.listingTitle,
    status: d.status,
    seller: named(orgs, d.sellerOrgId)!,
    buyer: named(orgs, d.buyerOrgId)!,
    updatedAt: d.updatedAt,
    commission: commissions[i] ?? undefined,
  }));
  const totals = new Map<
    Currency,
    { currency: Currency; amount: number; paid: number; due: number; deals: number }
  >();
  for (const c of commissions) {
    if (!c) continue;
    const t = totals.get(c.currency) ?? { currency: c.currency, amount: 0, paid: 0, due: 0, deals: 0 };
    t.amount += c.amount;
    t.paid += c.paid;
    t.due += c.due;
    t.deals += 1;
    totals.set(c.currency, t);
  }
  return {
    proposals,
    deals,
    commissions: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    brokerShareBps: schedule.brokerShareBps,
  };
}
