import mongoose from 'mongoose';
import { OrganizationModel } from './organization.model';
import { organizationView } from './organization.view';
import { recordWritten } from '../common/record-changes';
import { AppError } from '../common/errors';
import { recordAudit } from '../audit/audit.service';
import type { SessionUser } from '../common/session-user';
import { UserModel } from '../auth/user.model';
import { userView } from '../auth/user.view';
import { withUserLock } from '../auth/auth.service';
import { withLock } from '../common/locks';

/** Every update of an organization runs under its lock (FerretDB rewrites whole documents unisolated). */
const withOrganizationLock = <T>(id: string, fn: () => Promise<T>) => withLock(`organization:${id}`, fn);

function escapeRegex(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function getOrganization(id: string) {
  const org = await OrganizationModel.findById(id).lean();
  if (!org) throw AppError.notFound('Organization');
  return organizationView(org);
}

export async function listOrganizations(query: {
  q?: string;
  kind?: string;
  field?: string;
  verified?: boolean;
  page: number;
  limit: number;
}) {
  const filter: Record<string, unknown> = {};
  if (query.kind) filter.kind = query.kind;
  if (query.field) filter['capability.fields'] = query.field;
  if (query.verified !== undefined) filter.verified = query.verified;
  if (query.q) filter.name = mongoose.trusted({ $regex: escapeRegex(query.q), $options: 'i' });
  const [items, total] = await Promise.all([
    OrganizationModel.find(filter)
      .sort({ createdAt: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    OrganizationModel.countDocuments(filter),
  ]);
  return { organizations: items.map(organizationView), total, page: query.page, limit: query.limit };
}

function assertMemberOrAdmin(user: SessionUser, orgId: string) {
  const isMember = user.organization?.id === orgId && user.membershipStatus === 'active';
  if (!isMember && user.role !== 'admin')
    throw AppError.forbidden('Only members of this organization may do this');
}

export async function updateOrganization(user: SessionUser, id: string, patch: Record<string, unknown>) {
  assertMemberOrAdmin(user, id);
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'capability' && v && typeof v === 'object') {
      for (const [ck, cv] of Object.entries(v)) set[`capability.${ck}`] = cv;
    } else set[k] = v;
  }
  const org = await withOrganizationLock(id, () =>
    OrganizationModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean(),
  );
  if (!org) throw AppError.notFound('Organization');
  await recordWritten({ type: 'organization', id });
  await recordAudit({
    actorId: user.id,
    action: 'organization.update',
    targetType: 'organization',
    targetId: id,
  });
  return organizationView(org);
}

export async function verifyOrganization(admin: SessionUser, id: string) {
  const org = await withOrganizationLock(id, () =>
    OrganizationModel.findByIdAndUpdate(
      id,
      { $set: { verified: true, verifiedAt: new Date(), verifiedBy: admin.id } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!org) throw AppError.notFound('Organization');
  await recordWritten({ type: 'organization', id });
  await recordAudit({
    actorId: admin.id,
    action: 'organization.verify',
    targetType: 'organization',
    targetId: id,
  });
  return organizationView(org);
}

export async function listMembers(user: SessionUser, orgId: string) {
  assertMemberOrAdmin(user, orgId);
  const org = await OrganizationModel.findById(orgId).lean();
  if (!org) throw AppError.notFound('Organization');
  const users = await UserModel.find({ organizationId: orgId }).sort({ createdAt: 1 }).lean();
  return users.map((u) => ({ ...userView(u, org), membershipStatus: u.membershipStatus }));
}

export async function approveMember(user: SessionUser, orgId: string, userId: string) {
  assertMemberOrAdmin(user, orgId);
  const updated = await withUserLock(userId, () =>
    UserModel.findOneAndUpdate(
      { _id: userId, organizationId: orgId, membershipStatus: 'pending' },
      { $set: { membershipStatus: 'active' } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!updated) throw AppError.notFound('Pending member');
  await recordWritten({ type: 'user', id: userId });
  await recordAudit({
    actorId: user.id,
    action: 'organization.member.approve',
    targetType: 'user',
    targetId: userId,
  });
  const org = await OrganizationModel.findById(orgId).lean();
  return { ...userView(updated, org), membershipStatus: updated.membershipStatus };
}
