/**
 * The raw records of a period for the operators' exports: offers, demands or deals created in it,
 * one row each, oldest first, with the organisation's name. Streamed from the database with a
 * creation-date filter: an export is rare and an operator's, never a page's hot path (on FerretDB
 * the filter scans the collection; on MongoDB it is a range of `createdAt`).
 */
import mongoose from 'mongoose';
import { listingModel } from '../listings';
import { dealReads } from '../deals';
import { organizationFacts } from '../organizations';
import { agreedTransferMode, agreedValue, agreedAt, type Period } from './stats-rules';
import type { Table } from '../common/table-export';

type Doc = Record<string, any>;

const day = (d: unknown) => (d ? new Date(d as string).toISOString().slice(0, 10) : '');

async function createdIn(
  model: mongoose.Model<any>,
  period: Period,
  fields: Record<string, 1>,
): Promise<Doc[]> {
  const docs: Doc[] = [];
  const cursor = model
    .find({ createdAt: mongoose.trusted({ $gte: period.from, $lt: period.to }) }, fields)
    .lean()
    .cursor();
  for await (const doc of cursor as AsyncIterable<Doc>) docs.push(doc);
  return docs.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

async function namesOf(docs: Doc[], ...keys: string[]): Promise<Map<string, string>> {
  const facts = await organizationFacts(docs.flatMap((d) => keys.map((key) => String(d[key]))));
  return new Map([...facts].map(([id, f]) => [id, f.name]));
}

export async function recordsTable(
  report: 'records-offers' | 'records-demands' | 'records-deals',
  period: Period,
): Promise<Table> {
  if (report === 'records-deals') {
    const deals = await createdIn(dealReads as unknown as mongoose.Model<any>, period, {
      createdAt: 1,
      status: 1,
      field: 1,
      listingKind: 1,
      listingTitle: 1,
      sellerOrgId: 1,
      buyerOrgId: 1,
      agreedVersion: 1,
      termSheets: 1,
      timeline: 1,
      updatedAt: 1,
      closedAt: 1,
    });
    const names = await namesOf(deals, 'sellerOrgId', 'buyerOrgId');
    return {
      name: report,
      columns: [
        'id',
        'created',
        'status',
        'listing_kind',
        'listing',
        'field',
        'seller',
        'buyer',
        'agreed',
        'transfer_mode',
        'agreed_value',
        'currency',
        'closed',
      ],
      rows: deals.map((d) => {
        const value = agreedValue(d);
        return [
          String(d._id),
          day(d.createdAt),
          d.status,
          d.listingKind ?? '',
          d.listingTitle ?? '',
          d.field ?? '',
          names.get(String(d.sellerOrgId)) ?? '',
          names.get(String(d.buyerOrgId)) ?? '',
          day(agreedAt(d)),
          agreedTransferMode(d) ?? '',
          value?.amount ?? '',
          value?.currency ?? '',
          day(d.closedAt),
        ];
      }),
    };
  }
  const kind = report === 'records-offers' ? 'offer' : 'demand';
  const listings = await createdIn(listingModel(kind) as mongoose.Model<any>, period, {
    createdAt: 1,
    publishedAt: 1,
    status: 1,
    title: 1,
    organizationId: 1,
    field: 1,
    subField: 1,
    province: 1,
    trl: 1,
    minTrl: 1,
    transferModes: 1,
    pricing: 1,
    budget: 1,
  });
  const owners = await namesOf(listings, 'organizationId');
  const priceColumns =
    kind === 'offer'
      ? ['trl', 'pricing_model', 'price', 'currency']
      : ['min_trl', 'budget_min', 'budget_max', 'currency'];
  return {
    name: report,
    columns: [
      'id',
      'created',
      'published',
      'status',
      'title',
      'organization',
      'field',
      'sub_field',
      'province',
      'transfer_modes',
      ...priceColumns,
    ],
    rows: listings.map((l) => [
      String(l._id),
      day(l.createdAt),
      day(l.publishedAt),
      l.status,
      l.title,
      owners.get(String(l.organizationId)) ?? '',
      l.field,
      l.subField ?? '',
      l.province ?? '',
      (l.transferModes ?? []).join(' '),
      ...(kind === 'offer'
        ? [l.trl ?? '', l.pricing?.model ?? '', l.pricing?.amount ?? '', l.pricing?.currency ?? '']
        : [l.minTrl ?? '', l.budget?.min ?? '', l.budget?.max ?? '', l.budget?.currency ?? '']),
    ]),
  };
}
