/**
 * The operator's default for sharing: whether the published listings of organizations that never
 * chose are shared with partner exchanges (not shared until an operator says so); changes audited.
 */
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { setSharingDefault, sharingDefault, type SharingDefault } from './identity.store';

function view(d: SharingDefault | null) {
  return {
    sharingDefault: {
      shared: d?.shared ?? false,
      changedAt: d ? new Date(d.changedAt).toISOString() : null,
    },
  };
}

export async function sharingDefaultView() {
  return view(await sharingDefault());
}

export async function changeSharingDefault(user: SessionUser, shared: boolean, now = new Date()) {
  const before = await sharingDefault();
  const after = await setSharingDefault(shared, user.id, now);
  if (!before || before.shared !== after.shared)
    await recordAudit({
      actorId: user.id,
      action: 'federation.sharing-default.change',
      targetType: 'federation_identity',
      targetId: 'self',
      data: { from: before?.shared ?? null, to: after.shared },
    });
  return view(after);
}
