import type { OrganizationKind, UserRole, Locale } from '../api-contract/enums';

/** What a request knows about who is signed in: loaded fresh from the database per request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  locale: Locale;
  membershipStatus: 'active' | 'pending' | 'none';
  /** An active member who may manage the organization's members. */
  organizationAdmin?: boolean;
  organization: { id: string; name: string; kind: OrganizationKind; verified: boolean } | null;
}

/** The organization a user may act for: only with an active membership. */
export function actingOrganizationId(user: SessionUser): string | undefined {
  return user.membershipStatus === 'active' ? user.organization?.id : undefined;
}

/** Whether the user may manage the members of organization `orgId`. */
export function isOrganizationAdmin(user: SessionUser, orgId: string): boolean {
  return actingOrganizationId(user) === orgId && user.organizationAdmin === true;
}
