/**
 * The operators' verification desk: what they see of an organization before deciding, and a
 * refusal with a reason, which its active members hear of in their language. (Verifying is
 * `verifyOrganization`; the organization store stays the only writer of organizations.)
 */
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { organizationReads, organizationView, refuseOrganization } from '../organizations';
import { membersOf, userReads } from '../auth';
import { createNotification } from '../notifications';
import { evidenceViews } from '../documents';

export const ORGANIZATION_REFUSED_NOTIFICATION = 'organization.refused';

/** Members shown on the desk at most (the counts cover them all). */
const MEMBERS_SHOWN = 50;

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : undefined);

function memberItem(u: {
  _id: unknown;
  name?: string | null;
  email?: string | null;
  membershipStatus?: string | null;
  organizationAdmin?: boolean | null;
  createdAt?: unknown;
}) {
  return {
    id: String(u._id),
    name: u.name ?? '',
    email: u.email ?? '',
    membershipStatus: (u.membershipStatus === 'pending' ? 'pending' : 'active') as 'active' | 'pending',
    organizationAdmin: u.membershipStatus === 'active' && u.organizationAdmin === true,
    joinedAt: iso(u.createdAt),
  };
}

/** Names of the operators who decided (read by `_id`). */
async function operatorNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => mongoose.isValidObjectId(id));
  if (unique.length === 0) return new Map();
  const docs = await userReads.find({ _id: mongoose.trusted({ $in: unique }) }, { name: 1 }).lean();
  return new Map(docs.map((d) => [String(d._id), String(d.name)]));
}

/**
 * The organization as an operator judges it: its profile, its members (who registered it: the
 * first member still in it; the founder unless they left), every refusal, who verified it and
 * the evidence documents its administrators uploaded.
 */
export async function organizationForReview(id: string) {
  const org = await organizationReads.findById(id).lean();
  if (!org) throw AppError.notFound('Organization');
  const members = await membersOf([id]);
  const refusals = org.refusals ?? [];
  const names = await operatorNames([
    ...refusals.map((r) => String(r.by ?? '')),
    ...(org.verifiedBy ? [String(org.verifiedBy)] : []),
  ]);
  const who = (by: unknown) => {
    const userId = by ? String(by) : '';
    return userId ? { id: userId, name: names.get(userId) ?? '' } : null;
  };
  const founder = members.find((m) => m.membershipStatus === 'active' && m.organizationAdmin) ?? members[0];
  return {
    organization: organizationView(org),
    members: {
      active: members.filter((m) => m.membershipStatus === 'active').length,
      pending: members.filter((m) => m.membershipStatus === 'pending').length,
      list: members.slice(0, MEMBERS_SHOWN).map(memberItem),
    },
    registeredBy: founder ? memberItem(founder) : null,
    refusals: refusals.map((r) => ({ reason: r.reason ?? '', at: iso(r.at) ?? '', by: who(r.by) })),
    verifiedBy: org.verified ? who(org.verifiedBy) : null,
    evidence: evidenceViews(org),
  };
}

/** Refuses the organization (see `refuseOrganization`) and tells each active member, in their language. */
export async function refuseAndNotify(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  admin: SessionUser,
  id: string,
  reason: string,
) {
  const { organization, refusal } = await refuseOrganization(admin, id, reason);
  const members = await membersOf([id], { status: 'active', fields: { _id: 1 } });
  let notified = 0;
  for (const member of members) {
    const userId = String(member._id);
    const sent = await createNotification(ctx, {
      userId,
      type: ORGANIZATION_REFUSED_NOTIFICATION,
      title: {
        vi: `Sàn chưa xác minh tổ chức ${organization.name}`,
        en: `The exchange did not verify ${organization.name}`,
      },
      body: {
        vi: `Lý do: ${reason}\nHãy sửa hồ sơ tổ chức; sau khi sửa, tổ chức sẽ được xem xét lại.`,
        en: `Reason: ${reason}\nPlease correct the organisation’s profile; once edited, it will be reviewed again.`,
      },
      link: `/organizations/${id}`,
      data: { organizationId: id, reason },
      dedupeKey: `${userId}:${ORGANIZATION_REFUSED_NOTIFICATION}:${id}:${refusal.at.getTime()}`,
    });
    if (sent) notified++;
  }
  return {
    organization,
    refusal: {
      reason: refusal.reason,
      at: refusal.at.toISOString(),
      by: { id: admin.id, name: admin.name },
    },
    notified,
  };
}
