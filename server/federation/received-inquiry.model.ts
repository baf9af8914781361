/**
 * Inquiries partner exchanges forwarded (signed) about this exchange's own listings: one per
 * partner and inquiry id there (a delivery tried again is kept once), with the asking
 * organization's name and its home exchange, and the owner's answers with where the delivery of each
 * back to the asking exchange stands. Written only by received-inquiry.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind } from '../api-contract/enums';
import { deliverySchema, type AnswerContact, type InquiryDelivery } from './inquiry.model';

/** An answer of the listing's owner, sent back signed to the asking exchange (each delivered once). */
const ownerAnswerSchema = new Schema(
  {
    /** Random; the asking exchange keeps each answer once by it. */
    answerId: { type: String, required: true },
    text: { type: String, required: true },
    /** accept or decline (absent on a plain message); one decision per inquiry. */
    decision: { type: String, enum: ['accept', 'decline'], required: false },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    organizationName: { type: String, required: true },
    /** Sent with the answer only when the owner accepts. */
    contact: { type: new Schema({ name: String, email: String }, { _id: false }), required: false },
    answeredAt: { type: Date, required: true },
    delivery: { type: deliverySchema, required: true },
  },
  { _id: false },
);

const receivedInquirySchema = new Schema(
  {
    /** `<partnerId>:<the inquiry's id on the asking exchange>`. */
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    partnerName: { type: String, required: true },
    kind: { type: String, required: true },
    listingId: { type: String, required: true },
    listingTitle: { type: String, required: true },
    /** The listing's owner organization, whose members were told. */
    organizationId: { type: String, required: true, index: true },
    message: { type: String, required: true },
    asker: {
      organizationName: { type: String, default: '' },
      name: { type: String, default: '' },
    },
    receivedAt: { type: Date, required: true },
    /** The asker's contact details, which the asking exchange gave back once the owner accepted. */
    askerContact: {
      type: new Schema({ name: String, email: String, organizationName: String }, { _id: false }),
      required: false,
    },
    /** The owner's answers, oldest first (absent until the first). */
    answers: { type: [ownerAnswerSchema], default: undefined },
  },
  { versionKey: false, collection: 'federation_received_inquiries' },
);

export interface OwnerAnswer {
  answerId: string;
  text: string;
  decision?: 'accept' | 'decline';
  userId: string;
  name: string;
  organizationName: string;
  contact?: AnswerContact;
  answeredAt: Date;
  delivery: InquiryDelivery;
}

export interface ReceivedInquiryDoc {
  _id: string;
  partnerId: string;
  partnerName: string;
  kind: ListingKind;
  listingId: string;
  listingTitle: string;
  organizationId: string;
  message: string;
  asker: { organizationName: string; name: string };
  receivedAt: Date;
  askerContact?: { name: string; email: string; organizationName: string };
  answers?: OwnerAnswer[];
}

export const ReceivedInquiryModel = mongoose.model('FederationReceivedInquiry', receivedInquirySchema);
