/**
 * Inquiries members of this exchange sent about listings imported from partner exchanges: what
 * was asked, of which listing on which home exchange, and where its delivery stands (pending
 * while it is tried again, delivered, or failed when given up). Written only by inquiry.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind } from '../api-contract/enums';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const deliverySchema = new Schema(
  {
    state: { type: String, enum: DELIVERY_STATES, required: true },
    attempts: { type: Number, default: 0 },
    lastAttemptAt: Date,
    /** Why the last attempt failed (the home exchange unreachable, or its refusal). */
    lastError: String,
    deliveredAt: Date,
    /** When the next attempt is due (pending only). */
    nextAttemptAt: Date,
  },
  { _id: false },
);

const inquirySchema = new Schema(
  {
    partnerId: { type: String, required: true },
    /** The imported listing's id here (`<partnerId>-<kind>-<remoteId>`). */
    listingId: { type: String, required: true },
    kind: { type: String, required: true },
    remoteId: { type: String, required: true },
    listingTitle: { type: String, required: true },
    message: { type: String, required: true },
    userId: { type: String, required: true },
    organizationId: { type: String, required: true, index: true },
    organizationName: { type: String, required: true },
    userName: { type: String, required: true },
    delivery: { type: deliverySchema, required: true },
  },
  { versionKey: false, collection: 'federation_inquiries', timestamps: true },
);

export interface InquiryDelivery {
  state: DeliveryState;
  attempts: number;
  lastAttemptAt?: Date;
  lastError?: string;
  deliveredAt?: Date;
  nextAttemptAt?: Date;
}

export interface InquiryDoc {
  _id: mongoose.Types.ObjectId;
  partnerId: string;
  listingId: string;
  kind: ListingKind;
  remoteId: string;
  listingTitle: string;
  message: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  userName: string;
  delivery: InquiryDelivery;
  createdAt: Date;
  updatedAt: Date;
}

export const InquiryModel = mongoose.model('FederationInquiry', inquirySchema);
