/** The user store: the only code that writes users, each change under the user's lock (see common/store.ts). */
import { RecordStore, type ModelReads } from '../common/store';
import { UserModel, type UserDoc } from './user.model';

export type { UserDoc };

export const userStore = new RecordStore<UserDoc>({
  label: 'User',
  model: UserModel,
  lockKey: (id) => `user:${id}`,
  recordType: 'user',
});

/** Reads of users for code outside the store. */
export const userReads: ModelReads<typeof UserModel> = UserModel;

/**
 * The operators' ids, by filtering the users by role: for alerts operators must hear of (a job
 * failed for good, an overdue milestone, a refund needing them), never a page's path.
 */
export async function operatorIds(): Promise<string[]> {
  const operators = (await userReads.find({ role: 'admin' }, { _id: 1 }).lean()) as { _id: unknown }[];
  return operators.map((o) => String(o._id));
}

export function createUser(fields: Record<string, unknown>): Promise<UserDoc> {
  return userStore.create(fields);
}

/** Sets fields of a user (404 when there is no such user); the user after. */
export async function setUserFields(userId: string, set: Record<string, unknown>): Promise<UserDoc> {
  return (await userStore.mutate(userId, () => ({ change: { $set: set }, result: null }))).doc;
}
