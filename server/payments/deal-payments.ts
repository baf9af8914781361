/**
 * A deal's (or an appraisal's) payments, found through its owner list (`payment:deal:<id>`,
 * `payment:appraisal:<id>`, kept by the payment store's writes) and read by `_id`: the payments
 * collection is never filtered by deal.
 */
import mongoose from 'mongoose';
import {
  paymentAppraisalListKey,
  paymentDealListKey,
  paymentDepositListKey,
  paymentListEntries,
  paymentListingListKey,
  putOwnerListEntries,
  readOwnerList,
  type OwnerListEntry,
} from '../read-models';
import type { PaymentDoc } from './payment.model';
import { findPaymentDocs, paymentReads } from './payment.store';
import type { PaymentStatus } from '../api-contract/enums';
import { isSoleDatabaseUser } from '../common/sole-user';

/** The deal's payments, newest first; with `status`, only those in that state as stored now. */
export async function paymentsOfDeal(dealId: string, status?: PaymentStatus): Promise<PaymentDoc[]> {
  const docs = await paymentsOfList(paymentDealListKey(dealId), (d) => String(d.dealId) === dealId);
  return status ? docs.filter((d) => d.status === status) : docs;
}

/**
 * The deal's paid payments, for deciding whether it is paid up. While this process is the
 * database's only user, its list's statuses are current (each payment's write here updates the
 * list before it returns), so only the payments listed as paid are read, and those it wrote are
 * kept by their store: the others (the other party's pending transfer, or nine more in the write
 * bench) are not read at all. Otherwise every listed payment is read and its stored status decides.
 */
export async function paidPaymentsOfDeal(dealId: string): Promise<PaymentDoc[]> {
  if (!isSoleDatabaseUser()) return paymentsOfDeal(dealId, 'paid');
  const listedPaid = (await readOwnerList(paymentDealListKey(dealId))).filter((e) => e.s === 'paid');
  const ids = listedPaid.map((e) => e.id);
  return listedDocs(
    ids,
    await findPaymentDocs(ids),
    (d) => String(d.dealId) === dealId && d.status === 'paid',
  );
}

/** The deal's payment list as stored, read ahead of a settlement that will read and change it. */
export async function readPaymentListOfDeal(dealId: string): Promise<void> {
  await readOwnerList(paymentDealListKey(dealId));
}

/** The payments of each of these deals, newest first: their lists, then every payment in one read. */
export async function paymentsOfDeals(dealIds: string[]): Promise<Map<string, PaymentDoc[]>> {
  const lists = await paymentsOfLists(
    dealIds.map((dealId) => ({
      key: paymentDealListKey(dealId),
      belongs: (d) => String(d.dealId) === dealId,
    })),
  );
  return new Map(dealIds.map((dealId, i) => [dealId, lists[i]]));
}

/** The appraisal's payments, newest first, through its own list (`payment:appraisal:<id>`). */
export function paymentsOfAppraisal(appraisalId: string): Promise<PaymentDoc[]> {
  return paymentsOfList(paymentAppraisalListKey(appraisalId), (d) => String(d.appraisalId) === appraisalId);
}

/**
 * The bid deposits of an auction or a call for proposals, newest first, through its list
 * (`payment:deposit:<listingId>`).
 */
export function depositsOfListing(listingId: string): Promise<PaymentDoc[]> {
  return paymentsOfList(
    paymentDepositListKey(listingId),
    (d) => String(d.offerId ?? d.demandId) === listingId,
  );
}

/** The listing fee payments of an offer or a demand, newest first, through its list (`payment:listing:<id>`). */
export function paymentsOfListing(listingId: string): Promise<PaymentDoc[]> {
  return paymentsOfList(paymentListingListKey(listingId), (d) => String(d.listingId) === listingId);
}

/** The payments a list names, in its order, read by `_id`; what the records say wins over a stale entry. */
async function paymentsOfList(key: string, belongs: (doc: PaymentDoc) => boolean): Promise<PaymentDoc[]> {
  const [payments] = await paymentsOfLists([{ key, belongs }]);
  return payments;
}

/** `paymentsOfList` for several lists, the payments of all of them read at once. */
async function paymentsOfLists(
  lists: { key: string; belongs: (doc: PaymentDoc) => boolean }[],
): Promise<PaymentDoc[][]> {
  const ids = await Promise.all(lists.map(async ({ key }) => (await readOwnerList(key)).map((e) => e.id)));
  const byId = await findPaymentDocs([...new Set(ids.flat())]);
  return lists.map(({ belongs }, i) => listedDocs(ids[i], byId, belongs));
}

/** The payments of `ids` as read, in their order; what the records say wins over a stale entry. */
function listedDocs(
  ids: string[],
  byId: Map<string, PaymentDoc>,
  belongs: (doc: PaymentDoc) => boolean,
): PaymentDoc[] {
  return ids.map((id) => byId.get(id)).filter((d): d is PaymentDoc => !!d && belongs(d));
}

/**
 * Puts the payments of these deals in their deals' lists again: a process killed between a
 * payment's write and its list's update left it off the list. Run once at start-up, for the
 * deals that may still owe a step (one read of the payments collection).
 */
export async function relistPaymentsOfDeals(dealIds: string[]): Promise<number> {
  if (dealIds.length === 0) return 0;
  const docs = await paymentReads
    .find(
      { dealId: mongoose.trusted({ $in: dealIds }) },
      { dealId: 1, status: 1, updatedAt: 1, createdAt: 1 },
    )
    .lean();
  const lists = new Map<string, OwnerListEntry[]>();
  for (const [key, entry] of docs.flatMap((d) => paymentListEntries(d)))
    lists
      .set(key, lists.get(key) ?? [])
      .get(key)!
      .push(entry);
  await Promise.all([...lists].map(([key, entries]) => putOwnerListEntries(key, entries)));
  return docs.length;
}
