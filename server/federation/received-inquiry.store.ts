/** The one writer of inquiries received from partner exchanges. */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { ReceivedInquiryModel, type ReceivedInquiryDoc } from './received-inquiry.model';

export type { ReceivedInquiryDoc } from './received-inquiry.model';

export const receivedInquiryId = (partnerId: string, inquiryId: string) => `${partnerId}:${inquiryId}`;

export async function getReceivedInquiry(id: string): Promise<ReceivedInquiryDoc | null> {
  return (await ReceivedInquiryModel.findById(id).lean()) as ReceivedInquiryDoc | null;
}

/** Stores it unless one with its id is held; true when this call stored it. */
export async function putReceivedInquiry(doc: ReceivedInquiryDoc): Promise<boolean> {
  try {
    await ReceivedInquiryModel.create(doc);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
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

/** How many were received from each partner (statistics). */
export async function countReceivedInquiries(partnerId: string): Promise<number> {
  return ReceivedInquiryModel.countDocuments({ partnerId });
}
