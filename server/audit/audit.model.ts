import mongoose, { Schema } from 'mongoose';

const auditSchema = new Schema(
  {
    actorId: { type: Schema.Types.ObjectId },
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    data: { type: Schema.Types.Mixed },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
auditSchema.index({ targetType: 1, targetId: 1, createdAt: 1 });

export const AuditModel = mongoose.model('AuditEntry', auditSchema);
