/**
 * One-to-one meetings between two approved participants of an event: asked for by one
 * organization, accepted (and then scheduled in a slot free for both, at a table or in an online
 * room), declined or cancelled by the other; after its start each side records what came of it.
 * Written only by meeting.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind, MeetingOutcome, MeetingStatus } from '../api-contract/enums';

const meetingSchema = new Schema(
  {
    eventId: { type: String, required: true },
    requesterOrgId: { type: String, required: true },
    inviteeOrgId: { type: String, required: true },
    requestedBy: { type: String, required: true },
    listing: {
      type: new Schema({ kind: String, id: String, title: String }, { _id: false }),
      default: undefined,
    },
    message: { type: String, default: '' },
    status: { type: String, required: true },
    startsAt: Date,
    endsAt: Date,
    table: Number,
    roomUrl: String,
    acceptedBy: String,
    acceptedAt: Date,
    declinedBy: String,
    declinedAt: Date,
    declineReason: String,
    cancelledBy: String,
    cancelledByOrgId: String,
    cancelledAt: Date,
    cancelReason: String,
    outcomes: {
      type: [
        new Schema({ orgId: String, outcome: String, note: String, by: String, at: Date }, { _id: false }),
      ],
      default: [],
    },
  },
  { versionKey: false, collection: 'meetings', timestamps: true },
);

export interface MeetingOutcomeRecord {
  orgId: string;
  outcome: MeetingOutcome;
  note?: string;
  by: string;
  at: Date;
}

export interface MeetingDoc {
  _id: mongoose.Types.ObjectId;
  eventId: string;
  requesterOrgId: string;
  inviteeOrgId: string;
  requestedBy: string;
  listing?: { kind: ListingKind; id: string; title?: string };
  message: string;
  status: MeetingStatus;
  startsAt?: Date;
  endsAt?: Date;
  table?: number;
  roomUrl?: string;
  acceptedBy?: string;
  acceptedAt?: Date;
  declinedBy?: string;
  declinedAt?: Date;
  declineReason?: string;
  cancelledBy?: string;
  cancelledByOrgId?: string;
  cancelledAt?: Date;
  cancelReason?: string;
  outcomes: MeetingOutcomeRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export const MeetingModel = mongoose.model('Meeting', meetingSchema);
