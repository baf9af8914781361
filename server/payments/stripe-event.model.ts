/**
 * Each Stripe event id, stored once: the insert is the lock that makes a redelivered event a
 * no-op. An event about a payment not yet linked to its PaymentIntent (a refund notice that
 * outran the checkout notice) waits here, unapplied, until the link is made.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const stripeEventSchema = new Schema({
  _id: { type: String, required: true },
  type: { type: String, required: true },
  receivedAt: { type: Date, default: () => new Date() },
  /** When the event was applied (or found to need nothing); unset while it waits. */
  appliedAt: { type: Date },
  outcome: { type: String },
  paymentId: { type: Schema.Types.ObjectId, index: true },
  paymentIntentId: { type: String, index: true },
  /** What the event means for its payment, kept to replay it once the payment is known. */
  paymentEvent: { type: String },
  refundId: { type: String },
});

export type StripeEventDoc = InferSchemaType<typeof stripeEventSchema>;
export const StripeEventModel = mongoose.model('StripeEvent', stripeEventSchema);
