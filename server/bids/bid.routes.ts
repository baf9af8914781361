import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { dealResponse, describeDeal, outcomeBody } from '../deals';
import {
  bidBody,
  bidListResponse,
  bidResponse,
  listingBidsQuery,
  myBidsQuery,
  myBidsResponse,
} from './bid.schemas';
import { listListingBids, listMyBids, placeBid } from './bid.service';
import { acceptBid, decideBid } from './bid-decision.service';
import { offerToRunnerUp } from './runner-up.service';

export function registerBidRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'bids';
  const { bus } = ctx;
  const listings: { kind: ListingKind; path: string; noun: string; runnerUp: string }[] = [
    {
      kind: 'offer',
      path: '/offers/:id/bids',
      noun: 'bid on an offer',
      runnerUp:
        "After an operator forfeited the deposit of an auction's winner who walked away, its owner offers the technology to the runner-up: the best bid the close turned down (at or above the reserve, its bidder having paid the deposit) becomes a deal at that bid, and its bidder is told. 409 without such a forfeit (once per forfeit) or runner-up.",
    },
    {
      kind: 'demand',
      path: '/demands/:id/proposals',
      noun: 'proposal on a demand',
      runnerUp:
        "After an operator forfeited the deposit of a call's chosen proposer who walked away, its owner offers the technology to the runner-up: the best proposal still in the running with its deposit held (shortlisted first, then the lowest price) is accepted, its deposit credited to the deal, and its proposer told. 409 without such a forfeit (once per forfeit) or runner-up.",
    },
  ];
  for (const { kind, path, noun, runnerUp } of listings) {
    api.add({
      method: 'post',
      path: `/${kind}s/:id/runner-up`,
      tag,
      summary: runnerUp,
      access: 'user',
      params: idParams,
      status: 201,
      response: dealResponse,
      handler: async ({ user, params }) => ({
        deal: await describeDeal(await offerToRunnerUp(user, kind, params.id, ctx), user),
      }),
    });
    api.add({
      method: 'post',
      path,
      tag,
      summary: `Place a ${noun} (verified organizations, before the deadline)`,
      access: 'verified',
      params: idParams,
      body: bidBody,
      status: 201,
      response: bidResponse,
      handler: async ({ user, params, body }) => ({ bid: await placeBid(user, kind, params.id, body, bus) }),
    });
    api.add({
      method: 'get',
      path,
      tag,
      summary: `The ${noun}s you may see: the owner all (sealed ones after the deadline), a bidder its own`,
      access: 'user',
      params: idParams,
      query: listingBidsQuery,
      response: bidListResponse,
      handler: ({ user, params, query }) => listListingBids(user, kind, params.id, query),
    });
  }
  api.add({
    method: 'get',
    path: '/bids',
    tag,
    summary: 'Bids and proposals my organization placed',
    access: 'user',
    query: myBidsQuery,
    response: myBidsResponse,
    handler: ({ user, query }) => listMyBids(user, query),
  });
  api.add({
    method: 'post',
    path: '/bids/:id/accept',
    tag,
    summary: 'Accept a bid or proposal on your listing: opens a deal',
    access: 'user',
    params: idParams,
    status: 201,
    response: dealResponse,
    handler: async ({ user, params }) => ({
      deal: await describeDeal(await acceptBid(user, params.id, bus), user),
    }),
  });
  for (const transition of ['reject', 'shortlist', 'withdraw'] as const) {
    api.add({
      method: 'post',
      path: `/bids/:id/${transition}`,
      tag,
      summary:
        transition === 'withdraw'
          ? 'Withdraw your bid'
          : `${transition === 'reject' ? 'Reject' : 'Shortlist'} a bid on your listing`,
      access: 'user',
      params: idParams,
      // A rejection says why (a reason from the short list, a note if wished).
      ...(transition === 'reject' ? { body: outcomeBody } : {}),
      response: bidResponse,
      handler: async ({ user, params, body }) => ({
        bid: await decideBid(user, params.id, transition, bus, transition === 'reject' ? body : undefined),
      }),
    });
  }
}
