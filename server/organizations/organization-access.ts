import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';

/** An organization's own business: its active members, and operators. */
export function assertMemberOrAdmin(user: SessionUser, orgId: string): void {
  const isMember = user.organization?.id === orgId && user.membershipStatus === 'active';
  if (!isMember && user.role !== 'admin')
    throw AppError.forbidden('Only members of this organization may do this');
}
