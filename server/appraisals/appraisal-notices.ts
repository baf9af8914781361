/** What each step of an appraisal tells whom, in both languages. */
import type { AppContext } from '../context';
import { createNotification } from '../notifications';
import type { AppraisalDoc } from './appraisal.store';

export type AppraisalStep = 'assigned' | 'accepted' | 'declined' | 'reported' | 'fee_paid';

const TITLES: Record<AppraisalStep, (title: string) => { vi: string; en: string }> = {
  assigned: (t) => ({
    vi: `Bạn được phân công thẩm định: ${t}`,
    en: `You are assigned an appraisal: ${t}`,
  }),
  accepted: (t) => ({
    vi: `Chuyên gia đã nhận thẩm định: ${t}`,
    en: `An expert took on the appraisal: ${t}`,
  }),
  declined: (t) => ({
    vi: `Một chuyên gia đã từ chối thẩm định: ${t}`,
    en: `An expert declined the appraisal: ${t}`,
  }),
  reported: (t) => ({
    vi: `Đã có báo cáo thẩm định: ${t}`,
    en: `The appraisal report is ready: ${t}`,
  }),
  fee_paid: (t) => ({
    vi: `Phí thẩm định đã được thanh toán: ${t}`,
    en: `The appraisal fee is paid: ${t}`,
  }),
};

export async function notifyAppraisal(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  step: AppraisalStep,
  a: AppraisalDoc,
  userId: string,
  /** What makes this notice one of a kind (default: the request's timeline so far). */
  occasion: string = String(a.timeline.length),
): Promise<void> {
  const id = String(a._id);
  await createNotification(ctx, {
    userId,
    type: `appraisal.${step}`,
    title: TITLES[step](a.listingTitle),
    link: `/appraisals/${id}`,
    data: { appraisalId: id },
    dedupeKey: `appraisal:${id}:${step}:${userId}:${occasion}`,
  });
}
