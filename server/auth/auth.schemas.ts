import Joi from 'joi';
import { LOCALES } from '../api-contract/enums';
import { newOrganizationSchema } from '../organizations/organization.schemas';
import { objectId } from '../common/ids';
import { userItemResponse } from './user.schemas';

export const emailSchema = Joi.string().trim().lowercase().email({ tlds: false }).max(254);
const password = Joi.string()
  .min(10)
  .max(200)
  .messages({ 'string.min': 'password must be at least 10 characters' });

export const registerSchema = Joi.object({
  email: emailSchema.required(),
  password: password.required(),
  name: Joi.string().trim().min(2).max(120).required(),
  locale: Joi.string()
    .valid(...LOCALES)
    .default('vi'),
  organization: newOrganizationSchema,
  organizationId: objectId(),
}).xor('organization', 'organizationId');

export const loginSchema = Joi.object({
  email: emailSchema.required(),
  password: Joi.string().min(1).max(200).required(),
});

export const mePatchSchema = Joi.object({
  name: Joi.string().trim().min(2).max(120),
  locale: Joi.string().valid(...LOCALES),
  notificationPrefs: Joi.object({
    email: Joi.boolean(),
    frequency: Joi.string().valid('instant', 'daily'),
  }),
}).min(1);

export const userResponse = Joi.object({ user: userItemResponse.required() });
