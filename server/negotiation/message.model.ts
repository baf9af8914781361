/**
 * A message of a room: a deal's negotiation room, or (`room: 'meeting'`) an online meeting's room
 * at an event. Stored before anyone is told about it; `seq` comes from the room's atomic counter
 * so clients can catch up exactly, across processes. `dealId` is the room's id (a deal's or a
 * meeting's: ids are unique across collections, so rooms share the counters and slots).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const MESSAGE_KINDS = ['text', 'note', 'system', 'terms'] as const;
export const MESSAGE_AUDIENCES = ['all', 'seller', 'buyer'] as const;
export const AUTHOR_ROLES = ['seller', 'buyer', 'broker', 'admin', 'system', 'requester', 'invitee'] as const;
export const ROOM_KINDS = ['deal', 'meeting'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

const messageSchema = new Schema(
  {
    dealId: { type: Schema.Types.ObjectId, required: true },
    /** Absent on a deal's messages (stored before meetings had rooms). */
    room: { type: String, enum: ROOM_KINDS },
    seq: { type: Number, required: true },
    authorId: { type: Schema.Types.ObjectId, default: null },
    authorName: { type: String, default: null },
    authorRole: { type: String, enum: AUTHOR_ROLES, required: true },
    kind: { type: String, enum: MESSAGE_KINDS, required: true },
    body: { type: String, required: true },
    audience: { type: String, enum: MESSAGE_AUDIENCES, default: 'all' },
    /** Chosen by the sender per message (generated for system messages): retries never duplicate. */
    clientId: { type: String, required: true },
    event: { name: { type: String }, data: { type: Schema.Types.Mixed } },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
messageSchema.index({ dealId: 1, seq: 1 }, { unique: true });
messageSchema.index({ dealId: 1, authorId: 1, clientId: 1 }, { unique: true, sparse: true });

export type MessageDoc = InferSchemaType<typeof messageSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
export const MessageModel = mongoose.model('DealMessage', messageSchema);
