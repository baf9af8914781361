/**
 * Inquiries partner exchanges forwarded (signed) about this exchange's own listings: one per
 * partner and inquiry id there (a delivery tried again is kept once), with the asking
 * organization's name and its home exchange. Written only by received-inquiry.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind } from '../api-contract/enums';

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
  },
  { versionKey: false, collection: 'federation_received_inquiries' },
);

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
}

export const ReceivedInquiryModel = mongoose.model('FederationReceivedInquiry', receivedInquirySchema);
