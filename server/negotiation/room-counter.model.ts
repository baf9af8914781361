/**
 * Each room's message counter, one small document per deal addressed by its id. It lives apart
 * from the deal: on FerretDB's SQLite backend an update rewrites the whole document without
 * isolation, so incrementing a counter inside the deal could undo a concurrent term-sheet or
 * status change.
 */
import mongoose, { Schema } from 'mongoose';

const roomCounterSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

export const RoomCounterModel = mongoose.model('RoomCounter', roomCounterSchema, 'negotiation_room_counters');
