/**
 * The statistics' pure rules: what each record adds to the monthly rollups (its contribution),
 * the difference a write makes, and how the rollups of a period are summed into the answers.
 *
 * A rollup is one document per month: `c[<kind>|<field>|<province>][<metric>]` counters and
 * amounts, and `b[<brokerUserId>][<metric>]`. Each event counts in the month it happened:
 * a listing's creation (`n`, `st:<status>`) and publication (`pub`), its first bid (`bid1`),
 * a deal's opening (`n`, `st:<status>`), agreement (`agr`, `val:<currency>`) and win (`won`),
 * a fee's payment (`feeN`, `fee:<currency>`). Durations between stages are kept per month as
 * histograms of whole days (`h[<stage>][<days>]`), so medians over any months are exact to the day.
 */

export type RollupKind = 'offer' | 'demand' | 'deal' | 'fee';
/** Counters by cell, by broker, histograms of days, and outcome reasons (`o[<what>|<field>][<reason>]`). */
export type Section = 'c' | 'b' | 'h' | 'o' | 's' | 'm';
export type Stage = 'bid' | 'open' | 'agr' | 'won';

/** `month \t section \t group \t metric` → amount to add. */
export type Deltas = Map<string, number>;

export interface RollupDoc {
  _id: string;
  c?: Record<string, Record<string, number>>;
  b?: Record<string, Record<string, number>>;
  /** Histograms of the month's stage durations: `h[<stage>][<days>]`. */
  h?: Record<string, Record<string, number>>;
  /** Why bids were rejected and deals walked away from or cancelled: `o['<what>|<field>'][<reason>]`. */
  o?: Record<string, Record<string, number>>;
  /** Listings by sub-field: `s['<kind>|<subField>'][n | pub]`. */
  s?: Record<string, Record<string, number>>;
  /** Agreed and won deals by the agreed transfer mode: `m['<mode>|<field>'][agr | won | val:<currency>]`. */
  m?: Record<string, Record<string, number>>;
}

type Doc = Record<string, any>;

/** Where a deal or fee is counted: its listing's field, province and publication. */
export interface Place {
  field?: string | null;
  province?: string | null;
  publishedAt?: Date | string | null;
  /** The offer's TRL or the demand's minimum (price guidance's TRL band). */
  trl?: number | null;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 3650;

export const monthOf = (at: Date | string): string => new Date(at).toISOString().slice(0, 7);

/** A value safe as a document key and a cell part ('.', '$', '|' and tabs replaced). */
export function keyPart(value: unknown): string {
  const s = typeof value === 'string' && value.length > 0 ? value : 'unknown';
  return s.replace(/[.$|\t]/g, '_').slice(0, 80);
}

export const cellKey = (kind: RollupKind, field: unknown, province: unknown) =>
  `${kind}|${keyPart(field)}|${keyPart(province)}`;

export function parseCell(key: string): { kind: RollupKind; field: string; province: string } {
  const [kind, field, province] = key.split('|');
  return { kind: kind as RollupKind, field, province };
}

const days = (from: Date | string | null | undefined, to: Date | string | null | undefined) => {
  if (!from || !to) return null;
  const d = Math.floor((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS);
  return Number.isFinite(d) ? Math.min(MAX_DAYS, Math.max(0, d)) : null;
};

class Contribution {
  readonly deltas: Deltas = new Map();
  constructor(private readonly sign: number) {}
  add(month: string, section: Section, group: string, metric: string, n = 1): this {
    if (!n) return this;
    const key = `${month}\t${section}\t${group}\t${metric}`;
    const next = (this.deltas.get(key) ?? 0) + this.sign * n;
    if (next === 0) this.deltas.delete(key);
    else this.deltas.set(key, next);
    return this;
  }
  duration(month: string, stage: Stage, d: number | null): this {
    return d === null ? this : this.add(month, 'h', stage, String(d));
  }
}

function listingInto(out: Contribution, kind: 'offer' | 'demand', doc: Doc): void {
  const cell = cellKey(kind, doc.field, doc.province);
  const created = doc.createdMonth ?? (doc.createdAt ? monthOf(doc.createdAt) : null);
  if (created) out.add(created, 'c', cell, 'n').add(created, 'c', cell, `st:${keyPart(doc.status)}`);
  if (doc.publishedAt) out.add(monthOf(doc.publishedAt), 'c', cell, 'pub');
  if (doc.subField) {
    const sub = `${kind}|${keyPart(doc.subField)}`;
    if (created) out.add(created, 's', sub, 'n');
    if (doc.publishedAt) out.add(monthOf(doc.publishedAt), 's', sub, 'pub');
  }
}

/** When the deal was agreed: its timeline's move to `agreed` (null when it never was). */
export function agreedAt(deal: Doc): Date | null {
  const entry = (deal.timeline ?? []).find((e: Doc) => e?.to === 'agreed');
  if (entry?.at) return new Date(entry.at);
  return deal.agreedVersion ? new Date(deal.updatedAt ?? deal.createdAt) : null;
}

/** The agreed term sheet's price and currency. */
export function agreedValue(deal: Doc): { amount: number; currency: string } | null {
  if (!deal.agreedVersion) return null;
  const sheet = (deal.termSheets ?? [])[deal.agreedVersion - 1] ?? (deal.termSheets ?? []).at(-1);
  if (!sheet || typeof sheet.price !== 'number') return null;
  return { amount: Math.round(sheet.price), currency: keyPart(sheet.currency) };
}

/**
 * The agreed term sheet's transfer mode; a sheet from before sheets named one counts as a
 * licence, exclusive or not as it says. Null when nothing was agreed.
 */
export function agreedTransferMode(deal: Doc): string | null {
  if (!deal.agreedVersion) return null;
  const sheet = (deal.termSheets ?? [])[deal.agreedVersion - 1] ?? (deal.termSheets ?? []).at(-1) ?? {};
  return sheet.transferMode ?? (sheet.exclusivity ? 'license_exclusive' : 'license_non_exclusive');
}

function dealInto(out: Contribution, deal: Doc, place: Place): void {
  const cell = cellKey('deal', deal.field ?? place.field, place.province);
  const created = deal.createdMonth ?? monthOf(deal.createdAt);
  out.add(created, 'c', cell, 'n').add(created, 'c', cell, `st:${keyPart(deal.status)}`);
  out.duration(created, 'open', days(place.publishedAt, deal.createdAt));
  const agreed = agreedAt(deal);
  const mode = agreedTransferMode(deal);
  const modeCell = mode ? `${keyPart(mode)}|${keyPart(deal.field ?? place.field)}` : null;
  if (agreed) {
    const m = monthOf(agreed);
    out.add(m, 'c', cell, 'agr').duration(m, 'agr', days(deal.createdAt, agreed));
    const value = agreedValue(deal);
    if (value) out.add(m, 'c', cell, `val:${value.currency}`, value.amount);
    if (modeCell) {
      out.add(m, 'm', modeCell, 'agr');
      if (value) out.add(m, 'm', modeCell, `val:${value.currency}`, value.amount);
    }
  }
  const broker = deal.brokerUserId ? keyPart(String(deal.brokerUserId)) : null;
  if (broker) out.add(created, 'b', broker, 'n');
  const ended = deal.status === 'cancelled' ? 'cancel' : deal.status === 'closed_lost' ? 'walk' : null;
  if (ended && deal.outcome?.reason) {
    const m = monthOf(deal.outcome.at ?? deal.closedAt ?? deal.updatedAt);
    out.add(m, 'o', `${ended}|${keyPart(deal.field ?? place.field)}`, keyPart(deal.outcome.reason));
  }
  if (deal.status === 'closed_won' && deal.closedAt) {
    const m = monthOf(deal.closedAt);
    out.add(m, 'c', cell, 'won').duration(m, 'won', days(agreed ?? deal.createdAt, deal.closedAt));
    if (modeCell) out.add(m, 'm', modeCell, 'won');
    if (broker) out.add(m, 'b', broker, 'won');
  }
}

function paymentInto(out: Contribution, payment: Doc, place: Place): void {
  if (payment.status !== 'paid' || !payment.paidAt) return;
  const m = monthOf(payment.paidAt);
  const cell = cellKey('fee', place.field, place.province);
  out
    .add(m, 'c', cell, 'feeN')
    .add(m, 'c', cell, `fee:${keyPart(payment.currency)}`, Number(payment.amount) || 0);
}

export type Counted =
  | { type: 'offer' | 'demand'; doc: Doc }
  | { type: 'deal'; doc: Doc; place: Place }
  | { type: 'payment'; doc: Doc; place: Place }
  | { type: 'bid'; doc: Doc; place: Place }
  | { type: 'first-bid'; listingKind: 'offer' | 'demand'; listing: Doc; at: Date | string };

function into(out: Contribution, record: Counted): void {
  if (record.type === 'offer' || record.type === 'demand') listingInto(out, record.type, record.doc);
  else if (record.type === 'deal') dealInto(out, record.doc, record.place);
  else if (record.type === 'payment') paymentInto(out, record.doc, record.place);
  else if (record.type === 'bid') {
    const { doc, place } = record;
    if (doc.status === 'rejected' && doc.outcome?.reason) {
      const m = monthOf(doc.outcome.at ?? doc.decidedAt ?? doc.updatedAt);
      out.add(m, 'o', `reject|${keyPart(place.field)}`, keyPart(doc.outcome.reason));
    }
  } else if (record.type === 'first-bid') {
    const cell = cellKey(record.listingKind, record.listing.field, record.listing.province);
    const m = monthOf(record.at);
    out.add(m, 'c', cell, 'bid1').duration(m, 'bid', days(record.listing.publishedAt, record.at));
  }
}

/** What a record adds to the rollups. */
export function contribution(record: Counted): Deltas {
  const out = new Contribution(1);
  into(out, record);
  return out.deltas;
}

/** What a write changes in the rollups: the record's contribution after less the one before. */
export function changeDeltas(before: Counted | null, after: Counted | null): Deltas {
  const out = new Contribution(1);
  if (after) into(out, after);
  for (const [key, n] of before ? contribution(before) : []) {
    const [month, section, group, metric] = key.split('\t');
    out.add(month, section as Section, group, metric, -n);
  }
  return out.deltas;
}

/** Adds deltas (of one month, keyed as in `Deltas`) to a stored rollup; empty counters are dropped. */
export function applyDeltas(doc: RollupDoc, deltas: Iterable<[string, number]>): RollupDoc {
  const next: RollupDoc = { _id: doc._id, c: { ...doc.c }, b: { ...doc.b }, h: { ...doc.h } };
  // The later sections (outcome reasons, sub-fields, transfer modes): a month holds one once something was counted in it.
  for (const section of ['o', 's', 'm'] as const) if (doc[section]) next[section] = { ...doc[section] };
  for (const [key, n] of deltas) {
    const [, section, group, metric] = key.split('\t') as [string, Section, string, string];
    const groups = (next[section] ??= {});
    const counters = { ...groups[group] };
    const value = (counters[metric] ?? 0) + n;
    if (value === 0) delete counters[metric];
    else counters[metric] = value;
    if (Object.keys(counters).length === 0) delete groups[group];
    else groups[group] = counters;
  }
  return next;
}

/** Splits deltas by month. */
export function byMonth(deltas: Deltas): Map<string, [string, number][]> {
  const out = new Map<string, [string, number][]>();
  for (const entry of deltas) {
    const month = entry[0].slice(0, entry[0].indexOf('\t'));
    out.set(month, [...(out.get(month) ?? []), entry]);
  }
  return out;
}

// ---- periods --------------------------------------------------------------------------------

export const MAX_MONTHS = 240;

/** The months `from` (inclusive) to `to` (exclusive) cover, as 'YYYY-MM'. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d < to && out.length <= MAX_MONTHS) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export interface Period {
  from: Date;
  to: Date;
  months: string[];
}

/** A period widened to whole months (the rollups' grain). */
export function wholeMonths(from: Date, to: Date): Period {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const last = new Date(to.getTime() - 1);
  const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1));
  return { from: start, to: end, months: monthsBetween(start, end) };
}

/** The period of the same number of months right before. */
export function previousPeriod(p: Period): Period {
  const from = new Date(p.from);
  from.setUTCMonth(from.getUTCMonth() - p.months.length);
  return { from, to: p.from, months: monthsBetween(from, p.from) };
}

// ---- summing ------------------------------------------------------------------------------------

export type Counts = Record<string, number>;
export interface Breakdown {
  total: number;
  byField: Counts;
  byStatus: Counts;
  byMonth: Counts;
  byProvince: Counts;
}
export interface Funnel {
  published: number;
  withBids: number;
  dealsOpened: number;
  agreed: number;
  closedWon: number;
}
export type GroupBy = 'month' | 'field' | 'province';
export interface SeriesRow {
  key: string;
  /** Listings created. */
  offers: number;
  demands: number;
  /** Listings published. */
  offersPublished: number;
  demandsPublished: number;
  dealsOpened: number;
  agreed: number;
  closedWon: number;
}

export interface Summary {
  offers: Breakdown;
  demands: Breakdown;
  deals: Breakdown;
  funnel: Funnel;
  conversion: {
    withBids: number | null;
    dealsOpened: number | null;
    agreed: number | null;
    closedWon: number | null;
  };
  medianDays: {
    firstBid: number | null;
    dealOpened: number | null;
    agreed: number | null;
    closedWon: number | null;
  };
  dealValue: Counts;
  agreedValueByField: Record<string, Counts>;
  agreedValueByMonth: Record<string, Counts>;
  paidFees: { count: number; byCurrency: Counts; byMonth: Record<string, Counts> };
  brokers: { userId: string; deals: number; closedWon: number }[];
  supplyDemand: { field: string; offers: number; demands: number }[];
  series: SeriesRow[];
  /** Listings created and published in the period, per sub-field (those that named one). */
  subFields: SubFieldRow[];
  /** Deals agreed and won in the period, and the agreed value, per agreed transfer mode. */
  transferModes: TransferModeRow[];
  /** Agreements signed and transfers completed: the two figures the city reports, apart. */
  transfers: Transfers;
}

/**
 * A deal whose terms both parties agreed is an agreement signed, counted in the month of the
 * agreement (`agr`); one that reaches `closed_won` (every milestone of its delivery plan accepted
 * and every fee paid) is a transfer completed, counted in the month it closed (`won`). A deal still
 * delivering has signed its agreement and not completed its transfer.
 */
export interface TransferCounts {
  agreementsSigned: number;
  transfersCompleted: number;
}
export interface TransferRow extends TransferCounts {
  key: string;
}
export interface Transfers extends TransferCounts {
  /** Every month of the period, oldest first. */
  byMonth: TransferRow[];
  /** The fields with an agreement signed or a transfer completed in the period. */
  byField: TransferRow[];
}

export interface SubFieldRow {
  subField: string;
  offers: number;
  demands: number;
  offersPublished: number;
  demandsPublished: number;
}

export interface TransferModeRow {
  transferMode: string;
  agreed: number;
  closedWon: number;
  agreedValue: Counts;
}

const emptyBreakdown = (): Breakdown => ({
  total: 0,
  byField: {},
  byStatus: {},
  byMonth: {},
  byProvince: {},
});
const bump = (bucket: Counts, key: string, n: number) => (bucket[key] = (bucket[key] ?? 0) + n);
const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/** The median of a histogram of whole days (the lower middle value for an even count). */
export function medianOf(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let seen = 0;
  for (const d of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(d)!;
    if (seen * 2 >= total) return d;
  }
  return null;
}

/** Sums the rollups of `months` (missing months count zero). */
export function summarize(docs: RollupDoc[], months: string[], groupBy: GroupBy = 'month'): Summary {
  const wanted = new Set(months);
  const s: Summary = {
    offers: emptyBreakdown(),
    demands: emptyBreakdown(),
    deals: emptyBreakdown(),
    funnel: { published: 0, withBids: 0, dealsOpened: 0, agreed: 0, closedWon: 0 },
    conversion: { withBids: null, dealsOpened: null, agreed: null, closedWon: null },
    medianDays: { firstBid: null, dealOpened: null, agreed: null, closedWon: null },
    dealValue: {},
    agreedValueByField: {},
    agreedValueByMonth: {},
    paidFees: { count: 0, byCurrency: {}, byMonth: {} },
    brokers: [],
    supplyDemand: [],
    series: [],
    subFields: [],
    transferModes: [],
    transfers: { agreementsSigned: 0, transfersCompleted: 0, byMonth: [], byField: [] },
  };
  const transferRow = (rows: Map<string, TransferRow>, key: string) =>
    rows.get(key) ?? rows.set(key, { key, agreementsSigned: 0, transfersCompleted: 0 }).get(key)!;
  const transfersByMonth = new Map<string, TransferRow>(
    months.map((m) => [m, { key: m, agreementsSigned: 0, transfersCompleted: 0 }]),
  );
  const transfersByField = new Map<string, TransferRow>();
  const subFields = new Map<string, SubFieldRow>();
  const modes = new Map<string, TransferModeRow>();
  const histograms: Record<Stage, Map<number, number>> = {
    bid: new Map(),
    open: new Map(),
    agr: new Map(),
    won: new Map(),
  };
  const series = new Map<string, SeriesRow>();
  if (groupBy === 'month') for (const m of months) series.set(m, seriesRow(m));
  const supply = new Map<string, { field: string; offers: number; demands: number }>();
  const brokers = new Map<string, { userId: string; deals: number; closedWon: number }>();
  for (const doc of docs) {
    const month = doc._id;
    if (!wanted.has(month)) continue;
    for (const [group, counters] of Object.entries(doc.c ?? {})) {
      const { kind, field, province } = parseCell(group);
      const key = groupBy === 'month' ? month : groupBy === 'field' ? field : province;
      const row = series.get(key) ?? series.set(key, seriesRow(key)).get(key)!;
      for (const [metric, n] of Object.entries(counters)) {
        if (kind === 'fee') {
          if (metric === 'feeN') s.paidFees.count += n;
          else if (metric.startsWith('fee:')) {
            const cur = metric.slice(4);
            bump(s.paidFees.byCurrency, cur, n);
            bump((s.paidFees.byMonth[month] ??= {}), cur, n);
          }
          continue;
        }
        const b = kind === 'offer' ? s.offers : kind === 'demand' ? s.demands : s.deals;
        if (metric === 'n') {
          b.total += n;
          bump(b.byField, field, n);
          bump(b.byMonth, month, n);
          bump(b.byProvince, province, n);
          if (kind === 'deal') {
            s.funnel.dealsOpened += n;
            row.dealsOpened += n;
          } else row[kind === 'offer' ? 'offers' : 'demands'] += n;
        } else if (metric.startsWith('st:')) bump(b.byStatus, metric.slice(3), n);
        else if (metric === 'pub') {
          s.funnel.published += n;
          row[kind === 'offer' ? 'offersPublished' : 'demandsPublished'] += n;
          const sd = supply.get(field) ?? supply.set(field, { field, offers: 0, demands: 0 }).get(field)!;
          sd[kind === 'offer' ? 'offers' : 'demands'] += n;
        } else if (metric === 'bid1') s.funnel.withBids += n;
        else if (metric === 'agr') {
          s.funnel.agreed += n;
          row.agreed += n;
          transferRow(transfersByMonth, month).agreementsSigned += n;
          transferRow(transfersByField, field).agreementsSigned += n;
        } else if (metric === 'won') {
          s.funnel.closedWon += n;
          row.closedWon += n;
          transferRow(transfersByMonth, month).transfersCompleted += n;
          transferRow(transfersByField, field).transfersCompleted += n;
        } else if (metric.startsWith('val:')) {
          const cur = metric.slice(4);
          bump(s.dealValue, cur, n);
          bump((s.agreedValueByField[field] ??= {}), cur, n);
          bump((s.agreedValueByMonth[month] ??= {}), cur, n);
        }
      }
    }
    for (const [stage, counts] of Object.entries(doc.h ?? {})) {
      const h = histograms[stage as Stage];
      if (h) for (const [d, n] of Object.entries(counts)) h.set(Number(d), (h.get(Number(d)) ?? 0) + n);
    }
    for (const [group, counters] of Object.entries(doc.s ?? {})) {
      const [kind, subField] = group.split('|');
      const row =
        subFields.get(subField) ??
        subFields
          .set(subField, { subField, offers: 0, demands: 0, offersPublished: 0, demandsPublished: 0 })
          .get(subField)!;
      const plural = kind === 'offer' ? 'offers' : 'demands';
      row[plural] += counters.n ?? 0;
      row[`${plural}Published`] += counters.pub ?? 0;
    }
    for (const [group, counters] of Object.entries(doc.m ?? {})) {
      const [transferMode] = group.split('|');
      const row =
        modes.get(transferMode) ??
        modes
          .set(transferMode, { transferMode, agreed: 0, closedWon: 0, agreedValue: {} })
          .get(transferMode)!;
      for (const [metric, n] of Object.entries(counters)) {
        if (metric === 'agr') row.agreed += n;
        else if (metric === 'won') row.closedWon += n;
        else if (metric.startsWith('val:')) bump(row.agreedValue, metric.slice(4), n);
      }
    }
    for (const [userId, counters] of Object.entries(doc.b ?? {})) {
      const row = brokers.get(userId) ?? brokers.set(userId, { userId, deals: 0, closedWon: 0 }).get(userId)!;
      row.deals += counters.n ?? 0;
      row.closedWon += counters.won ?? 0;
    }
  }
  const f = s.funnel;
  s.conversion = {
    withBids: ratio(f.withBids, f.published),
    dealsOpened: ratio(f.dealsOpened, f.withBids),
    agreed: ratio(f.agreed, f.dealsOpened),
    closedWon: ratio(f.closedWon, f.agreed),
  };
  s.medianDays = {
    firstBid: medianOf(histograms.bid),
    dealOpened: medianOf(histograms.open),
    agreed: medianOf(histograms.agr),
    closedWon: medianOf(histograms.won),
  };
  s.brokers = [...brokers.values()].sort((a, b) => b.deals - a.deals || b.closedWon - a.closedWon);
  s.supplyDemand = [...supply.values()].sort((a, b) => a.field.localeCompare(b.field));
  s.series = [...series.values()].sort((a, b) => a.key.localeCompare(b.key));
  s.subFields = [...subFields.values()].sort((a, b) => a.subField.localeCompare(b.subField));
  s.transferModes = [...modes.values()].sort((a, b) => a.transferMode.localeCompare(b.transferMode));
  s.transfers = {
    agreementsSigned: f.agreed,
    transfersCompleted: f.closedWon,
    byMonth: [...transfersByMonth.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byField: [...transfersByField.values()]
      .filter((r) => r.agreementsSigned + r.transfersCompleted !== 0)
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
  return s;
}

function seriesRow(key: string): SeriesRow {
  return {
    key,
    offers: 0,
    demands: 0,
    offersPublished: 0,
    demandsPublished: 0,
    dealsOpened: 0,
    agreed: 0,
    closedWon: 0,
  };
}

// ---- open data --------------------------------------------------------------------------------

/** Fewer agreed deals than this in a bucket and its value is not published (it would reveal a price). */
export const MIN_DEALS_FOR_VALUE = 3;

export interface PublicRow {
  key: string;
  offers: number;
  demands: number;
  dealsOpened: number;
  agreed: number;
  closedWon: number;
  /** The same counts as `agreed` and `closedWon`, under the names the city reports them by. */
  agreementsSigned: number;
  transfersCompleted: number;
  agreedValue?: Counts;
}

/**
 * What anyone may read: published listings and deals by month and by field, and agreed value
 * only where at least MIN_DEALS_FOR_VALUE deals were agreed. No names, no single price.
 */
export function publicFigures(byMonth: Summary, byField: Summary) {
  const valueIf = (count: number, value: Counts | undefined) =>
    count >= MIN_DEALS_FOR_VALUE && value && Object.keys(value).length > 0 ? { agreedValue: value } : {};
  const rows = (summary: Summary, values: Record<string, Counts>): PublicRow[] =>
    summary.series.map((r) => ({
      key: r.key,
      offers: r.offersPublished,
      demands: r.demandsPublished,
      dealsOpened: r.dealsOpened,
      agreed: r.agreed,
      closedWon: r.closedWon,
      agreementsSigned: r.agreed,
      transfersCompleted: r.closedWon,
      ...valueIf(r.agreed, values[r.key]),
    }));
  const f = byMonth.funnel;
  const fieldRows = rows(byField, byField.agreedValueByField).filter(
    (r) => r.offers + r.demands + r.dealsOpened + r.agreed + r.closedWon > 0,
  );
  return {
    totals: {
      offersPublished: byMonth.supplyDemand.reduce((a, r) => a + r.offers, 0),
      demandsPublished: byMonth.supplyDemand.reduce((a, r) => a + r.demands, 0),
      dealsOpened: f.dealsOpened,
      agreed: f.agreed,
      closedWon: f.closedWon,
      agreementsSigned: byMonth.transfers.agreementsSigned,
      transfersCompleted: byMonth.transfers.transfersCompleted,
      ...valueIf(f.agreed, byMonth.dealValue),
    },
    byField: fieldRows,
    byMonth: rows(byMonth, byMonth.agreedValueByMonth),
  };
}

// ---- outcomes -------------------------------------------------------------------------------

export type OutcomeKind = 'reject' | 'walk' | 'cancel';

export interface OutcomeCounts {
  total: number;
  byReason: Counts;
  byField: { field: string; total: number; byReason: Counts }[];
}

export interface OutcomeSummary {
  rejections: OutcomeCounts;
  walkAways: OutcomeCounts;
  cancellations: OutcomeCounts;
}

/** Sums the outcome reasons of `months`: rejected bids, walk-aways and cancellations, by reason and field. */
export function summarizeOutcomes(docs: RollupDoc[], months: string[]): OutcomeSummary {
  const wanted = new Set(months);
  const kinds: Record<OutcomeKind, { total: number; byReason: Counts; fields: Map<string, Counts> }> = {
    reject: { total: 0, byReason: {}, fields: new Map() },
    walk: { total: 0, byReason: {}, fields: new Map() },
    cancel: { total: 0, byReason: {}, fields: new Map() },
  };
  for (const doc of docs) {
    if (!wanted.has(doc._id)) continue;
    for (const [group, reasons] of Object.entries(doc.o ?? {})) {
      const [kind, field] = group.split('|') as [OutcomeKind, string];
      const k = kinds[kind];
      if (!k) continue;
      const byField = k.fields.get(field) ?? k.fields.set(field, {}).get(field)!;
      for (const [reason, n] of Object.entries(reasons)) {
        k.total += n;
        bump(k.byReason, reason, n);
        bump(byField, reason, n);
      }
    }
  }
  const counts = (kind: OutcomeKind): OutcomeCounts => ({
    total: kinds[kind].total,
    byReason: kinds[kind].byReason,
    byField: [...kinds[kind].fields]
      .map(([field, byReason]) => ({ field, total: sumOf(byReason), byReason }))
      .filter((f) => f.total !== 0)
      .sort((a, b) => b.total - a.total || a.field.localeCompare(b.field)),
  });
  return { rejections: counts('reject'), walkAways: counts('walk'), cancellations: counts('cancel') };
}

const sumOf = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);
