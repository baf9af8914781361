/**
 * Inquiries members of this exchange sent about listings imported from partner exchanges: what
 * was asked, of which listing on which home exchange, and where its delivery stands (pending
 * while it is tried again, delivered, or failed when given up), and the owner's answers that came
 * back. Written only by inquiry.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind } from '../api-contract/enums';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Where one signed delivery to a partner stands (an inquiry here, an answer on the home exchange). */
export const deliverySchema = new Schema(
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

/** An answer the listing's owner sent back, signed, from the home exchange: kept once by its id. */
const answerSchema = new Schema(
  {
    /** The answer's id on the home exchange (a delivery tried again carries the same). */
    answerId: { type: String, required: true },
    text: { type: String, required: true },
    /** accept or decline (absent on a plain message). */
    decision: { type: String, enum: ['accept', 'decline'], required: false },
    answerer: {
      organizationName: { type: String, default: '' },
      name: { type: String, default: '' },
    },
    /** The answerer's contact details, only when they chose to share them. */
    contact: { type: new Schema({ name: String, email: String }, { _id: false }), required: false },
    answeredAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
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
    /** The asker's email: revealed to the home exchange only when the owner accepts. */
    userEmail: { type: String, required: false },
    delivery: { type: deliverySchema, required: true },
    /** The owner's answers, oldest first (absent until the first comes). */
    answers: { type: [answerSchema], default: undefined },
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

/** Contact details an owner chose to share with an answer. */
export interface AnswerContact {
  name: string;
  email: string;
}

export interface InquiryAnswer {
  answerId: string;
  text: string;
  decision?: 'accept' | 'decline';
  answerer: { organizationName: string; name: string };
  contact?: AnswerContact;
  answeredAt: Date;
  receivedAt: Date;
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
  userEmail?: string;
  delivery: InquiryDelivery;
  answers?: InquiryAnswer[];
  createdAt: Date;
  updatedAt: Date;
}

export const InquiryModel = mongoose.model('FederationInquiry', inquirySchema);
