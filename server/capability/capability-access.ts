import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';

/** An enterprise's assessments are its active members' and the operators' to see and change. */
export function assertMemberOrOperator(user: SessionUser, orgId: string): void {
  const member = user.organization?.id === orgId && user.membershipStatus === 'active';
  if (!member && user.role !== 'admin')
    throw AppError.forbidden('Only members of this enterprise may see or change its capability assessment');
}
