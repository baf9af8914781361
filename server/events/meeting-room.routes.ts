/** The HTTP side of an online meeting's room: its facts and its history (live chat and presence are on the socket). */
import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams, objectId } from '../common/ids';
import { historyQuery, meetingMessagePageResponse, listMeetingMessages } from '../negotiation';
import { meetingResponse } from './event.schemas';
import { meetingRoomAccess, meetingRoomFacts, roomViewerOf } from './meeting-room.service';

const roomRole = Joi.string()
  .valid('requester', 'invitee', 'admin')
  .description("the viewer's side of the meeting, or admin for an operator");

export function registerMeetingRoomRoutes(api: ApiRouter): void {
  const tag = 'Events';
  api.add({
    method: 'get',
    path: '/meetings/:id/room',
    tag,
    summary:
      "An accepted online meeting's room, for its two organizations' members and operators: the meeting, its event and your role (404 for others, 409 while the room is not open)",
    access: 'user',
    params: idParams,
    response: meetingResponse.keys({
      event: Joi.object({
        id: objectId().required(),
        title: Joi.string().required(),
        titleEn: Joi.string(),
      }).required(),
      role: roomRole.required(),
    }),
    handler: ({ user, params }) => meetingRoomFacts(user, params.id),
  });
  api.add({
    method: 'get',
    path: '/meetings/:id/messages',
    tag,
    summary: "A page of an online meeting room's messages, newest last (who may enter the room may read it)",
    access: 'user',
    params: idParams,
    query: historyQuery,
    response: meetingMessagePageResponse,
    handler: async ({ user, params, query }) => {
      await meetingRoomAccess(roomViewerOf(user), params.id);
      return listMeetingMessages(params.id, query);
    },
  });
}
