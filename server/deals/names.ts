/**
 * Display names of organizations and users for a page of records: cached per process (dropped
 * by the organization and user stores' writes), the missing ones loaded in one query each.
 */
import mongoose from 'mongoose';
import { isObjectId } from '../common/ids';
import { createRecordCache, type RecordCache } from '../common/record-cache';
import { userReads } from '../auth';
import { organizationReads } from '../organizations';

export interface NamedRef {
  id: string;
  name: string;
}

interface Name {
  name: string;
}

const organizationNameCache = createRecordCache<Name>({
  name: 'organization-names',
  types: ['organization'],
  max: 50_000,
  ttlMs: 300_000,
});
const userNameCache = createRecordCache<Name>({
  name: 'user-names',
  types: ['user'],
  max: 50_000,
  ttlMs: 300_000,
});

async function namesOf(
  cache: RecordCache<Name>,
  model: typeof organizationReads | typeof userReads,
  ids: readonly (string | undefined | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => isObjectId(id)))];
  if (unique.length === 0) return new Map();
  const found = await cache.getMany(unique, async (missing) => {
    const docs = await (model as typeof organizationReads)
      .find({ _id: mongoose.trusted({ $in: missing }) }, { name: 1 })
      .lean();
    return new Map(docs.map((d) => [String(d._id), { name: String(d.name) }]));
  });
  return new Map([...found].map(([id, { name }]) => [id, name]));
}

export const organizationNames = (ids: readonly (string | undefined | null)[]) =>
  namesOf(organizationNameCache, organizationReads, ids);
export const userNames = (ids: readonly (string | undefined | null)[]) =>
  namesOf(userNameCache, userReads, ids);

export function named(names: Map<string, string>, id: string | undefined | null): NamedRef | null {
  if (!id) return null;
  return { id, name: names.get(id) ?? '' };
}
