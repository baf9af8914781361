import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import {
  deliverBody,
  disputeBody,
  milestoneListResponse,
  milestoneParams,
  milestoneResponse,
  noteBody,
  resolveBody,
  transferBody,
} from './milestone.schemas';
import { actOnMilestoneAs, listMilestones, settleMilestoneAs, type MilestoneDeps } from './milestone.service';

/** `payments` is the payments component's, passed in by app.ts (deals do not import it). */
export function registerMilestoneRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { payments }: { payments: MilestoneDeps['payments'] },
): void {
  const tag = 'deals';
  const deps: MilestoneDeps = {
    bus: ctx.bus,
    acceptAfterDays: ctx.config.milestoneAcceptDays,
    schedule: ctx.config.feeSchedule,
    payments,
  };
  api.add({
    method: 'get',
    path: '/deals/:id/milestones',
    tag,
    summary: "The deal's delivery plan: the agreed milestones, each with its state and whether it is overdue",
    access: 'user',
    params: idParams,
    response: milestoneListResponse,
    handler: ({ user, params }) => listMilestones(user, params.id, deps),
  });
  api.add({
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
  api.add({
    method: 'post',
    path: '/deals/:id/milestones/:n/accept',
    tag,
    summary:
      'The buyer accepts a delivered milestone: its payment to the seller and its share of the success fee fall due',
    access: 'user',
    params: milestoneParams,
    response: milestoneResponse,
    handler: ({ user, params }) => actOnMilestoneAs(user, params.id, params.n, 'accept', {}, deps),
  });
  api.add({
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
  api.add({
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
  api.add({
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
  api.add({
    method: 'post',
    path: '/deals/:id/milestones/:n/transfer',
    tag,
    summary:
      "The buyer records paying the seller for an accepted milestone (paid directly between them), with the transfer's reference; it may be corrected until the seller confirms it",
    access: 'user',
    params: milestoneParams,
    body: transferBody,
    response: milestoneResponse,
    handler: ({ user, params, body }) => settleMilestoneAs(user, params.id, params.n, 'record', body, deps),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/milestones/:n/transfer/confirm',
    tag,
    summary:
      "The seller confirms receiving the buyer's payment for a milestone; once every milestone is settled and every fee paid, the deal is complete",
    access: 'user',
    params: milestoneParams,
    response: milestoneResponse,
    handler: ({ user, params }) => settleMilestoneAs(user, params.id, params.n, 'confirm', {}, deps),
  });
}
