/**
 * The public directory, held per process: one read of the organizations (no filter, sort or
 * count asked of the database), kept for a minute at most. A write of an organization in this
 * process replaces its one entry; a write relayed from another process (Redis) drops the copy.
 * The name search the registration form asks as someone types is then answered from memory
 * (see README "The read path").
 */
import { createRecordCache, onCacheInvalidation } from '../common/record-cache';
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
  max: 1,
  ttlMs: 60_000,
});

/** Fields the directory never holds: private to the organization and operators. */
const HIDDEN = { taxCode: 0, verifiedBy: 0, storageUsedBytes: 0 } as const;

async function loadDirectory(): Promise<Directory> {
  const docs = await organizationReads.find({}, HIDDEN).lean<OrganizationDoc[]>();
  return { docs: new Map(docs.map((d) => [String(d._id), d])), entries: docs.map(toEntry) };
}

function toEntry(d: OrganizationDoc): DirectoryEntry {
  return {
    id: String(d._id),
    name: d.name,
    folded: foldName(d.name),
    kind: d.kind,
    verified: Boolean(d.verified),
    fields: d.capability?.fields ?? [],
    createdAt: (d as { createdAt?: Date }).createdAt?.getTime() ?? 0,
  };
}

/** The directory with one organization as written (added when new). */
function withOrganization(directory: Directory, written: Record<string, unknown>): Directory {
  const doc = Object.fromEntries(
    Object.entries(written).filter(([field]) => !(field in HIDDEN)),
  ) as unknown as OrganizationDoc;
  const id = String(doc._id);
  const docs = new Map(directory.docs).set(id, doc);
  const entries = directory.entries.filter((e) => e.id !== id);
  entries.push(toEntry(doc));
  return { docs, entries };
}

onCacheInvalidation((change) => {
  if (change.type !== 'organization') return;
  const current = directoryCache.peek('all');
  directoryCache.drop('all');
  if (current && change.after) {
    directoryCache.setIfUnchanged('all', withOrganization(current, change.after), directoryCache.mark());
  }
});

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
