/**
 * An organization's registration for an event, as an exhibitor (with the published listings it
 * shows) or a visitor (with what it looks for), and the times it is available for meetings. Its
 * `_id` is derived from the event and the organization (one registration per organization and
 * event: a second insert clashes on `_id`, and the registration is found again by `_id` alone).
 * Written only by event-registration.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { EventRegistrationStatus, EventRole, ListingKind } from '../api-contract/enums';
import type { Period } from './event.model';

const periodSchema = new Schema(
  { from: { type: Date, required: true }, to: { type: Date, required: true } },
  { _id: false },
);
const listingSchema = new Schema(
  { kind: { type: String, required: true }, id: { type: String, required: true }, title: String },
  { _id: false },
);

const registrationSchema = new Schema(
  {
    eventId: { type: String, required: true },
    organizationId: { type: String, required: true },
    role: { type: String, required: true },
    listings: { type: [listingSchema], default: [] },
    pitch: { type: String, default: '' },
    lookingFor: { type: String, default: '' },
    availability: { type: [periodSchema], default: [] },
    status: { type: String, required: true },
    createdBy: { type: String, required: true },
    decidedBy: String,
    decidedAt: Date,
    rejectionReason: String,
    revokedBy: String,
    revokedAt: Date,
    revokeReason: String,
  },
  { versionKey: false, collection: 'event_registrations', timestamps: true },
);

export interface RegisteredListing {
  kind: ListingKind;
  id: string;
  title?: string;
}

export interface EventRegistrationDoc {
  _id: mongoose.Types.ObjectId;
  eventId: string;
  organizationId: string;
  role: EventRole;
  listings: RegisteredListing[];
  pitch: string;
  lookingFor: string;
  availability: Period[];
  status: EventRegistrationStatus;
  createdBy: string;
  decidedBy?: string;
  decidedAt?: Date;
  rejectionReason?: string;
  revokedBy?: string;
  revokedAt?: Date;
  revokeReason?: string;
  createdAt: Date;
  updatedAt: Date;
}

export const EventRegistrationModel = mongoose.model('EventRegistration', registrationSchema);
