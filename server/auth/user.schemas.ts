/** What the API answers about a user (userView), shared by the auth, organization and operator routes. */
import Joi from 'joi';
import { LOCALES, ORGANIZATION_KINDS, USER_ROLES } from '../api-contract/enums';

// The client's generated User type: `.required()` marks what userView always sends.
export const userItemResponse = Joi.object({
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
});
