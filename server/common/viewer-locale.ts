import Joi from 'joi';
import { LOCALES, type Locale } from '../api-contract/enums';
import type { SessionUser } from '../common/session-user';

/** `?lang=` for routes that answer in the viewer's language. */
export const langQuery = Joi.string().valid(...LOCALES);

/** `?lang=` when given, else the signed-in user's language, else Vietnamese. */
export function viewerLocale(user: SessionUser | undefined, lang?: string): Locale {
  if (lang && (LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  return user?.locale ?? 'vi';
}
