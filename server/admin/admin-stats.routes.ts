import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { exchangeStatistics } from './admin-stats.service';

const counts = Joi.object().pattern(Joi.string(), Joi.number().integer().min(0));
const breakdown = Joi.object({
  total: Joi.number().integer().min(0).required(),
  byField: counts.required(),
  byStatus: counts.required(),
  byMonth: counts.required(),
});
const statisticsResponse = Joi.object({
  from: Joi.string().isoDate().required(),
  to: Joi.string().isoDate().required(),
  offers: breakdown.required(),
  demands: breakdown.required(),
  deals: breakdown.required(),
  paidFees: Joi.object({
    count: Joi.number().integer().min(0).required(),
    byCurrency: counts.required().description('paid amounts (integers) by currency'),
    byMonth: Joi.object().pattern(Joi.string(), counts).required(),
  }).required(),
});

export function registerAdminStatsRoutes(api: ApiRouter): void {
  api.add<unknown, { from?: Date; to?: Date }>({
    method: 'get',
    path: '/admin/stats',
    tag: 'admin',
    summary: 'Counts of offers, demands and deals by field, status and month, and paid fees',
    access: ['admin'],
    query: Joi.object({ from: Joi.date().iso(), to: Joi.date().iso().greater(Joi.ref('from')) }),
    response: statisticsResponse,
    handler: ({ query }) => exchangeStatistics(query),
  });
}
