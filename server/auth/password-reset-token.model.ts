/**
 * A password reset link's token, kept only as its SHA-256 digest: the `_id` is the digest, so
 * the link's token is looked up by `_id` and a copy of the collection opens no account.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const passwordResetTokenSchema = new Schema(
  {
    /** SHA-256 of the token (hex); the token itself is only ever in the mail. */
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** Set once, when the link sets a new password: a second use is refused. */
    usedAt: { type: Date },
  },
  { versionKey: false },
);

export type PasswordResetTokenDoc = InferSchemaType<typeof passwordResetTokenSchema> & { _id: string };
export const PasswordResetTokenModel = mongoose.model('PasswordResetToken', passwordResetTokenSchema);
