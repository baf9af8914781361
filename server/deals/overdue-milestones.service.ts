/**
 * The operators' list of overdue milestones across deals. The deals come from the owner list of
 * delivering deals (`deal:delivering`, read by `_id`, kept by the deal store's writes), whose
 * entries carry the earliest due date of a milestone still open: only the deals whose earliest
 * open due date has passed are read, by `_id`, in batches. The deals collection is never filtered.
 *
 * Trade-off: the answer is worked out per request from those deals (days overdue move with the
 * clock), so a request reads every deal with an overdue milestone — a bounded read (an owner list
 * holds at most 5,000 entries) that suits an operators' page at a city's size; a list of overdue
 * milestones kept by the scheduler's jobs would be the next step if it grew. The records win over
 * the list: a deal whose entry is stale is shown as the deal is.
 */
import mongoose from 'mongoose';
import { DELIVERING_DEALS, deliveringDueAt, readOwnerList } from '../read-models';
import type { DealDoc } from './deal.model';
import { dealReads } from './deal.store';
import { organizationNames } from './names';
import { overdueMilestones } from './milestone-overdue-rules';

const BATCH = 200;

export interface OverdueQuery {
  page: number;
  limit: number;
}

export async function listOverdueMilestones(query: OverdueQuery, now = new Date()) {
  const t = now.getTime();
  const ids = (await readOwnerList(DELIVERING_DEALS)).filter((e) => deliveringDueAt(e) < t).map((e) => e.id);
  const deals: DealDoc[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    deals.push(
      ...((await dealReads
        .find(
          { _id: mongoose.trusted({ $in: batch }) },
          { status: 1, reference: 1, listingTitle: 1, sellerOrgId: 1, buyerOrgId: 1, delivery: 1 },
        )
        .lean()) as DealDoc[]),
    );
  }
  const rows = deals
    .filter((d) => d.status === 'delivering')
    .flatMap((d) => overdueMilestones(d.delivery, now).map((m) => ({ deal: d, m })))
    .sort(
      (a, b) =>
        b.m.daysOverdue - a.m.daysOverdue ||
        a.m.dueDate.getTime() - b.m.dueDate.getTime() ||
        String(a.deal._id).localeCompare(String(b.deal._id)) ||
        a.m.n - b.m.n,
    );
  const start = (query.page - 1) * query.limit;
  const page = rows.slice(start, start + query.limit);
  const names = await organizationNames(
    page.flatMap(({ deal }) => [String(deal.sellerOrgId), String(deal.buyerOrgId)]),
  );
  const party = (id: unknown) => ({ id: String(id), name: names.get(String(id)) ?? '' });
  return {
    milestones: page.map(({ deal, m }) => ({
      dealId: String(deal._id),
      reference: deal.reference ?? undefined,
      listingTitle: deal.listingTitle,
      seller: party(deal.sellerOrgId),
      buyer: party(deal.buyerOrgId),
      n: m.n,
      title: m.title,
      dueDate: m.dueDate.toISOString(),
      daysOverdue: m.daysOverdue,
      status: m.status,
    })),
    total: rows.length,
    page: query.page,
    limit: query.limit,
  };
}
