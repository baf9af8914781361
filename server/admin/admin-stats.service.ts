/**
 * Statistics the city reports on: offers, demands and deals by field, status and month, and
 * paid fees by currency and month. Grouped in the database with $group on stored fields
 * (FerretDB has no $dateToString, so each record keeps its creation month).
 */
import type { Model } from 'mongoose';
import mongoose from 'mongoose';
import { listingModel } from '../listings/listing.store';
import { dealReads } from '../deals/deal.store';

export interface CountBreakdown {
  total: number;
  byField: Record<string, number>;
  byStatus: Record<string, number>;
  byMonth: Record<string, number>;
}

type Row = { _id: { field?: string; status?: string; month?: string }; n: number };

async function breakdown(
  model: Pick<Model<any>, 'aggregate'>,
  range: { from: Date; to: Date },
): Promise<CountBreakdown> {
  const rows = (await model.aggregate([
    { $match: { createdAt: mongoose.trusted({ $gte: range.from, $lt: range.to }) } },
    { $group: { _id: { field: '$field', status: '$status', month: '$createdMonth' }, n: { $sum: 1 } } },
  ])) as Row[];
  const out: CountBreakdown = { total: 0, byField: {}, byStatus: {}, byMonth: {} };
  for (const r of rows) {
    out.total += r.n;
    const add = (bucket: Record<string, number>, key: string | undefined) => {
      const k = key ?? 'unknown';
      bucket[k] = (bucket[k] ?? 0) + r.n;
    };
    add(out.byField, r._id.field);
    add(out.byStatus, r._id.status);
    add(out.byMonth, r._id.month);
  }
  return out;
}

/** Paid fees, from the payments collection when the payments component has created it. */
async function paidFees(range: { from: Date; to: Date }) {
  const result = {
    count: 0,
    byCurrency: {} as Record<string, number>,
    byMonth: {} as Record<string, Record<string, number>>,
  };
  const payments = mongoose.connection.db?.collection('payments');
  if (!payments) return result;
  const rows = await payments
    .find(
      { status: 'paid', paidAt: { $gte: range.from, $lt: range.to } },
      { projection: { amount: 1, currency: 1, paidAt: 1 } },
    )
    .toArray();
  for (const p of rows) {
    const month = (p.paidAt as Date).toISOString().slice(0, 7);
    const currency = String(p.currency);
    result.count += 1;
    result.byCurrency[currency] = (result.byCurrency[currency] ?? 0) + Number(p.amount);
    result.byMonth[month] ??= {};
    result.byMonth[month][currency] = (result.byMonth[month][currency] ?? 0) + Number(p.amount);
  }
  return result;
}

export async function exchangeStatistics(range: { from?: Date; to?: Date }) {
  const to = range.to ?? new Date(Date.now() + 1000);
  const from = range.from ?? new Date(Date.UTC(2000, 0, 1));
  const r = { from, to };
  const [offers, demands, deals, fees] = await Promise.all([
    breakdown(listingModel('offer'), r),
    breakdown(listingModel('demand'), r),
    breakdown(dealReads, r),
    paidFees(r),
  ]);
  return { from: from.toISOString(), to: to.toISOString(), offers, demands, deals, paidFees: fees };
}
