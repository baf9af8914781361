import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { exchangeStatistics } from './admin-stats.service';

export function registerAdminStatsRoutes(api: ApiRouter): void {
  api.add<unknown, { from?: Date; to?: Date }>({
    method: 'get',
    path: '/admin/stats',
    tag: 'admin',
    summary: 'Counts of offers, demands and deals by field, status and month, and paid fees',
    access: ['admin'],
    query: Joi.object({ from: Joi.date().iso(), to: Joi.date().iso().greater(Joi.ref('from')) }),
    handler: ({ query }) => exchangeStatistics(query),
  });
}
