/**
 * Experts: operators grant the `expert` role; an expert keeps a profile (fields, credentials,
 * affiliation, languages, biography, availability) and declares conflicts of interest; anyone
 * reads the directory of experts who hold the role and have a profile.
 */
import mongoose from 'mongoose';
import { foldVietnamese } from '../../search';
import { EXPERT_AVAILABILITIES, type ExpertAvailability } from '../api-contract/enums';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { cachedWhole } from '../common/record-cache';
import { userReads } from '../auth';
import { organizationFacts } from '../organizations';
import {
  allExpertProfiles,
  getExpertProfile,
  saveExpertProfile,
  type ExpertProfileDoc,
} from './expert-profile.store';

export { EXPERT_AVAILABILITIES, type ExpertAvailability };

export interface ExpertProfileInput {
  fields: string[];
  subFields?: string[];
  credentials?: string;
  affiliation?: string;
  languages?: string[];
  bio?: string;
  availability?: ExpertAvailability;
  conflicts?: string[];
}

export interface Expert {
  id: string;
  name: string;
  organization: { id: string; name: string } | null;
  fields: string[];
  subFields: string[];
  credentials: string;
  affiliation: string;
  languages: string[];
  bio: string;
  availability: ExpertAvailability;
}

interface ExpertEntry {
  expert: Expert;
  /** The expert's own organisation and the ones they declared: never assigned to their requests. */
  conflicts: string[];
}

async function loadExperts(): Promise<ExpertEntry[]> {
  const profiles = await allExpertProfiles();
  if (profiles.length === 0) return [];
  const users = await userReads
    .find(
      { _id: mongoose.trusted({ $in: profiles.map((p) => p._id) }) },
      { name: 1, role: 1, organizationId: 1, suspendedAt: 1 },
    )
    .lean();
  const byId = new Map(users.map((u) => [String(u._id), u]));
  const orgs = await organizationFacts(users.map((u) => String(u.organizationId ?? '')));
  return profiles.flatMap((p) => {
    const user = byId.get(p._id);
    if (!user || user.role !== 'expert' || (user as { suspendedAt?: Date }).suspendedAt) return [];
    const org = user.organizationId ? orgs.get(String(user.organizationId)) : undefined;
    return [
      {
        expert: expertView(p, user.name, org ? { id: org.id, name: org.name } : null),
        conflicts: [...new Set([...(org ? [org.id] : []), ...(p.conflicts ?? [])])],
      },
    ];
  });
}

function expertView(p: ExpertProfileDoc, name: string, organization: Expert['organization']): Expert {
  return {
    id: p._id,
    name,
    organization,
    fields: p.fields ?? [],
    subFields: p.subFields ?? [],
    credentials: p.credentials ?? '',
    affiliation: p.affiliation ?? '',
    languages: p.languages ?? [],
    bio: p.bio ?? '',
    availability: (p.availability ?? 'available') as ExpertAvailability,
  };
}

/** Every expert who holds the role and has a profile, with their conflicts (for assignment). */
export const expertEntries = cachedWhole({
  name: 'experts:directory',
  clearOn: ['expert', 'user', 'organization'],
  load: loadExperts,
});

export interface ExpertQuery {
  field?: string;
  q?: string;
  availability?: ExpertAvailability;
  page: number;
  limit: number;
}

/** The public directory: available experts first, then by name. */
export async function listExperts(query: ExpertQuery) {
  const needle = query.q ? foldVietnamese(query.q) : null;
  const rank = (a: ExpertAvailability) => EXPERT_AVAILABILITIES.indexOf(a);
  const found = (await expertEntries())
    .map((e) => e.expert)
    .filter(
      (e) =>
        (!query.field || e.fields.includes(query.field)) &&
        (!query.availability || e.availability === query.availability) &&
        (!needle ||
          foldVietnamese(
            [e.name, e.affiliation, e.credentials, e.bio, e.organization?.name ?? ''].join(' '),
          ).includes(needle)),
    )
    .sort((a, b) => rank(a.availability) - rank(b.availability) || a.name.localeCompare(b.name, 'vi'));
  const start = (query.page - 1) * query.limit;
  return {
    experts: found.slice(start, start + query.limit),
    total: found.length,
    page: query.page,
    limit: query.limit,
  };
}

export async function getExpert(id: string): Promise<Expert> {
  const entry = (await expertEntries()).find((e) => e.expert.id === id);
  if (!entry) throw AppError.notFound('Expert');
  return entry.expert;
}

/** The signed-in expert's own profile, with the conflicts they declared. */
export async function myExpertProfile(user: SessionUser) {
  if (user.role !== 'expert') throw AppError.forbidden('Only experts keep an expert profile');
  const profile = await getExpertProfile(user.id);
  return {
    profile: profile ? { ...expertView(profile, user.name, null), conflicts: profile.conflicts ?? [] } : null,
  };
}

export async function saveMyExpertProfile(user: SessionUser, input: ExpertProfileInput) {
  if (user.role !== 'expert')
    throw AppError.forbidden('Only experts keep an expert profile; operators grant the role');
  const conflicts = [...new Set(input.conflicts ?? [])];
  const known = await organizationFacts(conflicts);
  const unknown = conflicts.filter((id) => !known.has(id));
  if (unknown.length)
    throw AppError.validation(
      unknown.map((id) => ({ field: 'conflicts', message: `no organization has the id ${id}` })),
      'A declared conflict names no organization',
    );
  const saved = await saveExpertProfile(user.id, { ...input, conflicts });
  return { profile: { ...expertView(saved, user.name, null), conflicts: saved.conflicts ?? [] } };
}
