import Joi from 'joi';
import { LOCALES, type Locale } from '../api-contract/enums';
import { newOrganizationSchema } from '../organizations';
import { objectId } from '../common/ids';
import { userItemResponse } from './user.schemas';
import type { RegisterInput } from './auth.service';

export const emailSchema = Joi.string().trim().lowercase().email({ tlds: false }).max(254);
/** A password someone chooses (registration, change, reset). */
export const passwordSchema = Joi.string()
  .min(10)
  .max(200)
  .messages({ 'string.min': '{#label} must be at least {#limit} characters' });

export const registerSchema = Joi.object<RegisterInput>({
  email: emailSchema.required(),
  password: passwordSchema.required(),
  name: Joi.string().trim().min(2).max(120).required(),
  locale: Joi.string()
    .valid(...LOCALES)
    .default('vi'),
  organization: newOrganizationSchema,
  organizationId: objectId(),
}).xor('organization', 'organizationId');

export interface LoginInput {
  email: string;
  password: string;
}

export const loginSchema = Joi.object<LoginInput>({
  email: emailSchema.required(),
  password: Joi.string().min(1).max(200).required(),
});

/** A type, not an interface: updateMe takes it as a record. */
export type MePatch = {
  name?: string;
  locale?: Locale;
  notificationPrefs?: { email?: boolean; frequency?: 'instant' | 'daily' };
};

export const mePatchSchema = Joi.object<MePatch>({
  name: Joi.string().trim().min(2).max(120),
  locale: Joi.string().valid(...LOCALES),
  notificationPrefs: Joi.object({
    email: Joi.boolean(),
    frequency: Joi.string().valid('instant', 'daily'),
  }),
}).min(1);

export const userResponse = Joi.object({ user: userItemResponse.required() });

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export const changePasswordSchema = Joi.object<ChangePasswordInput>({
  currentPassword: Joi.string().min(1).max(200).required(),
  newPassword: passwordSchema.required(),
});

export interface PasswordResetRequest {
  email: string;
}

export const passwordResetRequestSchema = Joi.object<PasswordResetRequest>({
  email: emailSchema.required(),
});

/** A reset link's token: 32 random bytes in base64url (43 characters); anything else is refused. */
export const resetTokenSchema = Joi.string()
  .trim()
  .pattern(/^[A-Za-z0-9_-]+$/)
  .min(32)
  .max(128);

export interface PasswordResetConfirm {
  token: string;
  newPassword: string;
}

export const passwordResetConfirmSchema = Joi.object<PasswordResetConfirm>({
  token: resetTokenSchema.required(),
  newPassword: passwordSchema.required(),
});

/** The answer to a reset request, whatever the email: it tells nobody whether the account exists. */
export const acceptedResponse = Joi.object({ ok: Joi.boolean().valid(true).required() });
