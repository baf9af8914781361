/**
 * The sample enterprise whose capability score is worked by hand in
 * test/unit/capability-rules.test.ts (51 points, synchronisation .919, level "average").
 */
// prettier-ignore
export const SAMPLE_ANSWERS: Readonly<Record<string, number>> = {
  T1: 3, T2: 3, T3: 4, T4: 2, T5: 2, T6: 3, T7: 3,
  E1: 2, E2: 3, E3: 2, E4: 1, E5: 2,
  O1: 3, O2: 2, O3: 2, O4: 2, O5: 1,
  R1: 1, R2: 1, R3: 1, R4: 0, R5: 1,
  I1: 2, I2: 2, I3: 2, I4: 1,
};
