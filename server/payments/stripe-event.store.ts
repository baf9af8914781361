/** The Stripe event store: each event stored once by its id, marked applied once handled. */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { StripeEventModel } from './stripe-event.model';

/** False when the event was already applied; an event stored but not applied yet is tried again. */
export async function storeStripeEventOnce(
  fields: { _id: string } & Record<string, unknown>,
): Promise<boolean> {
  try {
    await StripeEventModel.create(fields);
    return true;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const stored = await StripeEventModel.findById(fields._id).lean();
    return !stored?.appliedAt;
  }
}

export async function markStripeEventApplied(eventId: string, outcome: string): Promise<void> {
  await StripeEventModel.updateOne({ _id: eventId }, { $set: { appliedAt: new Date(), outcome } });
}

/** Events stored for a PaymentIntent not known yet when they arrived, oldest first. */
export async function waitingStripeEvents(paymentIntentId: string) {
  return StripeEventModel.find({ paymentIntentId, appliedAt: null }).sort({ receivedAt: 1 }).lean();
}
