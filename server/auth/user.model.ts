import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { LOCALES, USER_ROLES } from '../api-contract/enums';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    // Never sent anywhere: views pick fields explicitly. (No select:false: FerretDB's findAndModify
    // does not implement projections, which select:false adds to every findOneAndUpdate.)
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true },
    role: { type: String, enum: USER_ROLES, default: 'member' },
    locale: { type: String, enum: LOCALES, default: 'vi' },
    organizationId: { type: Schema.Types.ObjectId, index: true },
    membershipStatus: { type: String, enum: ['active', 'pending', 'none'], default: 'none' },
    /** May approve and remove the organization's members (its founder, to begin with). */
    organizationAdmin: { type: Boolean, default: false },
    /** Set by an operator: the account cannot sign in and its sessions are ended. */
    suspendedAt: { type: Date },
    suspendedReason: { type: String },
    notificationPrefs: {
      email: { type: Boolean, default: true },
      frequency: { type: String, enum: ['instant', 'daily'], default: 'instant' },
    },
    lastLoginAt: { type: Date },
    /** When the password was last changed or reset: reset links made before it no longer work. */
    passwordChangedAt: { type: Date },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const UserModel = mongoose.model('User', userSchema);
