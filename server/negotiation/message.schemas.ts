import Joi from 'joi';
import { objectId } from '../common/ids';
import { HISTORY_PAGE_SIZE, MESSAGE_MAX_LENGTH } from '../api-contract/socket-events';
import { MESSAGE_AUDIENCES } from './message.model';

export const seq = () => Joi.number().integer().min(0);

export const messageBody = () => Joi.string().trim().min(1).max(MESSAGE_MAX_LENGTH);

/** Chosen by the sender once per message: a retry with it never stores a second copy. */
export const messageClientId = () =>
  Joi.string()
    .trim()
    .pattern(/^[\w:.-]{1,80}$/);

export const sendMessageSchema = Joi.object({
  dealId: objectId().required(),
  body: messageBody().required(),
  clientId: messageClientId().required(),
  audience: Joi.string()
    .valid(...MESSAGE_AUDIENCES)
    .default('all'),
});

export const joinSchema = Joi.object({
  dealId: objectId().required(),
  afterSeq: seq(),
});

export const dealRefSchema = Joi.object({ dealId: objectId().required() });

export const readSchema = Joi.object({ dealId: objectId().required(), seq: seq().required() });

export interface HistoryQuery {
  before?: number;
  after?: number;
  limit: number;
}

export const historyQuery = Joi.object<HistoryQuery>({
  before: seq().min(1),
  after: seq(),
  limit: Joi.number().integer().min(1).max(100).default(HISTORY_PAGE_SIZE),
});

export interface UnreadQuery {
  /** Comma-separated deal ids. */
  dealIds?: string;
}

export const unreadQuery = Joi.object<UnreadQuery>({
  dealIds: Joi.string()
    .pattern(/^[0-9a-fA-F]{24}(,[0-9a-fA-F]{24}){0,99}$/)
    .description('Comma-separated deal ids (at most 100); without it, your own deals'),
});

export const messageResponse = Joi.object({
  id: Joi.string(),
  dealId: Joi.string(),
  seq: Joi.number().integer(),
  authorId: Joi.string().allow(null),
  authorName: Joi.string().allow(null),
  authorRole: Joi.string().valid('seller', 'buyer', 'broker', 'admin', 'system'),
  kind: Joi.string().valid('text', 'note', 'system', 'terms'),
  body: Joi.string(),
  audience: Joi.string().valid(...MESSAGE_AUDIENCES),
  clientId: Joi.string().allow(null),
  event: Joi.object({ name: Joi.string(), data: Joi.object().unknown(true) }),
  createdAt: Joi.string().isoDate(),
});
