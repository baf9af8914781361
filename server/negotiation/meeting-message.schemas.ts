/** The joi schemas of an online meeting room's messages: socket payloads and the history's answer. */
import Joi from 'joi';
import { objectId } from '../common/ids';
import { messageBody, messageClientId, seq } from './message.schemas';

export const meetingJoinSchema = Joi.object({ meetingId: objectId().required(), afterSeq: seq() });

export const meetingRefSchema = Joi.object({ meetingId: objectId().required() });

export const meetingSendSchema = Joi.object({
  meetingId: objectId().required(),
  body: messageBody().required(),
  clientId: messageClientId().required(),
});

const meetingRoomRole = Joi.string().valid('requester', 'invitee', 'admin');

export const meetingMessageResponse = Joi.object({
  id: objectId().required(),
  meetingId: objectId().required(),
  seq: Joi.number().integer().min(1).required(),
  authorId: objectId().required(),
  authorName: Joi.string().allow('').required(),
  authorRole: meetingRoomRole.required().description('the side the author wrote for, or an operator'),
  body: Joi.string().required(),
  clientId: Joi.string().required(),
  createdAt: Joi.string().isoDate().required(),
});

export const meetingMessagePageResponse = Joi.object({
  messages: Joi.array().items(meetingMessageResponse).required().description('newest last'),
  hasMore: Joi.boolean().required(),
});
