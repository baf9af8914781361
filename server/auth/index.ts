/** What other components may take from auth (users, sessions, memberships) without reaching into its files. */
export { userReads, operatorIds } from './user.store';
export { cachedUserSummary } from './user-summaries';
export { activeMemberIds, membersOf } from './organization-members';
export { userResponse } from './auth.schemas';
export { userItemResponse } from './user.schemas';
export { reinstateUser, suspendUser } from './suspension.service';
export { ensureAdmin, getNotificationPrefs, loadSessionUser, setRole } from './auth.service';
export { hashPassword, usePasswordHashCost } from './password';
export { createSessionMiddleware, SESSION_COOKIE } from './session';
export { sessionWhereNeeded } from './session-gate';
export { sessionFastPath } from './session-fast-path';
export { configurePassport } from './passport';
export { registerAuthRoutes } from './auth.routes';
export { registerMembershipRoutes } from './membership.routes';
