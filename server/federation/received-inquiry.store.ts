/** The one writer of inquiries received from partner exchanges (and of their owners' answers). */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { RecordStore, type Plan } from '../common/store';
import { ReceivedInquiryModel, type ReceivedInquiryDoc } from './received-inquiry.model';
import { trafficOf, type ExchangeTraffic } from './stats-rules';

export type { ReceivedInquiryDoc, OwnerAnswer } from './received-inquiry.model';

export const receivedInquiryId = (partnerId: string, inquiryId: string) => `${partnerId}:${inquiryId}`;

const receivedInquiryStore = new RecordStore<ReceivedInquiryDoc>({
  label: 'Received inquiry',
  model: ReceivedInquiryModel,
  lockKey: (id) => `federation-received-inquiry:${id}`,
});

export function getReceivedInquiry(id: string): Promise<ReceivedInquiryDoc | null> {
  return receivedInquiryStore.get(id);
}

/** Stores it unless one with its id is held; true when this call stored it. */
export async function putReceivedInquiry(doc: ReceivedInquiryDoc): Promise<boolean> {
  try {
    await receivedInquiryStore.create({ ...doc });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Writes what `plan` decides about the received inquiry (an answer added, a delivery recorded). */
export async function changeReceivedInquiry<R>(
  id: string,
  plan: Plan<ReceivedInquiryDoc, R>,
): Promise<{ doc: ReceivedInquiryDoc; result: R }> {
  const { doc, result } = await receivedInquiryStore.mutate(id, plan);
  return { doc, result };
}

/** Holds the received inquiry's lock for one answer's delivery attempt: attempts never overlap. */
export function holdReceivedInquiry<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return receivedInquiryStore.hold(id, fn);
}

/** The inquiries received about an organization's listings, newest first. */
export async function receivedInquiriesOf(
  organizationId: string,
  limit = 100,
): Promise<ReceivedInquiryDoc[]> {
  return (await ReceivedInquiryModel.find({ organizationId })
    .sort({ receivedAt: -1 })
    .limit(limit)
    .lean()) as ReceivedInquiryDoc[];
}

/**
 * Statistics of one partner: the inquiries received from it and the answers sent back to it, in
 * all and since `since`. Reads only that partner's inquiries, and only their dates (an operator's page).
 */
export async function receivedTrafficFrom(partnerId: string, since: Date): Promise<ExchangeTraffic> {
  const docs = (await ReceivedInquiryModel.find({ partnerId })
    .select({ receivedAt: 1, 'answers.answeredAt': 1 })
    .lean()) as Pick<ReceivedInquiryDoc, 'receivedAt' | 'answers'>[];
  return trafficOf(
    docs.map((d) => d.receivedAt),
    docs.flatMap((d) => (d.answers ?? []).map((a) => a.answeredAt)),
    since,
  );
}
