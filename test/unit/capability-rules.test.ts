/**
 * Scoring a technology-capability assessment (after Circular 17/2019/TT-BKHCN), checked against
 * a sample enterprise worked by hand below.
 */
import assert from 'node:assert/strict';
import {
  CAPABILITY_CRITERIA,
  CAPABILITY_GROUPS,
  CAPABILITY_GROUP_INFO,
} from '../../server/api-contract/capability-criteria';
import {
  criterionPoints,
  levelFor,
  mergeAnswers,
  scoreCapability,
  summariseSector,
  synchronisationOf,
} from '../../server/capability/capability-rules';
import { SAMPLE_ANSWERS } from '../helpers/capability-sample';

/**
 * A food processor with modern, automated lines and middling management, little R&D:
 *   T: T1 3 → 4.5 of 6; T2 3 → 2.25 of 3; T3 4 → 5 of 5; T4 2 → 2 of 4; T5 2 → 2 of 4;
 *      T6 3 → 3 of 4; T7 3 → 3 of 4                                      T = 21.75 of 30
 *   E: E1 2 → 2.5 of 5; E2 3 → 3 of 4; E3 2 → 2 of 4; E4 1 → 1 of 4; E5 2 → 1.5 of 3
 *                                                                         E = 10 of 20
 *   O: O1 3 → 3 of 4; O2 2 → 2 of 4; O3 2 → 2 of 4; O4 2 → 2 of 4; O5 1 → 0.75 of 3
 *                                                                         O = 9.75 of 19
 *   R: R1 1 → 0.75 of 3; R2 1 → 1 of 4; R3 1 → 0.75 of 3; R4 0 → 0 of 4; R5 1 → 0.75 of 3
 *                                                                         R = 3.25 of 17
 *   I: I1 2 → 2 of 4; I2 2 → 2 of 4; I3 2 → 1.5 of 3; I4 1 → 0.75 of 3   I = 6.25 of 14
 *   total 51 of 100.
 * Shares of each group's points: T .725, E .5, O .5132, R .1912, I .4464; their arithmetic
 * mean is .47516, their geometric mean .43670, so the synchronisation coefficient is
 * .43670 / .47516 = .919. 51 points reach "average" (50) and .919 ≥ .75: the level is average.
 */
const SAMPLE = SAMPLE_ANSWERS;

const all = (band: number) => Object.fromEntries(CAPABILITY_CRITERIA.map((c) => [c.code, band]));

describe('capability rules', () => {
  it('the questionnaire follows the circular: 26 criteria, T 30/7, E 20/5, O 19/5, R 17/5, I 14/4, 100 points', () => {
    assert.equal(CAPABILITY_CRITERIA.length, 26);
    const expected = { T: [30, 7], E: [20, 5], O: [19, 5], R: [17, 5], I: [14, 4] } as const;
    for (const g of CAPABILITY_GROUPS) {
      const criteria = CAPABILITY_CRITERIA.filter((c) => c.group === g);
      assert.equal(criteria.length, expected[g][1], `criteria of ${g}`);
      assert.equal(
        criteria.reduce((n, c) => n + c.maxPoints, 0),
        expected[g][0],
        `points of ${g}`,
      );
      assert.equal(CAPABILITY_GROUP_INFO[g].max, expected[g][0]);
    }
    assert.equal(new Set(CAPABILITY_CRITERIA.map((c) => c.code)).size, 26);
    for (const c of CAPABILITY_CRITERIA) assert.equal(c.bands.length, 5, `bands of ${c.code}`);
  });

  it('when the sample enterprise is scored, then every figure is the one worked by hand', () => {
    const s = scoreCapability(SAMPLE);
    assert.deepEqual(Object.fromEntries(CAPABILITY_GROUPS.map((g) => [g, s.groups[g].score])), {
      T: 21.75,
      E: 10,
      O: 9.75,
      R: 3.25,
      I: 6.25,
    });
    assert.equal(s.score, 51);
    assert.equal(s.complete, true);
    assert.equal(s.synchronisation, 0.919);
    assert.equal(s.level, 'average');
    assert.deepEqual(s.weakestGroups, ['R', 'I', 'E', 'O', 'T']);
  });

  it('a band earns its quarter of the criterion’s points', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((b) => criterionPoints(6, b)),
      [0, 1.5, 3, 4.5, 6],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((b) => criterionPoints(3, b)),
      [0, 0.75, 1.5, 2.25, 3],
    );
    assert.equal(scoreCapability(all(4)).score, 100);
    assert.equal(scoreCapability(all(0)).score, 0);
  });

  it('when answers are missing, then the score counts what was answered and no level is given', () => {
    const s = scoreCapability({ T1: 4, R2: 2 });
    assert.equal(s.score, 8);
    assert.equal(s.answered, 2);
    assert.equal(s.complete, false);
    assert.equal(s.level, null);
    assert.equal(s.synchronisation, null);
    assert.equal(s.groups.T.answered, 1);
    assert.equal(s.groups.R.score, 2);
  });

  it('an uneven enterprise ranks below an even one with the same total', () => {
    assert.equal(synchronisationOf([0.5, 0.5, 0.5, 0.5, 0.5]), 1);
    assert.equal(synchronisationOf([1, 1, 1, 1, 0]), 0);
    assert.equal(levelFor(82, 0.95), 'advanced');
    assert.equal(levelFor(82, 0.87), 'above_average');
    assert.equal(levelFor(82, 0.5), 'outdated');
    assert.equal(levelFor(34.9, 1), 'outdated');
    assert.equal(levelFor(35, 0.6), 'below_average');
    // Every group but R and I full: 69 points, but R and I score nothing.
    const lopsided = { ...all(4), R1: 0, R2: 0, R3: 0, R4: 0, R5: 0, I1: 0, I2: 0, I3: 0, I4: 0 };
    const s = scoreCapability(lopsided);
    assert.equal(s.score, 69);
    assert.equal(s.synchronisation, 0);
    assert.equal(s.level, 'outdated');
  });

  it('a save merges over the answers before it, and a null clears one', () => {
    assert.deepEqual(mergeAnswers({ T1: 1, T2: 2 }, { T2: 3, E1: 0, T1: null }), { T2: 3, E1: 0 });
  });

  it('a sector sums up: levels counted, group means in points, the weakest group first', () => {
    const a = scoreCapability(SAMPLE);
    const b = scoreCapability(all(4));
    const summary = summariseSector([
      { level: a.level, groups: a.groups, score: a.score, verified: true },
      { level: b.level, groups: b.groups, score: b.score, verified: false },
    ]);
    assert.equal(summary.count, 2);
    assert.equal(summary.verified, 1);
    assert.equal(summary.levels.average, 1);
    assert.equal(summary.levels.advanced, 1);
    assert.equal(summary.averages.total, 75.5);
    assert.equal(summary.averages.R, 10.13);
    assert.equal(summary.averages.T, 25.88);
    assert.equal(summary.weakestGroups[0].group, 'R');
  });
});
