/**
 * Where browser tests put screenshots: SCREENSHOT_DIR (the README's come from there), else the
 * run's temp folder. `wanted` says whether the README's screenshots are being taken.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const screenshotsWanted = (): boolean => Boolean(process.env.SCREENSHOT_DIR);

export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOT_DIR ?? process.env.TEST_TMP_DIR ?? os.tmpdir();
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
