/**
 * How `npm test` shares a whole run's test files between lanes (mocha processes side by side):
 * longest first, each to the lane with the least recorded time so far, so that the lanes end
 * together. A file with no record yet (a new one) counts as an average file. Each lane runs its
 * files in the order of their names.
 */
export function shareIntoLanes(
  files: string[],
  lanes: number,
  recordedSeconds: Record<string, number>,
): string[][] {
  const known = files.map((f) => recordedSeconds[f]).filter((s): s is number => typeof s === 'number');
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const secondsOf = (f: string) => recordedSeconds[f] ?? average;
  const groups = Array.from({ length: Math.max(1, lanes) }, () => ({ files: [] as string[], seconds: 0 }));
  for (const file of [...files].sort((a, b) => secondsOf(b) - secondsOf(a) || a.localeCompare(b))) {
    const lightest = groups.reduce((min, g) => (g.seconds < min.seconds ? g : min));
    lightest.files.push(file);
    lightest.seconds += secondsOf(file);
  }
  return groups.filter((g) => g.files.length > 0).map((g) => g.files.sort());
}
