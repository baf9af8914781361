import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import { listMessages } from './message.service';
import { unreadCounts } from './read-marker.service';
import { roomRoleFor } from './room-access';
import { historyQuery, messageResponse, unreadQuery } from './message.schemas';

export function registerNegotiationRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/deals/:id/messages',
    tag: 'Negotiation',
    summary: "A page of the deal room's messages, newest last (broker notes only for their side)",
    access: 'user',
    params: idParams,
    query: historyQuery,
    response: Joi.object({ messages: Joi.array().items(messageResponse), hasMore: Joi.boolean() }),
    handler: async ({ params, query, user }) =>
      listMessages(params.id, await roomRoleFor(user, params.id), query),
  });

  api.add({
    method: 'get',
    path: '/messages/unread',
    tag: 'Negotiation',
    summary: 'Unread messages per deal for the signed-in user',
    access: 'user',
    query: unreadQuery,
    response: Joi.object({ unread: Joi.object().pattern(Joi.string(), Joi.number().integer()) }),
    handler: async ({ query, user }) => ({ unread: await unreadCounts(user, query.dealIds?.split(',')) }),
  });
}
