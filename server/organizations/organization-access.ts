import { AppError } from '../common/errors';
import { isOrganizationAdmin, type SessionUser } from '../common/session-user';

/** An organization's own business: its active members, and operators. */
export function assertMemberOrAdmin(user: SessionUser, orgId: string): void {
  const isMember = user.organization?.id === orgId && user.membershipStatus === 'active';
  if (!isMember && user.role !== 'admin')
    throw AppError.forbidden('Only members of this organization may do this');
}

/** What only the organization's administrators (and operators) may do. */
export function assertOrganizationAdmin(user: SessionUser, orgId: string): void {
  if (user.role !== 'admin' && !isOrganizationAdmin(user, orgId))
    throw AppError.forbidden('Only the organization’s administrators may do this');
}
