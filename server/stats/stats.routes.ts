import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import {
  operatorStatistics,
  outcomeStatistics,
  publicStatistics,
  reportTable,
  REPORT_NAMES,
  type RangeQuery,
  type ReportName,
} from './stats.service';
import { EXPORT_TYPES, writeTable, type ExportFormat } from '../common/table-export';
import { MIN_DEALS_FOR_VALUE, type GroupBy } from './stats-rules';

const count = Joi.number().integer().min(0);
const counts = Joi.object().pattern(Joi.string(), count);
const amounts = Joi.object()
  .pattern(Joi.string(), Joi.number().integer())
  .description('amounts (integers, in the minor unit of each currency) by currency');
const rate = Joi.number().min(0).allow(null).required();
const breakdown = Joi.object({
  total: count.required(),
  byField: counts.required(),
  byStatus: counts.required(),
  byMonth: counts.required(),
  byProvince: counts.required(),
});
const funnel = Joi.object({
  published: count.required(),
  withBids: count.required(),
  dealsOpened: count.required(),
  agreed: count.required(),
  closedWon: count.required(),
}).description('each stage counted in the month it happened');
const periodKeys = {
  from: Joi.string().isoDate().required(),
  to: Joi.string().isoDate().required(),
  months: count.required(),
};
const paidFees = Joi.object({
  count: count.required(),
  byCurrency: amounts.required(),
  byMonth: Joi.object().pattern(Joi.string(), amounts),
});
const outcomeCounts = Joi.object({
  total: count.required(),
  byReason: counts
    .required()
    .description('by reason code (price_too_high, trl_too_low, ip_unclear, terms, timing, other)'),
  byField: Joi.array()
    .items(
      Joi.object({ field: Joi.string().required(), total: count.required(), byReason: counts.required() }),
    )
    .required(),
});
const outcomesResponse = Joi.object({
  ...periodKeys,
  rejections: outcomeCounts.required().description('bids and proposals rejected'),
  walkAways: outcomeCounts.required().description('negotiations a party walked away from'),
  cancellations: outcomeCounts.required(),
});
const subFieldRow = Joi.object({
  subField: Joi.string().required(),
  offers: count.required(),
  demands: count.required(),
  offersPublished: count.required(),
  demandsPublished: count.required(),
});
const transferModeRow = Joi.object({
  transferMode: Joi.string().required(),
  agreed: count.required(),
  closedWon: count.required(),
  agreedValue: amounts.required(),
}).description('deals agreed (and won) in the period by the agreed term sheet’s transfer mode');
const transferCounts = {
  agreementsSigned: count
    .required()
    .description('deals whose terms both parties agreed, in the month agreed'),
  transfersCompleted: count
    .required()
    .description('deals closed won (every milestone settled, every fee paid), in the month they closed'),
};
const transferRow = Joi.object({ key: Joi.string().required(), ...transferCounts });
const transfers = Joi.object({
  ...transferCounts,
  byMonth: Joi.array().items(transferRow).required().description('every month of the period'),
  byField: Joi.array().items(transferRow).required().description('the fields with either figure'),
}).description(
  'agreements signed apart from transfers completed: the same counts as funnel.agreed and funnel.closedWon',
);
const statisticsResponse = Joi.object({
  ...periodKeys,
  groupBy: Joi.string().valid('month', 'field', 'province').required(),
  offers: breakdown.required(),
  demands: breakdown.required(),
  deals: breakdown.required(),
  funnel: funnel.required(),
  conversion: Joi.object({ withBids: rate, dealsOpened: rate, agreed: rate, closedWon: rate })
    .required()
    .description('each stage over the one before it (null when that one is zero)'),
  medianDays: Joi.object({
    firstBid: rate.description('publication to first bid'),
    dealOpened: rate.description('publication to a deal opened'),
    agreed: rate.description('deal opened to agreed'),
    closedWon: rate.description('agreed to closed won'),
  }).required(),
  dealValue: amounts.required(),
  agreedValueByField: Joi.object().pattern(Joi.string(), amounts).required(),
  agreedValueByMonth: Joi.object().pattern(Joi.string(), amounts).required(),
  paidFees: paidFees.required(),
  brokers: Joi.array()
    .items(
      Joi.object({
        userId: Joi.string().required(),
        name: Joi.string().allow('').required(),
        deals: count.required(),
        closedWon: count.required(),
      }),
    )
    .required(),
  supplyDemand: Joi.array()
    .items(
      Joi.object({ field: Joi.string().required(), offers: count.required(), demands: count.required() }),
    )
    .required()
    .description('offers and demands published in the period, per field'),
  series: Joi.array()
    .items(
      Joi.object({
        key: Joi.string().required(),
        offers: count.required(),
        demands: count.required(),
        offersPublished: count.required(),
        demandsPublished: count.required(),
        dealsOpened: count.required(),
        agreed: count.required(),
        closedWon: count.required(),
      }),
    )
    .required()
    .description('by the groupBy dimension'),
  subFields: Joi.array()
    .items(subFieldRow)
    .required()
    .description('listings per sub-field (those that named one)'),
  transferModes: Joi.array().items(transferModeRow).required(),
  transfers: transfers.required(),
  previous: Joi.object({
    ...periodKeys,
    offers: count.required(),
    demands: count.required(),
    deals: count.required(),
    funnel: funnel.required(),
    dealValue: amounts.required(),
    paidFees: paidFees.required(),
    transfers: Joi.object(transferCounts).required(),
  })
    .required()
    .description('the same figures over the period of the same length right before'),
});

const publicRow = Joi.object({
  key: Joi.string().required(),
  offers: count.required(),
  demands: count.required(),
  dealsOpened: count.required(),
  agreed: count.required(),
  closedWon: count.required(),
  ...transferCounts,
  agreedValue: amounts,
});
const publicResponse = Joi.object({
  ...periodKeys,
  totals: Joi.object({
    offersPublished: count.required(),
    demandsPublished: count.required(),
    dealsOpened: count.required(),
    agreed: count.required(),
    closedWon: count.required(),
    ...transferCounts,
    agreedValue: amounts,
  }).required(),
  byField: Joi.array().items(publicRow).required(),
  byMonth: Joi.array().items(publicRow).required(),
}).description(`agreed value only where at least ${MIN_DEALS_FOR_VALUE} deals were agreed`);

/** A period: from the start of `from`'s month to the end of `to`'s, either end open. */
export type PeriodQuery = Pick<RangeQuery, 'from' | 'to'>;

export interface StatisticsQuery extends PeriodQuery {
  groupBy: GroupBy;
}

export interface StatisticsExportQuery extends PeriodQuery {
  format: ExportFormat;
  report: ReportName;
}

export interface OpenDataExportQuery extends PeriodQuery {
  by: 'month' | 'field';
}

const range = {
  from: Joi.date().iso().min('2000-01-01').description('start (widened to the start of its month)'),
  to: Joi.date()
    .iso()
    .greater(Joi.ref('from'))
    .description('end, exclusive (widened to the end of its month)'),
};

function sendFile(res: import('express').Response, name: string, format: ExportFormat, body: Buffer): void {
  res.set('Content-Type', EXPORT_TYPES[format]);
  res.set('Content-Disposition', `attachment; filename="${name}.${format}"`);
  res.set('Cache-Control', 'no-store');
  res.send(body);
}

const day = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : 'all');

export function registerStatsRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/admin/stats',
    tag: 'admin',
    summary:
      'Listings, deals and paid fees of a period: by field, status, province and month, the funnel, deal value, brokers, supply against demand, and the previous period',
    access: ['admin'],
    query: Joi.object<StatisticsQuery>({
      ...range,
      groupBy: Joi.string().valid('month', 'field', 'province').default('month'),
    }),
    response: statisticsResponse,
    handler: ({ query }) => operatorStatistics(query),
  });
  api.add({
    method: 'get',
    path: '/admin/stats/export',
    tag: 'admin',
    summary: 'A statistics table of a period as a CSV or XLSX file (formula-like cells neutralised)',
    access: ['admin'],
    query: Joi.object<StatisticsExportQuery>({
      ...range,
      format: Joi.string().valid('csv', 'xlsx').required(),
      report: Joi.string()
        .valid(...REPORT_NAMES)
        .required()
        .description(
          'a table of the rollups (listings, deals, fees, funnel, sub-fields, transfer-modes, transfers: agreements signed and transfers completed by month) or the raw records created in the period (records-offers, records-demands, records-deals)',
        ),
    }),
    answers: `${EXPORT_TYPES.csv}, ${EXPORT_TYPES.xlsx}`,
    handler: async ({ query, res }) => {
      const table = await reportTable(query.report, query);
      const name = `statistics-${query.report}-${day(query.from)}-${day(query.to)}`;
      sendFile(res, name, query.format, await writeTable(table, query.format));
    },
  });
  api.add({
    method: 'get',
    path: '/admin/outcomes',
    tag: 'admin',
    summary:
      'Why bids were rejected and negotiations walked away from or deals cancelled in a period: counts by reason, and by field',
    access: ['admin'],
    query: Joi.object<PeriodQuery>(range),
    response: outcomesResponse,
    handler: ({ query }) => outcomeStatistics(query),
  });
  api.add({
    method: 'get',
    path: '/public/stats',
    tag: 'statistics',
    summary:
      'Open data: published offers and demands, deals opened, agreements signed (agreed) and transfers completed (won), by field and by month',
    access: 'public',
    query: Joi.object<PeriodQuery>(range),
    response: publicResponse,
    handler: ({ query }) => publicStatistics(query),
  });
  api.add({
    method: 'get',
    path: '/public/stats/export',
    tag: 'statistics',
    summary: 'Open data as CSV: one row per month (by=month) or per field (by=field)',
    access: 'public',
    query: Joi.object<OpenDataExportQuery>({
      ...range,
      by: Joi.string().valid('month', 'field').default('month'),
    }),
    answers: EXPORT_TYPES.csv,
    handler: async ({ query, res }) => {
      const figures = await publicStatistics(query);
      const rows = query.by === 'field' ? figures.byField : figures.byMonth;
      const currencies = [...new Set(rows.flatMap((r) => Object.keys(r.agreedValue ?? {})))].sort();
      const table = {
        name: `open-data-${query.by}`,
        columns: [
          query.by,
          'offers_published',
          'demands_published',
          'deals_opened',
          'agreed',
          'closed_won',
          'agreements_signed',
          'transfers_completed',
          ...currencies.map((c) => `agreed_value_${c}`),
        ],
        rows: rows.map((r) => [
          r.key,
          r.offers,
          r.demands,
          r.dealsOpened,
          r.agreed,
          r.closedWon,
          r.agreementsSigned,
          r.transfersCompleted,
          ...currencies.map((c) => r.agreedValue?.[c] ?? ''),
        ]),
      };
      sendFile(
        res,
        `open-data-${query.by}-${day(query.from)}-${day(query.to)}`,
        'csv',
        await writeTable(table, 'csv'),
      );
    },
  });
}
