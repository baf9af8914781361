import { findUserByEmail } from './user-by-email';
import { createUser, setUserFields, userReads, userStore } from './user.store';
import { userView } from './user.view';
import { hashPassword, verifyPassword } from './password';
import {
  createOrganization,
  organizationReads,
  organizationStore,
  type NewOrganizationInput,
} from '../organizations';
import { createRecordCache } from '../common/record-cache';
import { AppError } from '../common/errors';
import { recordAudit } from '../audit';
import type { SessionUser } from '../common/session-user';
import { logger } from '../common/logger';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { endSessionsOf } from './session-revocation';
import type { UserRole } from '../api-contract/enums';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  locale: 'vi' | 'en';
  organization?: NewOrganizationInput;
  organizationId?: string;
}

export async function register(input: RegisterInput): Promise<SessionUser> {
  if (await userReads.exists({ email: input.email }))
    throw AppError.conflict('An account with this email already exists');
  let org;
  let createdOrg = false;
  if (input.organizationId) {
    org = await organizationReads.findById(input.organizationId).lean();
    if (!org)
      throw AppError.validation([{ field: 'organizationId', message: 'organizationId does not exist' }]);
  } else {
    org = await createOrganization({ ...input.organization, verified: false });
    createdOrg = true;
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await createUser({
      email: input.email,
      passwordHash,
      name: input.name,
      locale: input.locale,
      role: 'member',
      organizationId: org._id,
      // The founder of a new organization is its first active member; others wait for approval.
      membershipStatus: createdOrg ? 'active' : 'pending',
      organizationAdmin: createdOrg,
    });
    await recordAudit({
      actorId: String(user._id),
      action: 'user.register',
      targetType: 'user',
      targetId: String(user._id),
    });
    return userView(user, org);
  } catch (err) {
    // No half-written record: the organization made for this registration goes with it.
    if (createdOrg) await organizationStore.remove(String(org._id));
    if (isDuplicateKeyError(err)) throw AppError.conflict('An account with this email already exists');
    throw err;
  }
}

export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  // Told only to whoever knows the password: the account exists but an operator suspended it.
  if (user.suspendedAt) throw AppError.forbidden('This account is suspended; contact the exchange.');
  await setUserFields(String(user._id), { lastLoginAt: new Date() });
  const org = user.organizationId ? await organizationReads.findById(user.organizationId).lean() : null;
  return userView(user, org);
}

/**
 * Who is signed in, for every request of a session: cached, dropped when the user or any
 * organization is written (role, membership and verification changes take effect at once).
 */
const sessionUsers = createRecordCache<SessionUser>({
  name: 'session-users',
  types: ['user'],
  clearOn: ['organization'],
  max: 20_000,
  ttlMs: 60_000,
});

export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  return sessionUsers.get(id, loadSessionUserFromDatabase);
}

async function loadSessionUserFromDatabase(id: string): Promise<SessionUser | null> {
  const user = await userReads.findById(id).lean();
  // A suspended user's sessions sign in no one (and are deleted when the suspension is made).
  if (!user || user.suspendedAt) return null;
  const org = user.organizationId ? await organizationReads.findById(user.organizationId).lean() : null;
  return userView(user, org);
}

export async function updateMe(user: SessionUser, patch: Record<string, unknown>): Promise<SessionUser> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'notificationPrefs' && v && typeof v === 'object') {
      for (const [pk, pv] of Object.entries(v)) set[`notificationPrefs.${pk}`] = pv;
    } else set[k] = v;
  }
  await setUserFields(user.id, set);
  const fresh = await loadSessionUser(user.id);
  if (!fresh) throw AppError.notFound('User');
  return fresh;
}

/**
 * Changes the signed-in user's password: the current one must be right (400 naming
 * `currentPassword`, nothing written), the new hash is stored only if nobody changed the password
 * meanwhile (409), and every other session of the user ends; the caller's stays. Reset links
 * asked for before now stop working. The ids of the sessions ended.
 */
export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string,
): Promise<string[]> {
  const stored = await userReads.findById(user.id).lean();
  if (!stored) throw AppError.notFound('User');
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword)))
    throw AppError.validation([
      { field: 'currentPassword', message: 'currentPassword is incorrect', type: 'password.incorrect' },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  await userStore.mutate(user.id, (current) => {
    if (current.passwordHash !== stored.passwordHash)
      throw AppError.conflict('The password was changed meanwhile; sign in again.');
    return { change: { $set: { passwordHash, passwordChangedAt: new Date() } }, result: null };
  });
  const ended = await endSessionsOf(user.id, { except: currentSessionId });
  await recordAudit({
    actorId: user.id,
    action: 'user.password_change',
    targetType: 'user',
    targetId: user.id,
    data: { sessionsEnded: ended.length },
  });
  return ended;
}

export async function getNotificationPrefs(userId: string) {
  const user = await userReads.findById(userId).lean();
  return {
    email: user?.notificationPrefs?.email ?? true,
    frequency: user?.notificationPrefs?.frequency ?? 'instant',
  };
}

export async function setRole(admin: SessionUser, userId: string, role: UserRole) {
  const user = await setUserFields(userId, { role });
  await recordAudit({
    actorId: admin.id,
    action: 'user.role',
    targetType: 'user',
    targetId: userId,
    data: { role },
  });
  const org = user.organizationId ? await organizationReads.findById(user.organizationId).lean() : null;
  return userView(user, org);
}

/** Creates the first operator from configuration when no account has that email yet. */
export async function ensureAdmin(admin: { email?: string; password?: string; name: string }): Promise<void> {
  if (!admin.email || !admin.password) return;
  if (await userReads.exists({ email: admin.email })) return;
  await createUser({
    email: admin.email,
    passwordHash: await hashPassword(admin.password),
    name: admin.name,
    role: 'admin',
    membershipStatus: 'none',
  }).catch((err) => {
    if (!isDuplicateKeyError(err)) throw err;
  });
  logger.info({ email: admin.email }, 'operator account created from ADMIN_EMAIL');
}
