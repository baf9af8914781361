import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import type { MilestoneDisputeOutcome } from '../api-contract/enums';
import {
  deliverBody,
  disputeBody,
  milestoneListResponse,
  milestoneParams,
  milestoneResponse,
  noteBody,
  resolveBody,
} from './milestone.schemas';
import { actOnMilestoneAs, listMilestones, type MilestoneDeps } from './milestone.service';

type Params = { id: string; n: number };

export function registerMilestoneRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'deals';
  const deps: MilestoneDeps = { bus: ctx.bus, acceptAfterDays: ctx.config.milestoneAcceptDays };
  api.add({
    method: 'get',
    path: '/deals/:id/milestones',
    tag,
    summary: "The deal's delivery plan: the agreed milestones, each with its state and whether it is overdue",
    access: 'user',
    params: idParams,
    response: milestoneListResponse,
    handler: ({ user, params }) => listMilestones(user, params.id, deps.acceptAfterDays),
  });
  api.add<Params, unknown, { note: string; documentIds?: string[] }>({
    method: 'post',
    path: '/deals/:id/milestones/:n/deliver',
    tag,
    summary:
      "The seller delivers a milestone with a note and, optionally, the listing's confidential documents; the buyer's answer is due within MILESTONE_ACCEPT_DAYS, after which it is accepted for them",
    access: 'user',
    params: milestoneParams,
    body: deliverBody,
    response: milestoneResponse,
    handler: ({ user, params, body }) => actOnMilestoneAs(user, params.id, params.n, 'deliver', body, deps),
  });
  api.add<Params>({
    method: 'post',
    path: '/deals/:id/milestones/:n/accept',
    tag,
    summary: 'The buyer accepts a delivered milestone; accepting the last one completes the deal',
    access: 'user',
    params: milestoneParams,
    response: milestoneResponse,
    handler: ({ user, params }) => actOnMilestoneAs(user, params.id, params.n, 'accept', {}, deps),
  });
  api.add<Params, unknown, { note: string }>({
    method: 'post',
    path: '/deals/:id/milestones/:n/request-changes',
    tag,
    summary: 'The buyer sends a delivered milestone back with what to change',
    access: 'user',
    params: milestoneParams,
    body: noteBody,
    response: milestoneResponse,
    handler: ({ user, params, body }) =>
      actOnMilestoneAs(user, params.id, params.n, 'request_changes', { note: body.note }, deps),
  });
  api.add<Params, unknown, { reason: string }>({
    method: 'post',
    path: '/deals/:id/milestones/:n/dispute',
    tag,
    summary:
      "Either party disputes a delivered (or sent back) milestone: its automatic acceptance stops and the deal's broker or an operator resolves it",
    access: 'user',
    params: milestoneParams,
    body: disputeBody,
    response: milestoneResponse,
    handler: ({ user, params, body }) =>
      actOnMilestoneAs(user, params.id, params.n, 'dispute', { note: body.reason }, deps),
  });
  api.add<Params, unknown, { outcome: MilestoneDisputeOutcome; note?: string; amount?: number }>({
    method: 'post',
    path: '/deals/:id/milestones/:n/resolve',
    tag,
    summary:
      'The deal’s broker or an operator ends a dispute: accepted, re-delivery, accepted for a partial amount, or the milestone cancelled',
    access: 'user',
    params: milestoneParams,
    body: resolveBody,
    response: milestoneResponse,
    handler: ({ user, params, body }) => actOnMilestoneAs(user, params.id, params.n, 'resolve', body, deps),
  });
}
