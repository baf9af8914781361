import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import {
  brokerBody,
  cancelBody,
  dealListQuery,
  dealListResponse,
  dealResponse,
  openDealBody,
  timelineQuery,
  timelineResponse,
  brokerCandidatesResponse,
} from './deal.schemas';
import { cancelDeal, listDeals, viewDealForUser, walkAwayFromDeal } from './deal.service';
import { cancellationOutcome, outcomeBody } from './outcome';
import { describeDeal, describeDeals } from './deal-description';
import { openDealDirect, type MeetingSourceFor } from './deal-opening.service';
import { assignBroker, consentToBroker, listBrokerCandidates, removeBroker } from './deal-broker.service';

/** `meetingSourceFor` is the events component's, passed in by app.ts (deals do not import events). */
export function registerDealRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { meetingSourceFor }: { meetingSourceFor: MeetingSourceFor },
): void {
  const tag = 'deals';
  const { bus } = ctx;
  api.add({
    method: 'get',
    path: '/deals',
    tag,
    summary: 'Deals of my organization and deals I broker (operators: all, unless mine=true)',
    access: 'user',
    query: dealListQuery,
    response: dealListResponse,
    // Made of the deals, the lists that hold them and the parties' and brokers' names.
    cacheAnswers: { clearOn: ['deal', 'owner-list', 'organization', 'user'] },
    handler: async ({ user, query }) => {
      const { views, total } = await listDeals(user, query);
      return { deals: await describeDeals(views, user), total, page: query.page, limit: query.limit };
    },
  });
  api.add({
    method: 'post',
    path: '/deals',
    tag,
    summary: 'Open a negotiation directly on a published offer or demand',
    access: 'verified',
    body: openDealBody,
    status: 201,
    response: dealResponse,
    handler: async ({ user, body }) => ({
      deal: await describeDeal(await openDealDirect(user, body, bus, meetingSourceFor), user),
    }),
  });
  api.add({
    method: 'get',
    path: '/deals/:id',
    tag,
    summary: 'One deal with its term sheets and timeline (parties, broker, operators)',
    access: 'user',
    params: idParams,
    response: dealResponse,
    cacheAnswers: { clearOn: ['deal', 'organization', 'user'] },
    handler: async ({ user, params }) => ({
      deal: await describeDeal((await viewDealForUser(user, params.id)).deal, user),
    }),
  });
  api.add({
    method: 'get',
    path: '/deals/:id/timeline',
    tag,
    summary: 'What happened in a deal, who did it and when',
    access: 'user',
    params: idParams,
    query: timelineQuery,
    response: timelineResponse,
    handler: async ({ user, params, query }) => {
      const { timeline } = (await viewDealForUser(user, params.id)).deal;
      const from = Number(query.cursor ?? 0);
      const end = from + query.limit;
      return {
        timeline: timeline.slice(from, end),
        ...(end < timeline.length ? { nextCursor: String(end) } : {}),
      };
    },
  });
  api.add({
    method: 'post',
    path: '/deals/:id/cancel',
    tag,
    summary:
      'Cancel a deal with a reason (a party or an operator): a reason code (price_too_high, trl_too_low, ip_unclear, terms, timing, other) and an optional note, or words of your own (counted as other)',
    access: 'user',
    params: idParams,
    body: cancelBody,
    response: dealResponse,
    handler: async ({ user, params, body }) => ({
      deal: await describeDeal(
        await cancelDeal(user, params.id, cancellationOutcome(body.reason, body.note || undefined), bus),
        user,
      ),
    }),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/walk-away',
    tag,
    summary: 'A party ends the negotiation without agreement, saying why',
    access: 'user',
    params: idParams,
    body: outcomeBody,
    response: dealResponse,
    handler: async ({ user, params, body }) => ({
      deal: await describeDeal(await walkAwayFromDeal(user, params.id, body, bus), user),
    }),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/broker',
    tag,
    summary:
      'Assign a broker (an operator: at once; a party: proposed, seated once the other party names the same broker)',
    access: 'user',
    params: idParams,
    body: brokerBody,
    response: dealResponse,
    handler: async ({ user, params, body }) => ({
      deal: await describeDeal(await assignBroker(user, params.id, body.userId, bus), user),
    }),
  });
  api.add({
    method: 'get',
    path: '/deals/:id/broker-candidates',
    tag,
    summary: 'Brokers a party or an operator may assign to the deal',
    access: 'user',
    params: idParams,
    response: brokerCandidatesResponse,
    handler: async ({ user, params }) => ({ brokers: await listBrokerCandidates(user, params.id) }),
  });
  api.add({
    method: 'delete',
    path: '/deals/:id/broker',
    tag,
    summary: 'Remove the deal’s broker, or withdraw a broker proposal (a party or an operator)',
    access: 'user',
    params: idParams,
    response: dealResponse,
    handler: async ({ user, params }) => ({
      deal: await describeDeal(await removeBroker(user, params.id, bus), user),
    }),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/broker/consent',
    tag,
    summary:
      'A party agrees to the deal’s broker (the party that assigned it already has); with both, the broker may open confidential documents after its NDA',
    access: 'user',
    params: idParams,
    body: brokerBody,
    response: dealResponse,
    handler: async ({ user, params, body }) => ({
      deal: await describeDeal(await consentToBroker(user, params.id, body.userId), user),
    }),
  });
}
