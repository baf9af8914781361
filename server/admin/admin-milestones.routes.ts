import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { MILESTONE_STATUSES } from '../api-contract/enums';
import { listOverdueMilestones, type OverdueQuery } from '../deals';

const party = Joi.object({ id: Joi.string().required(), name: Joi.string().allow('').required() });

const overdueMilestone = Joi.object({
  dealId: Joi.string().required(),
  reference: Joi.string().description('The deal’s reference, e.g. GD-2026-000123'),
  listingTitle: Joi.string().allow('').required(),
  seller: party.required(),
  buyer: party.required(),
  n: Joi.number().integer().min(1).required().description('The milestone’s number in the plan'),
  title: Joi.string().allow('').required(),
  dueDate: Joi.string().isoDate().required(),
  daysOverdue: Joi.number()
    .integer()
    .min(1)
    .required()
    .description('Days begun since the due date passed (1 on the first day)'),
  status: Joi.string()
    .valid(...MILESTONE_STATUSES)
    .required(),
});

export const overdueMilestonesResponse = Joi.object({
  milestones: Joi.array().items(overdueMilestone).required(),
  total: Joi.number().integer().min(0).required(),
  page: Joi.number().integer().min(1).required(),
  limit: Joi.number().integer().min(1).required(),
});

export function registerAdminMilestoneRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/admin/milestones/overdue',
    tag: 'admin',
    summary:
      'Milestones past their due date and neither accepted nor cancelled, across the deals delivering their plans, the most overdue first',
    access: ['admin'],
    query: Joi.object<OverdueQuery>({
      page: Joi.number().integer().min(1).max(1000).default(1),
      limit: Joi.number().integer().min(1).max(200).default(50),
    }),
    response: overdueMilestonesResponse,
    handler: ({ query }) => listOverdueMilestones(query),
  });
}
