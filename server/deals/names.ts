/** Display names of organizations and users, loaded in one query each for a page of records. */
import mongoose from 'mongoose';
import { isObjectId } from '../common/ids';
import { userReads } from '../auth/user.store';
import { organizationReads } from '../organizations/organization.store';

export interface NamedRef {
  id: string;
  name: string;
}

async function namesOf(
  model: typeof organizationReads | typeof userReads,
  ids: readonly (string | undefined | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => isObjectId(id)))];
  if (unique.length === 0) return new Map();
  const docs = await (model as typeof organizationReads)
    .find({ _id: mongoose.trusted({ $in: unique }) }, { name: 1 })
    .lean();
  return new Map(docs.map((d) => [String(d._id), String(d.name)]));
}

export const organizationNames = (ids: readonly (string | undefined | null)[]) =>
  namesOf(organizationReads, ids);
export const userNames = (ids: readonly (string | undefined | null)[]) => namesOf(userReads, ids);

export function named(names: Map<string, string>, id: string | undefined | null): NamedRef | null {
  if (!id) return null;
  return { id, name: names.get(id) ?? '' };
}
