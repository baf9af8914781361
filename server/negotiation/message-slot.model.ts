/**
 * Where each numbered message of a room is: one small document per (deal, seq), its `_id` made
 * of the two, so a page of a room's history is one lookup by `_id` of the seqs it covers
 * (FerretDB would read every message of every room to filter and sort them). Written once per
 * message after it is stored, rebuilt from the messages with the owner lists.
 */
import { Schema } from 'mongoose';
import mongoose from 'mongoose';

export interface MessageSlotDoc {
  /** `${dealId}:${seq}` */
  _id: string;
  /** The message's id. */
  m: mongoose.Types.ObjectId;
  /** The message's audience: who may read it. */
  a: string;
  /** The message's author (absent for system lines and for slots written before authors were kept). */
  u?: string;
}

const messageSlotSchema = new Schema(
  {
    _id: String,
    m: { type: Schema.Types.ObjectId, required: true },
    a: { type: String, required: true },
    u: { type: String },
  },
  { versionKey: false, collection: 'message_slots' },
);

export const MessageSlotModel = mongoose.model('MessageSlot', messageSlotSchema);
