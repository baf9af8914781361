/**
 * Scoring a technology-capability assessment (after Circular 17/2019/TT-BKHCN): points per
 * criterion from the band chosen, per group and overall out of 100, a synchronisation
 * coefficient saying how even the five groups are, and the level that both imply.
 * Pure functions: no database, no HTTP.
 */
import {
  CAPABILITY_BAND_COUNT,
  CAPABILITY_CRITERIA,
  CAPABILITY_GROUPS,
  CAPABILITY_GROUP_INFO,
  CAPABILITY_LEVELS,
  type CapabilityGroup,
  type CapabilityLevel,
} from '../api-contract/capability-criteria';

/** The band chosen per criterion code (0 weakest … 4 strongest). */
export type CapabilityAnswers = Readonly<Record<string, number>>;

export interface GroupScore {
  score: number;
  max: number;
  /** score / max, 0–1. */
  ratio: number;
  answered: number;
  criteria: number;
}

export interface CapabilityScore {
  groups: Record<CapabilityGroup, GroupScore>;
  /** Points out of 100 over the answered criteria. */
  score: number;
  answered: number;
  complete: boolean;
  /** 1 when the five groups are equally strong, towards 0 as they drift apart; null until complete. */
  synchronisation: number | null;
  /** null until every criterion is answered. */
  level: CapabilityLevel | null;
  /** Groups from the weakest (lowest share of its points) up; only when complete. */
  weakestGroups: CapabilityGroup[];
}

/**
 * The level a total and a synchronisation coefficient earn: the highest level whose minimum
 * score and minimum coefficient are both met. An uneven enterprise (a strong T with no R or I)
 * ranks below one with the same total spread evenly.
 */
export const LEVEL_THRESHOLDS: Readonly<Record<CapabilityLevel, { minScore: number; minSync: number }>> = {
  outdated: { minScore: 0, minSync: 0 },
  below_average: { minScore: 35, minSync: 0.6 },
  average: { minScore: 50, minSync: 0.75 },
  above_average: { minScore: 65, minSync: 0.85 },
  advanced: { minScore: 80, minSync: 0.9 },
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function criterionPoints(maxPoints: number, band: number): number {
  return round((maxPoints * band) / (CAPABILITY_BAND_COUNT - 1), 2);
}

/** Geometric over arithmetic mean of the group ratios (0 when a group scores nothing). */
export function synchronisationOf(ratios: readonly number[]): number {
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  if (mean === 0) return 0;
  const geometric = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  return round(geometric / mean, 3);
}

export function levelFor(score: number, synchronisation: number): CapabilityLevel {
  for (let i = CAPABILITY_LEVELS.length - 1; i > 0; i--) {
    const level = CAPABILITY_LEVELS[i];
    const t = LEVEL_THRESHOLDS[level];
    if (score >= t.minScore && synchronisation >= t.minSync) return level;
  }
  return 'outdated';
}

export function scoreCapability(answers: CapabilityAnswers): CapabilityScore {
  const groups = Object.fromEntries(
    CAPABILITY_GROUPS.map((g) => [
      g,
      { score: 0, max: CAPABILITY_GROUP_INFO[g].max, ratio: 0, answered: 0, criteria: 0 },
    ]),
  ) as Record<CapabilityGroup, GroupScore>;
  for (const criterion of CAPABILITY_CRITERIA) {
    const group = groups[criterion.group];
    group.criteria++;
    const band = answers[criterion.code];
    if (band === undefined) continue;
    group.answered++;
    group.score = round(group.score + criterionPoints(criterion.maxPoints, band), 2);
  }
  for (const g of CAPABILITY_GROUPS) groups[g].ratio = round(groups[g].score / groups[g].max, 4);
  const answered = CAPABILITY_GROUPS.reduce((n, g) => n + groups[g].answered, 0);
  const score = round(
    CAPABILITY_GROUPS.reduce((n, g) => n + groups[g].score, 0),
    2,
  );
  const complete = answered === CAPABILITY_CRITERIA.length;
  const synchronisation = complete ? synchronisationOf(CAPABILITY_GROUPS.map((g) => groups[g].ratio)) : null;
  return {
    groups,
    score,
    answered,
    complete,
    synchronisation,
    level: complete ? levelFor(score, synchronisation ?? 0) : null,
    weakestGroups: complete ? [...CAPABILITY_GROUPS].sort((a, b) => groups[a].ratio - groups[b].ratio) : [],
  };
}

/** Answers after a save: the new ones over the old, a null clearing one. */
export function mergeAnswers(
  current: CapabilityAnswers,
  changes: Readonly<Record<string, number | null>>,
): Record<string, number> {
  const merged: Record<string, number> = { ...current };
  for (const [code, band] of Object.entries(changes)) {
    if (band === null) delete merged[code];
    else merged[code] = band;
  }
  return merged;
}

export interface SectorSummaryInput {
  level: CapabilityLevel | null;
  groups: Record<CapabilityGroup, { ratio: number }>;
  score: number;
  verified: boolean;
}

export interface SectorSummary {
  count: number;
  verified: number;
  levels: Record<CapabilityLevel, number>;
  /** Mean points per group and overall. */
  averages: Record<CapabilityGroup | 'total', number>;
  /** Groups by their mean share of points, weakest first. */
  weakestGroups: { group: CapabilityGroup; ratio: number }[];
}

/** What a sector's complete assessments add up to. */
export function summariseSector(assessments: readonly SectorSummaryInput[]): SectorSummary {
  const levels = Object.fromEntries(CAPABILITY_LEVELS.map((l) => [l, 0])) as Record<CapabilityLevel, number>;
  const ratioSums = Object.fromEntries(CAPABILITY_GROUPS.map((g) => [g, 0])) as Record<
    CapabilityGroup,
    number
  >;
  let total = 0;
  let verified = 0;
  for (const a of assessments) {
    if (a.level) levels[a.level]++;
    if (a.verified) verified++;
    total += a.score;
    for (const g of CAPABILITY_GROUPS) ratioSums[g] += a.groups[g].ratio;
  }
  const n = assessments.length;
  const meanRatio = (g: CapabilityGroup) => (n ? ratioSums[g] / n : 0);
  const averages = {
    ...(Object.fromEntries(
      CAPABILITY_GROUPS.map((g) => [g, round(meanRatio(g) * CAPABILITY_GROUP_INFO[g].max, 2)]),
    ) as Record<CapabilityGroup, number>),
    total: n ? round(total / n, 2) : 0,
  };
  const weakestGroups = CAPABILITY_GROUPS.map((g) => ({ group: g, ratio: round(meanRatio(g), 4) })).sort(
    (a, b) => a.ratio - b.ratio,
  );
  return { count: n, verified, levels, averages, weakestGroups };
}
