/**
 * Who may call a route. Checked before validation of the body so that an anonymous caller
 * learns nothing about the shape of a protected route. Ownership is checked in services.
 */
import type { Request } from 'express';
import { AppError } from './errors';
import type { SessionUser } from './session-user';
import type { UserRole } from '../api-contract/enums';

export type Access = 'public' | 'user' | 'verified' | UserRole[];

export function currentUser(req: Request): SessionUser | undefined {
  return (req.user as SessionUser | undefined) ?? undefined;
}

export function requireUser(req: Request): SessionUser {
  const user = currentUser(req);
  if (!user) throw AppError.unauthenticated();
  return user;
}

export function requireRole(req: Request, roles: UserRole[]): SessionUser {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw AppError.forbidden('Your role may not do this');
  return user;
}

export function requireVerifiedOrg(req: Request): SessionUser {
  const user = requireUser(req);
  assertVerifiedOrg(user);
  return user;
}

export function assertVerifiedOrg(user: SessionUser): void {
  if (!user.organization || user.membershipStatus !== 'active') {
    throw AppError.forbidden('You need an active membership of an organization');
  }
  if (!user.organization.verified) {
    throw AppError.forbidden('Your organization has not been verified by the exchange yet');
  }
}

export function checkAccess(req: Request, access: Access): SessionUser | undefined {
  if (access === 'public') return currentUser(req);
  if (access === 'user') return requireUser(req);
  if (access === 'verified') return requireVerifiedOrg(req);
  return requireRole(req, access);
}
