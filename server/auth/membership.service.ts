/**
 * An organization's members, kept on the users: its administrators list them, approve requests to
 * join and remove members (operators too), and a member may leave.
 */
import { assertMemberOrAdmin, assertOrganizationAdmin, organizationReads } from '../organizations';
import { AppError } from '../common/errors';
import { recordAudit } from '../audit';
import type { SessionUser } from '../common/session-user';
import { userStore } from './user.store';
import { membersOf } from './organization-members';
import { userView } from './user.view';
import type { MemberListQuery } from './membership.schemas';

export async function listMembers(user: SessionUser, orgId: string, page: MemberListQuery) {
  assertMemberOrAdmin(user, orgId);
  const org = await organizationReads.findById(orgId).lean();
  if (!org) throw AppError.notFound('Organization');
  const all = await membersOf([orgId]);
  const total = all.length;
  const users = all.slice((page.page - 1) * page.limit, page.page * page.limit);
  const members = users.map((u) => ({
    ...userView(u, org),
    membershipStatus: u.membershipStatus,
    ...(user.role === 'admin' ? { suspended: Boolean(u.suspendedAt) } : {}),
  }));
  return { members, total, page: page.page, limit: page.limit };
}

export async function approveMember(user: SessionUser, orgId: string, userId: string) {
  assertOrganizationAdmin(user, orgId);
  const pending = () => AppError.notFound('Pending member');
  const { doc: updated } = await userStore.mutate(
    userId,
    (member) => {
      if (String(member.organizationId) !== orgId || member.membershipStatus !== 'pending') throw pending();
      return { change: { $set: { membershipStatus: 'active' } }, result: null };
    },
    { missing: pending },
  );
  await recordAudit({
    actorId: user.id,
    action: 'organization.member.approve',
    targetType: 'user',
    targetId: userId,
  });
  const org = await organizationReads.findById(orgId).lean();
  return { ...userView(updated, org), membershipStatus: updated.membershipStatus };
}

/**
 * Takes a member (or a pending request) out of the organization: its administrators and
 * operators may remove anyone, a member may leave. From then on the user acts for no
 * organization: its deals, listings and documents are closed to them.
 */
export async function removeMember(user: SessionUser, orgId: string, userId: string): Promise<void> {
  if (user.id !== userId) assertOrganizationAdmin(user, orgId);
  else if (user.organization?.id !== orgId) throw AppError.notFound('Member');
  const missing = () => AppError.notFound('Member');
  await userStore.mutate(
    userId,
    (member) => {
      if (String(member.organizationId ?? '') !== orgId || member.membershipStatus === 'none')
        throw missing();
      return {
        change: {
          $set: { membershipStatus: 'none', organizationAdmin: false },
          $unset: { organizationId: 1 },
        },
        result: null,
      };
    },
    { missing },
  );
  await recordAudit({
    actorId: user.id,
    action: user.id === userId ? 'organization.member.leave' : 'organization.member.remove',
    targetType: 'user',
    targetId: userId,
    data: { organizationId: orgId },
  });
}
