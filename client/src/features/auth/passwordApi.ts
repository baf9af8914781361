/** The password endpoints: change it signed in, ask for a reset link, set it from the link. */
import { api } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';
import type { Issues } from '../../validation';

export type ChangePasswordRequest = ApiRequestBody<'/api/auth/password', 'post'>;

/** The signed-in user after the change; their other sessions have ended. */
export async function changePassword(request: ChangePasswordRequest) {
  return (
    await api<ApiResponse<'/api/auth/password', 'post'>>('/api/auth/password', {
      method: 'POST',
      body: request,
    })
  ).user;
}

/** Always answered alike, whether or not the email has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await api<unknown>('/api/auth/password-reset', { method: 'POST', body: { email } });
}

export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  await api<unknown>('/api/auth/password-reset/confirm', {
    method: 'POST',
    body: { token, newPassword },
  });
}

/** The shortest password the server takes (server/auth/auth.schemas.ts). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Client-side checks of a new password and its confirmation, as `validation.` keys by field. */
export function newPasswordIssues(
  fields: { newPassword: string; confirmPassword: string },
  names = { newPassword: 'newPassword', confirmPassword: 'confirmPassword' },
): Issues {
  const issues: Issues = {};
  if (!fields.newPassword) issues[names.newPassword] = { key: 'required' };
  else if (fields.newPassword.length < PASSWORD_MIN)
    issues[names.newPassword] = { key: 'minLength', params: { min: PASSWORD_MIN } };
  else if (fields.newPassword.length > PASSWORD_MAX)
    issues[names.newPassword] = { key: 'maxLength', params: { max: PASSWORD_MAX } };
  if (!fields.confirmPassword) issues[names.confirmPassword] = { key: 'required' };
  else if (fields.confirmPassword !== fields.newPassword)
    issues[names.confirmPassword] = { key: 'passwordsDiffer' };
  return issues;
}
