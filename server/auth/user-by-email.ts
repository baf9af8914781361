/**
 * The user with this email, as sign-in and reset requests find them: the owner list of the
 * (lower-cased) email names the user, who is then read by `_id` (the database is never asked to
 * filter users). A known and an unknown email cost the same two lookups, so timing tells nothing.
 */
import { readOwnerList, userEmailKey } from '../read-models';
import { userReads, type UserDoc } from './user.store';

export async function findUserByEmail(email: string): Promise<UserDoc | null> {
  const address = email.trim().toLowerCase();
  const [entry] = await readOwnerList(userEmailKey(address));
  if (!entry) return null;
  const user = await userReads.findById(entry.id).lean<UserDoc>();
  // A list entry outlives nothing it names: what the user record says wins.
  return user && user.email === address ? user : null;
}
