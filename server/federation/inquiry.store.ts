/** The one writer of inquiries sent to partner exchanges (their delivery state, the answers that came back). */
import { RecordStore, type Plan } from '../common/store';
import { isObjectId } from '../common/ids';
import { InquiryModel, type InquiryDelivery, type InquiryDoc } from './inquiry.model';
import { trafficOf, type ExchangeTraffic } from './stats-rules';

export type { InquiryDoc, InquiryDelivery, DeliveryState, InquiryAnswer } from './inquiry.model';

const inquiryStore = new RecordStore<InquiryDoc>({
  label: 'Inquiry',
  model: InquiryModel,
  lockKey: (id) => `federation-inquiry:${id}`,
});

export function createInquiry(
  fields: Omit<InquiryDoc, '_id' | 'createdAt' | 'updatedAt'>,
): Promise<InquiryDoc> {
  return inquiryStore.create(fields);
}

export function getInquiry(id: string): Promise<InquiryDoc | null> {
  return isObjectId(id) ? inquiryStore.get(id) : Promise.resolve(null);
}

/** An organization's inquiries, newest first. */
export async function inquiriesOf(organizationId: string, limit = 100): Promise<InquiryDoc[]> {
  return (await InquiryModel.find({ organizationId })
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean()) as InquiryDoc[];
}

/**
 * Statistics of one partner: the inquiries sent to it and the answers it sent back, in all and
 * since `since`. Reads only that partner's inquiries, and only their dates (an operator's page).
 */
export async function inquiryTrafficWith(partnerId: string, since: Date): Promise<ExchangeTraffic> {
  const docs = (await InquiryModel.find({ partnerId })
    .select({ createdAt: 1, 'answers.receivedAt': 1 })
    .lean()) as Pick<InquiryDoc, 'createdAt' | 'answers'>[];
  return trafficOf(
    docs.map((d) => d.createdAt),
    docs.flatMap((d) => (d.answers ?? []).map((a) => a.receivedAt)),
    since,
  );
}

/** Holds the inquiry's lock for one delivery attempt: two attempts never overlap. */
export function holdInquiry<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return inquiryStore.hold(id, fn);
}

/** Records an attempt's outcome (the delivery as the caller planned it). */
export async function recordDelivery(id: string, delivery: InquiryDelivery): Promise<InquiryDoc> {
  const { doc } = await inquiryStore.mutate(id, () => ({ change: { $set: { delivery } }, result: null }));
  return doc;
}

/** Writes what `plan` decides about the inquiry (an answer that came back kept). */
export async function changeInquiry<R>(
  id: string,
  plan: Plan<InquiryDoc, R>,
): Promise<{ doc: InquiryDoc; result: R; written: boolean }> {
  const { doc, result, written } = await inquiryStore.mutate(id, plan);
  return { doc, result, written };
}
