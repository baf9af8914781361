import {
  CAPABILITY_BAND_COUNT,
  CAPABILITY_CRITERIA,
  CAPABILITY_GROUP_INFO,
  type CapabilityGroup,
} from '@contract/capability-criteria';
import type { Answers } from './capabilityApi';

export interface GroupProgress {
  answered: number;
  criteria: number;
  points: number;
  max: number;
}

/** The criteria of a group, in the questionnaire's order. */
export const criteriaOf = (group: CapabilityGroup) => CAPABILITY_CRITERIA.filter((c) => c.group === group);

/**
 * How far a group is answered and the points its answers earn so far, before they are saved:
 * band n of 0–4 earns n/4 of a criterion's points (the contract's rule; the server scores the same).
 */
export function groupProgress(group: CapabilityGroup, answers: Answers): GroupProgress {
  const criteria = criteriaOf(group);
  let answered = 0;
  let points = 0;
  for (const c of criteria) {
    const band = answers[c.code];
    if (band === undefined) continue;
    answered++;
    points += (c.maxPoints * band) / (CAPABILITY_BAND_COUNT - 1);
  }
  return {
    answered,
    criteria: criteria.length,
    points: Math.round(points * 100) / 100,
    max: CAPABILITY_GROUP_INFO[group].max,
  };
}
