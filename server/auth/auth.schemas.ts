import Joi from 'joi';
import { LOCALES, ORGANIZATION_KINDS, USER_ROLES } from '../api-contract/enums';
import { newOrganizationSchema } from '../organizations/organization.schemas';
import { objectId } from '../common/ids';

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

// Documentation and the client's generated User type: `.required()` marks what userView always sends.
export const userResponse = Joi.object({
  user: Joi.object({
    id: Joi.string().required(),
    email: Joi.string().required(),
    name: Joi.string().required(),
    role: Joi.string()
      .valid(...USER_ROLES)
      .required(),
    locale: Joi.string()
      .valid(...LOCALES)
      .required(),
    membershipStatus: Joi.string().valid('active', 'pending', 'none').required(),
    organizationAdmin: Joi.boolean(),
    organization: Joi.object({
      id: Joi.string().required(),
      name: Joi.string().required(),
      kind: Joi.string()
        .valid(...ORGANIZATION_KINDS)
        .required(),
      verified: Joi.boolean().required(),
    })
      .allow(null)
      .required(),
  }).required(),
});
