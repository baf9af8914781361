/**
 * Technology-capability assessments: an enterprise answers the questionnaire for a sector (saved
 * and resumed), the exchange scores it, shows it in the directory as far as the enterprise chose,
 * sums each sector up for operators, and operators mark an assessment verified after a visit.
 * Each write reads the assessment, plans with the pure rules and saves through the store.
 */
import {
  CAPABILITY_GROUPS,
  CAPABILITY_LEVELS,
  type CapabilityGroup,
  type CapabilityLevel,
  type CapabilityVisibility,
} from '../api-contract/capability-criteria';
import { foldVietnamese } from '../../search';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { assertMemberOrAdmin, organizationFacts, type OrganizationFacts } from '../organizations';
import { recordAudit } from '../audit';
import { mergeAnswers, scoreCapability, summariseSector, type GroupScore } from './capability-rules';
import {
  allAssessments,
  assessmentId,
  changeAssessment,
  getAssessment,
  saveAssessment,
  type CapabilityAssessmentDoc,
} from './capability.store';

/** A sector average is shown once this many complete assessments make it up (no one enterprise shows through). */
export const MIN_FOR_SECTOR_AVERAGE = 3;

export interface CapabilitySave {
  sector: string;
  answers?: Record<string, number | null>;
  visibility?: CapabilityVisibility;
}

async function enterpriseOf(orgId: string): Promise<OrganizationFacts> {
  const org = (await organizationFacts([orgId])).get(orgId);
  if (!org) throw AppError.notFound('Organization');
  if (org.kind !== 'enterprise')
    throw AppError.conflict(
      'Technology-capability assessments are made by enterprises, not by this kind of organization',
    );
  return org;
}

export interface SectorAverage {
  count: number;
  groups: Record<CapabilityGroup, number>;
  total: number;
}

async function sectorAverage(sector: string): Promise<SectorAverage | null> {
  const complete = (await allAssessments()).filter((a) => a.sector === sector && a.complete);
  if (complete.length < MIN_FOR_SECTOR_AVERAGE) return null;
  const summary = summariseSector(complete.map(summaryInput));
  const { total, ...groups } = summary.averages;
  return { count: summary.count, groups, total };
}

function summaryInput(a: CapabilityAssessmentDoc) {
  return {
    level: a.level as CapabilityLevel | null,
    groups: a.groups as Record<CapabilityGroup, GroupScore>,
    score: a.score,
    verified: Boolean(a.verifiedAt),
  };
}

export function assessmentView(a: CapabilityAssessmentDoc) {
  return {
    id: a._id,
    organizationId: a.organizationId,
    sector: a.sector,
    answers: a.answers as Record<string, number>,
    groups: a.groups as Record<CapabilityGroup, GroupScore>,
    score: a.score,
    answered: a.answered,
    complete: a.complete,
    synchronisation: a.synchronisation ?? null,
    level: (a.level ?? null) as CapabilityLevel | null,
    weakestGroups: a.weakestGroups as CapabilityGroup[],
    visibility: a.visibility as CapabilityVisibility,
    completedAt: a.completedAt ?? null,
    verified: Boolean(a.verifiedAt),
    verifiedAt: a.verifiedAt ?? null,
    updatedAt: (a as { updatedAt?: Date }).updatedAt ?? null,
  };
}

async function assessmentAnswer(a: CapabilityAssessmentDoc) {
  return { ...assessmentView(a), sectorAverage: await sectorAverage(a.sector) };
}

/**
 * Saves answers (a null clears one) and the visibility of an enterprise's assessment for a
 * sector, and scores it again; a changed answer takes a verification back.
 */
export async function saveCapability(user: SessionUser, orgId: string, body: CapabilitySave) {
  assertMemberOrAdmin(user, orgId);
  await enterpriseOf(orgId);
  const id = assessmentId(orgId, body.sector);
  const { doc, result } = await saveAssessment(
    id,
    () => ({ organizationId: orgId, sector: body.sector, answers: {} }),
    (current) => {
      const before = (current.answers ?? {}) as Record<string, number>;
      const answers = mergeAnswers(before, body.answers ?? {});
      const changed = JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(answers));
      const scored = scoreCapability(answers);
      const set: Record<string, unknown> = {
        answers,
        groups: scored.groups,
        score: scored.score,
        answered: scored.answered,
        complete: scored.complete,
        synchronisation: scored.synchronisation,
        level: scored.level,
        weakestGroups: scored.weakestGroups,
        updatedBy: user.id,
      };
      if (body.visibility) set.visibility = body.visibility;
      if (scored.complete && (!current.complete || changed)) set.completedAt = new Date();
      const unverify = changed && Boolean(current.verifiedAt);
      return {
        change: {
          $set: set,
          ...(unverify ? { $unset: { verifiedAt: 1, verifiedBy: 1, verificationNote: 1 } } : {}),
        },
        result: { completedNow: scored.complete && !current.complete, unverify },
      };
    },
  );
  if (result.completedNow || result.unverify)
    await recordAudit({
      actorId: user.id,
      action: result.completedNow ? 'capability.completed' : 'capability.changed_after_verification',
      targetType: 'organization',
      targetId: orgId,
      data: { sector: body.sector, score: doc.score, level: doc.level },
    });
  return assessmentAnswer(doc);
}

const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());

/** An enterprise's assessments, every sector it assessed, for its members and operators. */
export async function organizationCapabilities(user: SessionUser, orgId: string, sector?: string) {
  assertMemberOrAdmin(user, orgId);
  if (sector) {
    const one = await getAssessment(assessmentId(orgId, sector));
    return { assessments: one ? [await assessmentAnswer(one)] : [] };
  }
  const mine = (await allAssessments()).filter((a) => a.organizationId === orgId);
  mine.sort((a, b) => a.sector.localeCompare(b.sector));
  return { assessments: await Promise.all(mine.map(assessmentAnswer)) };
}

export interface DirectoryQuery {
  sector?: string;
  level?: CapabilityLevel;
  province?: string;
  q?: string;
  page: number;
  limit: number;
}

/** The public directory: complete assessments their enterprises chose to show, best first. */
export async function capabilityDirectory(query: DirectoryQuery) {
  const shown = (await allAssessments()).filter(
    (a) =>
      a.complete &&
      a.visibility !== 'private' &&
      (!query.sector || a.sector === query.sector) &&
      (!query.level || a.level === query.level),
  );
  const orgs = await organizationFacts(shown.map((a) => a.organizationId));
  const needle = query.q ? foldVietnamese(query.q) : null;
  const entries = shown.flatMap((a) => {
    const org = orgs.get(a.organizationId);
    if (!org || !org.verified) return [];
    if (query.province && org.province !== query.province) return [];
    if (needle && !foldVietnamese(org.name).includes(needle)) return [];
    return [{ a, org }];
  });
  entries.sort(
    (x, y) =>
      CAPABILITY_LEVELS.indexOf(y.a.level as CapabilityLevel) -
        CAPABILITY_LEVELS.indexOf(x.a.level as CapabilityLevel) || x.org.name.localeCompare(y.org.name, 'vi'),
  );
  const start = (query.page - 1) * query.limit;
  return {
    items: entries.slice(start, start + query.limit).map(({ a, org }) => ({
      organization: { id: org.id, name: org.name, province: org.province },
      sector: a.sector,
      level: a.level as CapabilityLevel,
      verified: Boolean(a.verifiedAt),
      completedAt: a.completedAt ?? null,
      ...(a.visibility === 'scores'
        ? {
            score: a.score,
            groups: Object.fromEntries(
              CAPABILITY_GROUPS.map((g) => [g, (a.groups as Record<CapabilityGroup, GroupScore>)[g].score]),
            ) as Record<CapabilityGroup, number>,
          }
        : {}),
    })),
    total: entries.length,
    page: query.page,
    limit: query.limit,
  };
}

/** Per sector (or one sector): how many enterprises at each level, group averages, the weakest groups. */
export async function capabilitySummary(sector?: string) {
  const complete = (await allAssessments()).filter((a) => a.complete && (!sector || a.sector === sector));
  const sectors = [...new Set(complete.map((a) => a.sector))].sort();
  const bySector = sectors.map((s) => ({
    sector: s,
    ...summariseSector(complete.filter((a) => a.sector === s).map(summaryInput)),
  }));
  const orgs = await organizationFacts(complete.map((a) => a.organizationId));
  return {
    ...(sector ? { sector } : {}),
    overall: summariseSector(complete.map(summaryInput)),
    bySector,
    assessments: complete
      .map((a) => ({
        ...assessmentView(a),
        organization: orgs.get(a.organizationId) ?? { id: a.organizationId, name: '', province: null },
      }))
      .sort((x, y) => x.sector.localeCompare(y.sector) || x.score - y.score),
  };
}

/** Operators mark a complete assessment verified after visiting the enterprise. */
export async function verifyCapability(user: SessionUser, id: string, note: string | undefined) {
  const { doc } = await changeAssessment(id, (current) => {
    if (!current.complete) throw AppError.conflict('Only a complete assessment can be verified');
    return {
      change: {
        $set: {
          verifiedAt: new Date(),
          verifiedBy: user.id,
          ...(note ? { verificationNote: note } : {}),
        },
      },
      result: null,
    };
  });
  await recordAudit({
    actorId: user.id,
    action: 'capability.verified',
    targetType: 'organization',
    targetId: doc.organizationId,
    data: { sector: doc.sector, ...(note ? { note } : {}) },
  });
  return assessmentAnswer(doc);
}
