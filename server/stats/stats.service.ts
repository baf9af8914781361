/**
 * The statistics the city reports on, answered from the monthly rollups read by `_id` (never by
 * asking the database to filter, group or count): the operators' figures with the previous
 * period of the same length, the open data anyone may read, and the tables of the exports.
 */
import { userNames } from '../deals';
import { LRUCache } from 'lru-cache';
import { readRollups, ROLLUP_CACHE_MS, ROLLUP_LAYOUT, rollupGeneration } from './stats-rollup.store';
import { ensureStatsRollups, statsCaughtUp } from './stats-rollup-sync';
import {
  MAX_MONTHS,
  monthOf,
  previousPeriod,
  publicFigures,
  summarize,
  summarizeOutcomes,
  wholeMonths,
  type GroupBy,
  type Period,
  type RollupDoc,
  type Summary,
} from './stats-rules';
import { AppError } from '../common/errors';
import { recordsTable } from './stats-records';
import type { Table } from '../common/table-export';

export interface RangeQuery {
  from?: Date;
  to?: Date;
  groupBy?: GroupBy;
}

/** The rollups of the period's months (rebuilt first when there are none of the current layout). */
async function rollupsOf(months: string[]): Promise<{ docs: RollupDoc[]; earliest: string }> {
  let read = await readRollups(months);
  if (read.layout?.v !== ROLLUP_LAYOUT) {
    await ensureStatsRollups();
    read = await readRollups(months);
  }
  return { docs: read.docs, earliest: read.layout?.earliest ?? monthOf(new Date()) };
}

/** The period asked for, widened to whole months; by default from the first month anything happened. */
async function periodOf(query: RangeQuery): Promise<Period> {
  await statsCaughtUp();
  const to = query.to ?? new Date();
  let from = query.from;
  if (!from) {
    const { earliest } = await rollupsOf([]);
    from = new Date(`${earliest}-01T00:00:00Z`);
    if (from > to) from = to;
  }
  const period = wholeMonths(from, to);
  if (period.months.length > MAX_MONTHS) {
    throw AppError.validation(
      [{ field: query.from ? 'from' : 'to', message: `the period may cover at most ${MAX_MONTHS} months` }],
      `The period may cover at most ${MAX_MONTHS} months`,
    );
  }
  return period;
}

/**
 * Answers computed from the rollups, by what was asked and the rollups' generation here: the
 * same figures asked again are not summed again until a rollup changes here. Past the rollups'
 * cache time (when another process may have changed them) the last answer is still given while
 * one computation, shared by everyone asking meanwhile, makes the next.
 */
const answers = new LRUCache<string, object>({ max: 500, ttl: ROLLUP_CACHE_MS });
const computing = new Map<string, Promise<object>>();

async function remembered<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${rollupGeneration()}|${key}`;
  const last = answers.get(full, { allowStale: true, noDeleteOnStaleGet: true }) as T | undefined;
  if (last && answers.getRemainingTTL(full) > 0) return last;
  let next = computing.get(full) as Promise<T> | undefined;
  if (!next) {
    next = compute().then((answer) => {
      answers.set(full, answer);
      return answer;
    });
    const shared = next.finally(() => computing.delete(full));
    shared.catch(() => undefined);
    computing.set(full, shared);
  }
  return last ?? next;
}

const iso = (p: Period) => ({ from: p.from.toISOString(), to: p.to.toISOString(), months: p.months.length });

export async function operatorStatistics(query: RangeQuery) {
  const groupBy = query.groupBy ?? 'month';
  const period = await periodOf(query);
  return remembered(`operator|${period.months[0]}|${period.months.length}|${groupBy}`, () =>
    operatorFigures(period, groupBy),
  );
}

async function operatorFigures(period: Period, groupBy: GroupBy) {
  const previous = previousPeriod(period);
  const { docs } = await rollupsOf([...previous.months, ...period.months]);
  const now = summarize(docs, period.months, groupBy);
  const before = summarize(docs, previous.months, groupBy);
  const names = await userNames(now.brokers.map((b) => b.userId));
  return {
    ...iso(period),
    groupBy,
    ...now,
    brokers: now.brokers.map((b) => ({ ...b, name: names.get(b.userId) ?? '' })),
    previous: { ...iso(previous), ...comparable(before) },
  };
}

/** What the previous period is compared on. */
function comparable(s: Summary) {
  return {
    offers: s.offers.total,
    demands: s.demands.total,
    deals: s.deals.total,
    funnel: s.funnel,
    dealValue: s.dealValue,
    paidFees: { count: s.paidFees.count, byCurrency: s.paidFees.byCurrency },
    transfers: {
      agreementsSigned: s.transfers.agreementsSigned,
      transfersCompleted: s.transfers.transfersCompleted,
    },
  };
}

/** Why bids were rejected and deals walked away from or cancelled in the period, by reason and field. */
export async function outcomeStatistics(query: RangeQuery) {
  const period = await periodOf(query);
  return remembered(`outcomes|${period.months[0]}|${period.months.length}`, async () => {
    const { docs } = await rollupsOf(period.months);
    return { ...iso(period), ...summarizeOutcomes(docs, period.months) };
  });
}

export async function publicStatistics(query: RangeQuery) {
  const period = await periodOf(query);
  return remembered(`public|${period.months[0]}|${period.months.length}`, () => publicFiguresOf(period));
}

async function publicFiguresOf(period: Period) {
  const { docs } = await rollupsOf(period.months);
  const figures = publicFigures(
    summarize(docs, period.months, 'month'),
    summarize(docs, period.months, 'field'),
  );
  return { ...iso(period), ...figures };
}

/** Tables of the rollups, and the raw records of the period (records-*). */
export const REPORT_NAMES = [
  'listings',
  'deals',
  'fees',
  'funnel',
  'sub-fields',
  'transfer-modes',
  'transfers',
  'records-offers',
  'records-demands',
  'records-deals',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type { Table } from '../common/table-export';

/** The rows of one report of the period, as the exports write them. */
export async function reportTable(report: ReportName, query: RangeQuery): Promise<Table> {
  const period = await periodOf(query);
  if (report === 'records-offers' || report === 'records-demands' || report === 'records-deals')
    return recordsTable(report, period);
  const { docs } = await rollupsOf(period.months);
  const inPeriod = docs
    .filter((d) => period.months.includes(d._id))
    .sort((a, b) => a._id.localeCompare(b._id));
  const cells = (kinds: string[]) =>
    inPeriod.flatMap((d) =>
      Object.entries(d.c ?? {})
        .map(([key, counters]) => ({ month: d._id, parts: key.split('|'), counters }))
        .filter((c) => kinds.includes(c.parts[0]))
        .sort((a, b) => a.parts.join('|').localeCompare(b.parts.join('|'))),
    );
  const currencies = (prefix: string, section: 'c' | 'm' = 'c') =>
    [
      ...new Set(
        inPeriod.flatMap((d) =>
          Object.values(d[section] ?? {}).flatMap((c) => Object.keys(c).filter((k) => k.startsWith(prefix))),
        ),
      ),
    ]
      .map((k) => k.slice(prefix.length))
      .sort();
  if (report === 'listings') {
    return {
      name: report,
      columns: ['month', 'kind', 'field', 'province', 'created', 'published', 'with_bids'],
      rows: cells(['offer', 'demand']).map(({ month, parts, counters: c }) => [
        month,
        ...parts,
        c.n ?? 0,
        c.pub ?? 0,
        c.bid1 ?? 0,
      ]),
    };
  }
  if (report === 'deals') {
    const curs = currencies('val:');
    return {
      name: report,
      columns: [
        'month',
        'field',
        'province',
        'opened',
        'agreed',
        'closed_won',
        ...curs.map((c) => `agreed_value_${c}`),
      ],
      rows: cells(['deal']).map(({ month, parts, counters: c }) => [
        month,
        parts[1],
        parts[2],
        c.n ?? 0,
        c.agr ?? 0,
        c.won ?? 0,
        ...curs.map((cur) => c[`val:${cur}`] ?? 0),
      ]),
    };
  }
  if (report === 'sub-fields') {
    return {
      name: report,
      columns: ['month', 'kind', 'sub_field', 'created', 'published'],
      rows: inPeriod.flatMap((d) =>
        Object.entries(d.s ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, c]) => [d._id, ...key.split('|'), c.n ?? 0, c.pub ?? 0]),
      ),
    };
  }
  if (report === 'transfer-modes') {
    const curs = currencies('val:', 'm');
    return {
      name: report,
      columns: [
        'month',
        'transfer_mode',
        'field',
        'agreed',
        'closed_won',
        ...curs.map((c) => `agreed_value_${c}`),
      ],
      rows: inPeriod.flatMap((d) =>
        Object.entries(d.m ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, c]) => [
            d._id,
            ...key.split('|'),
            c.agr ?? 0,
            c.won ?? 0,
            ...curs.map((cur) => c[`val:${cur}`] ?? 0),
          ]),
      ),
    };
  }
  if (report === 'transfers') {
    // Agreements signed and transfers completed, per month of the period (every month, zeros too).
    const { transfers } = summarize(docs, period.months);
    return {
      name: report,
      columns: ['month', 'agreements_signed', 'transfers_completed'],
      rows: transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
    };
  }
  if (report === 'fees') {
    const curs = currencies('fee:');
    return {
      name: report,
      columns: ['month', 'field', 'province', 'paid_fees', ...curs.map((c) => `amount_${c}`)],
      rows: cells(['fee']).map(({ month, parts, counters: c }) => [
        month,
        parts[1],
        parts[2],
        c.feeN ?? 0,
        ...curs.map((cur) => c[`fee:${cur}`] ?? 0),
      ]),
    };
  }
  const s = summarize(docs, period.months);
  const f = s.funnel;
  const blank = (n: number | null) => (n === null ? '' : n);
  return {
    name: report,
    columns: ['stage', 'count', 'conversion_from_previous', 'median_days'],
    rows: [
      ['published', f.published, '', ''],
      ['with_bids', f.withBids, blank(s.conversion.withBids), blank(s.medianDays.firstBid)],
      ['deals_opened', f.dealsOpened, blank(s.conversion.dealsOpened), blank(s.medianDays.dealOpened)],
      ['agreed', f.agreed, blank(s.conversion.agreed), blank(s.medianDays.agreed)],
      ['closed_won', f.closedWon, blank(s.conversion.closedWon), blank(s.medianDays.closedWon)],
    ],
  };
}
