/** An organization's members as its administrators and operators manage them (the membership routes). */
import Joi from 'joi';
import { objectId } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import { userItemResponse } from './user.schemas';

/** Members page by page, oldest first (pending requests among them). */
export type MemberListQuery = { page: number; limit: number };
export const memberListQuery = Joi.object<MemberListQuery>({
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(50),
});

export interface MemberParams {
  id: string;
  userId: string;
}

export const memberParams = Joi.object<MemberParams>({
  id: objectId().required(),
  userId: objectId().required(),
});

const memberItem = userItemResponse.keys({
  membershipStatus: Joi.string().valid('active', 'pending', 'none').required(),
  suspended: Joi.boolean().description('operators only'),
});

export const memberListResponse = Joi.object({
  members: Joi.array().items(memberItem).required(),
  ...pageAnswerKeys,
});

export const memberResponse = Joi.object({ member: memberItem.required() });
