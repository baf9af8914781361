/**
 * In-app notifications, and the durable record of the mail each one still owes its user.
 * `dedupeKey` (`${userId}:${type}:${listingId}`) is unique: however often an event is processed,
 * and by however many processes, a user hears about a listing once.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const MAIL_STATES = ['none', 'pending', 'sending', 'sent', 'skipped'] as const;
export type MailState = (typeof MAIL_STATES)[number];

const labelSchema = new Schema(
  { vi: { type: String, default: '' }, en: { type: String, default: '' } },
  { _id: false },
);

const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, required: true },
    title: { type: labelSchema, required: true },
    body: { type: labelSchema, default: () => ({}) },
    /** A client route, e.g. `/offers/:id`. */
    link: { type: String },
    data: { type: Schema.Types.Mixed, default: () => ({}) },
    readAt: { type: Date },
    dedupeKey: { type: String },
    /**
     * Grouped notifications (matches of one listing, messages of one room): while one of a group
     * is unread, the next event updates it (or is dropped) instead of adding another.
     */
    groupKey: { type: String },
    /** When a grouped notification was last updated: its place in the list. */
    bumpedAt: { type: Date },
    /**
     * pending: a mail is owed from `mailDueAt` on (now for instant mail, the next digest time for
     * daily digests); sending: claimed by a mailer at `mailClaimedAt`; sent at `mailedAt`;
     * none: the user had email off; skipped: email was turned off before it was sent.
     */
    mailState: { type: String, enum: MAIL_STATES, default: 'none' },
    mailDueAt: { type: Date },
    mailClaimedAt: { type: Date },
    mailClaim: { type: String },
    mailedAt: { type: Date },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
notificationSchema.index({ dedupeKey: 1 }, { unique: true, sparse: true });
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ groupKey: 1 }, { sparse: true });
notificationSchema.index({ mailState: 1, mailDueAt: 1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
export const NotificationModel = mongoose.model('Notification', notificationSchema);
