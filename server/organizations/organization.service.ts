import mongoose from 'mongoose';
import { organizationReads, organizationStore } from './organization.store';
import { assertMemberOrAdmin, assertOrganizationAdmin } from './organization-access';
import { organizationView, publicOrganizationView } from './organization.view';
import { AppError } from '../common/errors';
import { recordAudit } from '../audit';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { patchRevokesVerification, refusalConflict } from './verification-rules';
import type { OrganizationDoc } from './organization.model';
import { directoryPage } from './organization-directory';

function escapeRegex(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Members of the organization and operators see its tax code and whether it is verified yet. */
function seesInternals(viewer: SessionUser | undefined, orgId: string): boolean {
  return !!viewer && (viewer.role === 'admin' || actingOrganizationId(viewer) === orgId);
}

/** An organization's profile: unverified ones only to their members and operators (404 to others). */
export async function getOrganization(id: string, viewer?: SessionUser) {
  const org = await organizationReads.findById(id).lean();
  if (!org) throw AppError.notFound('Organization');
  if (seesInternals(viewer, id)) return organizationView(org);
  if (!org.verified) throw AppError.notFound('Organization');
  return publicOrganizationView(org);
}

export interface OrganizationListQuery {
  q?: string;
  kind?: string;
  field?: string;
  verified?: boolean;
  joinable?: boolean;
  page: number;
  limit: number;
}

/** Fewest characters of a name that list organizations still awaiting verification (`joinable`). */
export const JOINABLE_MIN_QUERY = 2;

/**
 * What the directory shows of an organization still awaiting verification, found by name to join
 * it: who it says it is (name, kind, province), not its profile, which stays with its members.
 */
function joinableOrganizationView(org: OrganizationDoc) {
  const { website: _website, verifiedAt: _at, ...rest } = publicOrganizationView(org);
  return { ...rest, description: '', capability: { fields: [], keywords: [], labs: [] } };
}

/**
 * The directory. The public one lists verified organizations only, without tax codes, from the
 * per-process directory (the database is not filtered); with `joinable` and a name of at least
 * two characters it also finds organizations still awaiting verification, verified ones first,
 * for someone registering to join one. Operators list every organization (filtered by
 * verification) with everything.
 */
export async function listOrganizations(query: OrganizationListQuery, audience: 'public' | 'operator') {
  if (audience === 'public') {
    if (query.verified === false)
      return { organizations: [], total: 0, page: query.page, limit: query.limit };
    const withUnverified =
      query.joinable === true && query.verified === undefined && (query.q ?? '').length >= JOINABLE_MIN_QUERY;
    const { docs, total } = await directoryPage(
      { q: query.q, kind: query.kind, field: query.field, withUnverified },
      query,
    );
    const organizations = docs.map((d) =>
      d.verified ? publicOrganizationView(d) : joinableOrganizationView(d),
    );
    return { organizations, total, page: query.page, limit: query.limit };
  }
  const filter: Record<string, unknown> = {};
  if (query.kind) filter.kind = query.kind;
  if (query.field) filter['capability.fields'] = query.field;
  if (query.verified !== undefined) filter.verified = query.verified;
  if (query.q) filter.name = mongoose.trusted({ $regex: escapeRegex(query.q), $options: 'i' });
  const [items, total] = await Promise.all([
    organizationReads
      .find(filter)
      .sort({ createdAt: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    organizationReads.countDocuments(filter),
  ]);
  return { organizations: items.map(organizationView), total, page: query.page, limit: query.limit };
}

/**
 * Its administrators edit the profile; any member may keep its technology capability current. A
 * verified organization that changes what was verified (its name or tax code) is no longer
 * verified until an operator verifies it again.
 */
export async function updateOrganization(user: SessionUser, id: string, patch: Record<string, unknown>) {
  if (Object.keys(patch).every((k) => k === 'capability')) assertMemberOrAdmin(user, id);
  else assertOrganizationAdmin(user, id);
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'capability' && v && typeof v === 'object') {
      for (const [ck, cv] of Object.entries(v)) set[`capability.${ck}`] = cv;
    } else set[k] = v;
  }
  const { doc: org, result } = await organizationStore.mutate(id, (current) => {
    const revoke = user.role !== 'admin' && current.verified && patchRevokesVerification(current, patch);
    // An edit answers a refusal: the organization awaits verification again (the refusal stays in `refusals`).
    const reopen = !current.verified && Boolean(current.refusal);
    const unset = {
      ...(revoke ? { verifiedAt: 1, verifiedBy: 1 } : {}),
      ...(reopen ? { refusal: 1 } : {}),
    };
    return {
      change: {
        $set: revoke ? { ...set, verified: false } : set,
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      },
      result: { revoke, reopen },
    };
  });
  const data = {
    ...(result.revoke ? { verificationRevoked: true } : {}),
    ...(result.reopen ? { refusalAnswered: true } : {}),
  };
  await recordAudit({
    actorId: user.id,
    action: 'organization.update',
    targetType: 'organization',
    targetId: id,
    ...(Object.keys(data).length ? { data } : {}),
  });
  return organizationView(org);
}

/** An operator verifies an organization (also one refused before: operators may change their mind). */
export async function verifyOrganization(admin: SessionUser, id: string) {
  const { doc: org } = await organizationStore.mutate(id, () => ({
    change: {
      $set: { verified: true, verifiedAt: new Date(), verifiedBy: admin.id },
      $unset: { refusal: 1 },
    },
    result: null,
  }));
  await recordAudit({
    actorId: admin.id,
    action: 'organization.verify',
    targetType: 'organization',
    targetId: id,
  });
  return organizationView(org);
}

/**
 * An operator refuses to verify an organization, with a reason its members will read: it stays
 * unverified, the refusal stands until the organization edits its profile, and is kept in its
 * history for good. 409 for a verified organization and for one already refused and not edited since.
 */
export async function refuseOrganization(admin: SessionUser, id: string, reason: string) {
  const refusal = { reason, at: new Date(), by: admin.id };
  const { doc: org } = await organizationStore.mutate(id, (current) => {
    const conflict = refusalConflict(current);
    if (conflict) throw AppError.conflict(conflict);
    return { change: { $set: { refusal }, $push: { refusals: refusal } }, result: null };
  });
  await recordAudit({
    actorId: admin.id,
    action: 'organization.refuse',
    targetType: 'organization',
    targetId: id,
    data: { reason },
  });
  return { organization: organizationView(org), refusal };
}
