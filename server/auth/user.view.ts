import type { UserDoc } from './user.model';
import type { OrganizationDoc } from '../organizations';
import type { SessionUser } from '../common/session-user';

/** The contract's `user`: never a password hash. */
export function userView(
  user: Omit<UserDoc, 'passwordHash'>,
  org: OrganizationDoc | null | undefined,
): SessionUser {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as SessionUser['role'],
    locale: user.locale as SessionUser['locale'],
    membershipStatus: (user.membershipStatus ?? 'none') as SessionUser['membershipStatus'],
    organizationAdmin: user.membershipStatus === 'active' && user.organizationAdmin === true,
    organization: org
      ? {
          id: String(org._id),
          name: org.name,
          kind: org.kind as 'institute',
          verified: Boolean(org.verified),
        }
      : null,
  };
}
