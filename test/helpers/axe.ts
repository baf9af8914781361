/**
 * Accessibility checks in the browser tests: axe-core (the engine behind most accessibility
 * checkers) run inside the page against WCAG 2.0–2.2 A and AA rules. The tests hold the main
 * journeys to no serious or critical violation.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical WCAG A/AA violations axe finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Strings, not functions: they run in the page, whose DOM types this Node project does not load.
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  // Evaluated through the devtools protocol, which the exchange's CSP (no inline scripts) does not govern.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact || 'unknown',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
      })),
    )
  `)) as AxeFinding[];
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** A readable list of findings for an assertion message. */
export function describeFindings(where: string, findings: AxeFinding[]): string {
  return findings
    .map((f) => `${where}: ${f.id} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

/** Fails the test when axe finds a serious or critical WCAG A/AA violation on the page as it is now. */
export async function assertNoSeriousAxeFindings(page: Page, where: string): Promise<void> {
  const findings = await axeViolations(page);
  if (findings.length)
    throw new Error(`axe-core found serious or critical violations\n${describeFindings(where, findings)}`);
}
