import Joi from 'joi';
import type { Locale } from '../api-contract/enums';
import { langQuery } from '../common/viewer-locale';

export interface ListNotificationsQuery {
  unread?: boolean;
  page: number;
  limit: number;
  lang?: Locale;
}

export const listNotificationsQuery = Joi.object<ListNotificationsQuery>({
  unread: Joi.boolean(),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
  lang: langQuery,
});

export interface LangOnlyQuery {
  lang?: Locale;
}

export const langOnlyQuery = Joi.object<LangOnlyQuery>({ lang: langQuery });

const notification = Joi.object({
  id: Joi.string(),
  type: Joi.string(),
  title: Joi.string(),
  body: Joi.string().allow(''),
  link: Joi.string().allow(null),
  data: Joi.object().unknown(true),
  read: Joi.boolean(),
  readAt: Joi.string().isoDate().allow(null),
  createdAt: Joi.string().isoDate(),
});

export const notificationListResponse = Joi.object({
  notifications: Joi.array().items(notification),
  unread: Joi.number().integer(),
  total: Joi.number().integer(),
  page: Joi.number().integer(),
  limit: Joi.number().integer(),
});

export const notificationResponse = Joi.object({ notification });
export const readAllResponse = Joi.object({ updated: Joi.number().integer() });
export const settingsResponse = Joi.object({
  notificationPrefs: Joi.object({ email: Joi.boolean(), frequency: Joi.string().valid('instant', 'daily') }),
});
