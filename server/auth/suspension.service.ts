/** Operators suspend and reinstate accounts: a suspended user cannot sign in, their sessions end. */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { organizationReads } from '../organizations';
import { userStore } from './user.store';
import { userView } from './user.view';
import { endSessionsOf } from './session-revocation';

async function viewOf(user: Parameters<typeof userView>[0] & { suspendedAt?: Date | null }) {
  const org = user.organizationId ? await organizationReads.findById(user.organizationId).lean() : null;
  return { ...userView(user, org), suspended: Boolean(user.suspendedAt) };
}

export async function suspendUser(operator: SessionUser, userId: string, reason: string) {
  if (operator.id === userId) throw AppError.conflict('You cannot suspend your own account.');
  const { doc } = await userStore.mutate(userId, (user) => ({
    change: user.suspendedAt ? null : { $set: { suspendedAt: new Date(), suspendedReason: reason } },
    result: null,
  }));
  await endSessionsOf(userId);
  await recordAudit({
    actorId: operator.id,
    action: 'user.suspend',
    targetType: 'user',
    targetId: userId,
    data: { reason },
  });
  return viewOf(doc);
}

export async function reinstateUser(operator: SessionUser, userId: string) {
  const { doc } = await userStore.mutate(userId, (user) => ({
    change: user.suspendedAt ? { $unset: { suspendedAt: 1, suspendedReason: 1 } } : null,
    result: null,
  }));
  await recordAudit({ actorId: operator.id, action: 'user.reinstate', targetType: 'user', targetId: userId });
  return viewOf(doc);
}
