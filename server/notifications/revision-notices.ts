/**
 * Tells a listing's organisation what an operator decided on its pending revision: approved (the
 * listing now reads as changed) or refused, with the operator's reason. Once per member and
 * revision (dedupe key), in both languages.
 */
import type { AppContext } from '../context';
import type { Label } from '../api-contract/taxonomy';
import { activeMemberIds } from '../auth';
import type { RevisionDecided } from '../listings';
import { createNotification } from './notification.service';

export function revisionNotice(event: RevisionDecided): { title: Label; body: Label } {
  const t = event.title;
  if (event.decision === 'approved')
    return {
      title: { vi: `Thay đổi tin đăng đã được duyệt: ${t}`, en: `Your changes were approved: ${t}` },
      body: {
        vi: 'Tin đăng đã hiển thị nội dung mới.',
        en: 'The listing now shows the new version.',
      },
    };
  const reason = event.reason?.trim() ?? '';
  return {
    title: { vi: `Thay đổi tin đăng bị từ chối: ${t}`, en: `Your changes were refused: ${t}` },
    body: {
      vi: `Tin đăng giữ nguyên nội dung đã công bố. Lý do: ${reason}`,
      en: `The listing keeps its published version. Reason: ${reason}`,
    },
  };
}

export async function notifyRevisionDecision(
  deps: Pick<AppContext, 'bus' | 'config'>,
  event: RevisionDecided,
): Promise<void> {
  const type = `listing.revision_${event.decision}`;
  const key = `${event.kind}:${event.listingId}:${new Date(event.submittedAt).getTime()}`;
  const link = `/${event.kind === 'offer' ? 'offers' : 'demands'}/${event.listingId}`;
  for (const userId of await activeMemberIds([event.organizationId])) {
    await createNotification(deps, {
      userId,
      type,
      ...revisionNotice(event),
      link,
      data: {
        listingKind: event.kind,
        listingId: event.listingId,
        decision: event.decision,
        ...(event.reason ? { reason: event.reason } : {}),
      },
      dedupeKey: `${userId}:${type}:${key}`,
    });
  }
}
