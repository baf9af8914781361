/**
 * The public directory, held per process: one read of the organizations (no filter, sort or
 * count asked of the database), kept until an organization is written (here or, with Redis, in
 * another process) or for a minute at most. The name search the registration form asks as
 * someone types is then answered from memory (see README "The read path").
 */
import { createRecordCache } from '../common/record-cache';
import { organizationReads } from './organization.store';
import type { OrganizationDoc } from './organization.model';
import { foldName, searchDirectory, type DirectoryEntry, type DirectoryFilter } from './directory-rules';

interface Directory {
  docs: Map<string, OrganizationDoc>;
  entries: DirectoryEntry[];
}

const directoryCache = createRecordCache<Directory>({
  name: 'organization-directory',
  types: [],
  clearOn: ['organization'],
  max: 1,
  ttlMs: 60_000,
});

async function loadDirectory(): Promise<Directory> {
  const docs = await organizationReads
    .find({}, { taxCode: 0, verifiedBy: 0, storageUsedBytes: 0 })
    .lean<OrganizationDoc[]>();
  return {
    docs: new Map(docs.map((d) => [String(d._id), d])),
    entries: docs.map((d) => ({
      id: String(d._id),
      name: d.name,
      folded: foldName(d.name),
      kind: d.kind,
      verified: Boolean(d.verified),
      fields: d.capability?.fields ?? [],
      createdAt: (d as { createdAt?: Date }).createdAt?.getTime() ?? 0,
    })),
  };
}

/** One page of the directory's organizations that pass the filter, and how many pass it. */
export async function directoryPage(
  filter: DirectoryFilter,
  page: { page: number; limit: number },
): Promise<{ docs: OrganizationDoc[]; total: number }> {
  const directory = (await directoryCache.get('all', loadDirectory))!;
  const found = searchDirectory(directory.entries, filter);
  const start = (page.page - 1) * page.limit;
  const docs = found.slice(start, start + page.limit).map((e) => directory.docs.get(e.id)!);
  return { docs, total: found.length };
}
