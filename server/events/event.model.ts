/**
 * Technology fairs and brokerage events (chợ công nghệ, Techmart, demo days, brokerage days):
 * what operators announce, with the dates, the registration window and how one-to-one meetings are
 * laid out (slot length, breaks, on-site tables). Written only by event.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { FieldCode } from '../api-contract/taxonomy';
import type { EventStatus } from '../api-contract/enums';

const periodSchema = new Schema(
  { from: { type: Date, required: true }, to: { type: Date, required: true } },
  { _id: false },
);

/** A pitch session of the event's programme (written with the event, through its store). */
const sessionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    titleEn: String,
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    online: { type: Boolean, required: true },
    room: String,
    speakerOrganizationId: { type: String, required: true },
    listing: new Schema({ kind: String, id: String, title: String }, { _id: false }),
    createdBy: { type: String, required: true },
  },
  { _id: false },
);

const eventSchema = new Schema(
  {
    title: { type: String, required: true },
    titleEn: String,
    description: { type: String, default: '' },
    descriptionEn: String,
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    venue: String,
    online: { type: Boolean, required: true },
    fields: { type: [String], default: [] },
    registrationClosesAt: { type: Date, required: true },
    /** The most organizations an operator may approve (none: no limit). */
    capacity: Number,
    slotMinutes: { type: Number, required: true },
    breaks: { type: [periodSchema], default: [] },
    /** On-site tables for one-to-one meetings (events held on site). */
    tables: Number,
    /** Pitch sessions, in time order. */
    programme: { type: [sessionSchema], default: [] },
    status: { type: String, default: 'active' },
    cancelledBy: String,
    cancelledAt: Date,
    cancelReason: String,
    createdBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'events', timestamps: true },
);

export interface Period {
  from: Date;
  to: Date;
}

export interface ProgrammeSession {
  _id: mongoose.Types.ObjectId;
  title: string;
  titleEn?: string;
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  room?: string;
  speakerOrganizationId: string;
  listing?: { kind: 'offer' | 'demand'; id: string; title: string };
  createdBy: string;
}

export interface EventDoc {
  _id: mongoose.Types.ObjectId;
  title: string;
  titleEn?: string;
  description: string;
  descriptionEn?: string;
  startsAt: Date;
  endsAt: Date;
  venue?: string;
  online: boolean;
  fields: FieldCode[];
  registrationClosesAt: Date;
  capacity?: number;
  slotMinutes: number;
  breaks: Period[];
  tables?: number;
  /** Absent on events stored before the programme existed: none. */
  programme?: ProgrammeSession[];
  /** Absent on events stored before cancelling existed: active. */
  status?: EventStatus;
  cancelledBy?: string;
  cancelledAt?: Date;
  cancelReason?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const EventModel = mongoose.model('Event', eventSchema);
