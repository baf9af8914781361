/**
 * The password reset token store: the only code that writes reset tokens. A token is created
 * once (an insert under a fresh random `_id`) and consumed once, under its lock, by `mutate`.
 */
import { RecordStore } from '../common/store';
import { PasswordResetTokenModel, type PasswordResetTokenDoc } from './password-reset-token.model';

export type { PasswordResetTokenDoc };

export const resetTokenStore = new RecordStore<PasswordResetTokenDoc>({
  label: 'Password reset token',
  model: PasswordResetTokenModel,
  lockKey: (id) => `password-reset:${id}`,
});

export function createResetToken(fields: {
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}): Promise<PasswordResetTokenDoc> {
  return resetTokenStore.create(fields);
}
