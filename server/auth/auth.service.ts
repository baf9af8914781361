import { UserModel } from './user.model';
import { userView } from './user.view';
import { hashPassword, verifyPassword } from './password';
import { OrganizationModel } from '../organizations/organization.model';
import { createRecordCache } from '../common/record-cache';
import { recordWritten } from '../common/record-changes';
import { AppError } from '../common/errors';
import { recordAudit } from '../audit/audit.service';
import type { SessionUser } from '../common/session-user';
import { logger } from '../common/logger';
import { withLock } from '../common/locks';
import { isDuplicateKeyError } from '../common/duplicate-key';
import type { OrganizationKind } from '../contract/enums';

/**
 * Every update of a user runs under its lock: FerretDB rewrites the whole document without
 * isolation, so a sign-in stamping lastLoginAt could otherwise undo a concurrent role change.
 */
export function withUserLock<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  return withLock(`user:${userId}`, fn);
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  locale: 'vi' | 'en';
  organization?: {
    name: string;
    kind: OrganizationKind;
    province?: string;
    taxCode?: string;
    website?: string;
    description?: string;
  };
  organizationId?: string;
}

export async function register(input: RegisterInput): Promise<SessionUser> {
  if (await UserModel.exists({ email: input.email }))
    throw AppError.conflict('An account with this email already exists');
  let org;
  let createdOrg = false;
  if (input.organizationId) {
    org = await OrganizationModel.findById(input.organizationId).lean();
    if (!org)
      throw AppError.validation([{ field: 'organizationId', message: 'organizationId does not exist' }]);
  } else {
    org = (await OrganizationModel.create({ ...input.organization, verified: false })).toObject();
    createdOrg = true;
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await UserModel.create({
      email: input.email,
      passwordHash,
      name: input.name,
      locale: input.locale,
      role: 'member',
      organizationId: org._id,
      // The founder of a new organization is its first active member; others wait for approval.
      membershipStatus: createdOrg ? 'active' : 'pending',
    });
    await recordAudit({
      actorId: String(user._id),
      action: 'user.register',
      targetType: 'user',
      targetId: String(user._id),
    });
    return userView(user.toObject(), org);
  } catch (err) {
    // No half-written record: the organization made for this registration goes with it.
    if (createdOrg) await OrganizationModel.deleteOne({ _id: org._id });
    if (isDuplicateKeyError(err)) throw AppError.conflict('An account with this email already exists');
    throw err;
  }
}

export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await UserModel.findOne({ email: email.toLowerCase() }).lean();
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  await withUserLock(String(user._id), () =>
    UserModel.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } }),
  );
  const org = user.organizationId ? await OrganizationModel.findById(user.organizationId).lean() : null;
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
  const user = await UserModel.findById(id).lean();
  if (!user) return null;
  const org = user.organizationId ? await OrganizationModel.findById(user.organizationId).lean() : null;
  return userView(user, org);
}

export async function updateMe(user: SessionUser, patch: Record<string, unknown>): Promise<SessionUser> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'notificationPrefs' && v && typeof v === 'object') {
      for (const [pk, pv] of Object.entries(v)) set[`notificationPrefs.${pk}`] = pv;
    } else set[k] = v;
  }
  await withUserLock(user.id, () => UserModel.updateOne({ _id: user.id }, { $set: set }));
  await recordWritten({ type: 'user', id: user.id });
  const fresh = await loadSessionUser(user.id);
  if (!fresh) throw AppError.notFound('User');
  return fresh;
}

export async function getNotificationPrefs(userId: string) {
  const user = await UserModel.findById(userId).lean();
  return {
    email: user?.notificationPrefs?.email ?? true,
    frequency: user?.notificationPrefs?.frequency ?? 'instant',
  };
}

export async function setRole(admin: SessionUser, userId: string, role: 'member' | 'broker' | 'admin') {
  const user = await withUserLock(userId, () =>
    UserModel.findByIdAndUpdate(userId, { $set: { role } }, { returnDocument: 'after' }).lean(),
  );
  if (!user) throw AppError.notFound('User');
  await recordWritten({ type: 'user', id: userId });
  await recordAudit({
    actorId: admin.id,
    action: 'user.role',
    targetType: 'user',
    targetId: userId,
    data: { role },
  });
  const org = user.organizationId ? await OrganizationModel.findById(user.organizationId).lean() : null;
  return userView(user, org);
}

/** Creates the first operator from configuration when no account has that email yet. */
export async function ensureAdmin(admin: { email?: string; password?: string; name: string }): Promise<void> {
  if (!admin.email || !admin.password) return;
  if (await UserModel.exists({ email: admin.email })) return;
  await UserModel.create({
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
