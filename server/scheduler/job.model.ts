/**
 * Durable jobs: work that must happen at a time even if no request comes and the server
 * restarts in between. Claimed by one process at a time through a lock with an expiry.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

const jobSchema = new Schema(
  {
    type: { type: String, required: true },
    runAt: { type: Date, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: JOB_STATUSES, default: 'pending' },
    lockedBy: { type: String },
    lockedUntil: { type: Date },
    attempts: { type: Number, default: 0 },
    lastError: { type: String },
    finishedAt: { type: Date },
    /** One job per piece of work (e.g. `auction.close:<offerId>`): enqueueing twice is harmless. */
    dedupeKey: { type: String },
    /** The request that enqueued the job, so that its run logs under the same id. */
    requestId: { type: String },
  },
  { timestamps: true },
);
jobSchema.index({ status: 1, runAt: 1 });
jobSchema.index({ dedupeKey: 1 }, { unique: true, sparse: true });

export type JobDoc = InferSchemaType<typeof jobSchema> & { _id: mongoose.Types.ObjectId };
export const JobModel = mongoose.model('Job', jobSchema);
