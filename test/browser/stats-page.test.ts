/**
 * Issue 14's statistics in Chromium, against a whole running exchange serving the built client
 * (`npm run build:client` first), on a database seeded across months, fields and provinces: the
 * operator opens the statistics from the navigation, the charts are drawn, a period applied
 * changes the figures to those counted from the seed, and an export downloads a CSV whose
 * figures are the seed's; the listings by sub-field and the deals by transfer mode are the seed's;
 * the printable report of the period shows its tables by field and by transfer mode, and prints
 * without the site's navigation; a visitor reads the open-data page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Express } from 'express';
import type { Locator } from 'playwright-core';
import { parse as parseCsv } from 'csv-parse/sync';
import { FIELD_CODES, TAXONOMY, findField, subFieldLabel } from '../../server/api-contract/taxonomy';
import en from '../../client/src/i18n/en.json';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { expectedFigures, FIELDS, seedStatistics, type Seed } from '../api/stats-seed';

/** Each body row of a table, as the text of its cells. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push(await rows.nth(i).locator('th, td').allTextContents());
  return out;
}
const sorted = (rows: string[][]) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));

/** Amounts by currency as an English reader sees them: "$12,000.00 · ₫3,000,000". */
function money(byCurrency: Record<string, number>): string {
  const digits = (c: string) => (c === 'USD' ? 2 : 0);
  return (
    Object.keys(byCurrency)
      .sort()
      .filter((c) => byCurrency[c] !== 0)
      .map((c) =>
        new Intl.NumberFormat('en-US', {
          style: 'currency',
          currency: c,
          minimumFractionDigits: digits(c),
          maximumFractionDigits: digits(c),
        }).format(byCurrency[c] / 10 ** digits(c)),
      )
      .join(' · ') || '0'
  );
}

/**
 * The by-field rows of the report for `months`, counted from the seed, in the taxonomy's order
 * (fields with nothing left out).
 */
function byFieldRows(seed: Seed, months: string[]): string[][] {
  const figures = expectedFigures(seed, months);
  const inPeriod = (at: Date | undefined) => !!at && months.includes(at.toISOString().slice(0, 7));
  const fields = FIELD_CODES.filter((f) => (FIELDS as readonly string[]).includes(f));
  return fields
    .map((field) => {
      const supply = figures.supplyDemand.find((r) => r.field === field);
      const deals = seed.deals.filter((d) => d.listing.field === field);
      return [
        supply?.offers ?? 0,
        supply?.demands ?? 0,
        figures.deals.byField[field] ?? 0,
        deals.filter((d) => inPeriod(d.agreedAt)).length,
        deals.filter((d) => d.status === 'closed_won' && inPeriod(d.closedAt)).length,
      ];
    })
    .map((counts, i) => ({ field: fields[i], counts }))
    .filter((r) => r.counts.some((n) => n > 0))
    .map((r) => [
      findField(r.field)!.label.en,
      ...r.counts.map(String),
      money(figures.agreedValueByField[r.field] ?? {}),
    ]);
}

describe('browser: the statistics pages', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  it('an operator opens the statistics, sees the charts, applies a period and downloads an export', async () => {
    const seed = await seedStatistics();
    const operator = await signInAdmin(web.exchange.httpServer as unknown as Express);
    const context = await web.newContext({ locale: 'en-US', acceptDownloads: true });
    const login = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: operator.user.email, password: PASSWORD },
    });
    assert.equal(login.status(), 200);
    await context.addInitScript(`localStorage.setItem('techexchange.locale', 'en')`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${web.exchange.url}/admin`);
    await page.getByTestId('nav-stats').click();
    await page.waitForURL(/\/admin\/stats$/);
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    const offersNow = page.getByTestId('stats-total-offers').locator('td').first();
    const allMonths = expectedFigures(seed, [
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    assert.equal(await offersNow.textContent(), allMonths.offers.total.toLocaleString('en-US'));

    // The charts are drawn (SVG), each titled, each with its figures as a table.
    await page.locator('[data-testid="stats-chart-series"] svg.recharts-surface').first().waitFor();
    for (const chart of ['series', 'funnel', 'supply', 'value']) {
      const figure = page.getByTestId(`stats-chart-${chart}`);
      assert.ok((await figure.locator('svg.recharts-surface').count()) >= 1, chart);
      assert.ok(((await figure.locator('figcaption h2').textContent()) ?? '').length > 5, chart);
    }
    await page.getByTestId('stats-chart-funnel').getByText('Show the figures as a table').click();
    const funnelTable = page.getByTestId('stats-chart-funnel').locator('table');
    await funnelTable.waitFor();

    // A period applied: the figures become the period's, with the previous period beside them.
    await page.getByTestId('stats-from').fill('2026-01');
    await page.getByTestId('stats-to').fill('2026-03');
    await page.getByTestId('stats-apply').click();
    await page.waitForURL(/from=2026-01&to=2026-03/);
    const period = expectedFigures(seed, ['2026-01', '2026-02', '2026-03']);
    const previous = expectedFigures(seed, ['2025-10', '2025-11', '2025-12']);
    assert.notEqual(period.offers.total, allMonths.offers.total);
    await page.getByTestId('stats-period').getByText('2026-01 to 2026-03 (3 months)').waitFor();
    const row = (key: string) => page.getByTestId(`stats-total-${key}`).locator('td');
    assert.equal(await row('offers').nth(0).textContent(), String(period.offers.total));
    assert.equal(await row('offers').nth(1).textContent(), String(previous.offers.total));
    assert.equal(await row('dealsOpened').nth(0).textContent(), String(period.funnel.dealsOpened));
    assert.equal(await row('agreed').nth(0).textContent(), String(period.funnel.agreed));
    const funnelRows = await funnelTable.locator('tbody tr').allTextContents();
    assert.ok(funnelRows[0].startsWith(`Published${period.funnel.published}`), funnelRows[0]);

    // The deals report of the period, downloaded as CSV, holds the period's figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-export-deals-csv').click(),
    ]);
    assert.match(download.suggestedFilename(), /^statistics-deals-2026-01-01-2026-04-01\.csv$/);
    const rows = parseCsv(fs.readFileSync((await download.path())!, 'utf8'), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const sum = (col: string) => rows.reduce((a, r) => a + Number(r[col] || 0), 0);
    assert.equal(sum('opened'), period.funnel.dealsOpened);
    assert.equal(sum('agreed'), period.funnel.agreed);
    assert.equal(sum('agreed_value_VND'), period.dealValue.VND ?? 0);

    // The listings by sub-field: drawn from the seeded listings that name one, each sub-field's figures as the seed's.
    const subFields = page.getByTestId('stats-chart-subfields');
    assert.ok(
      (await subFields.locator('.recharts-bar-rectangle').count()) > 0,
      'the sub-field bars are drawn',
    );
    await subFields.getByText('Show the figures as a table').click();
    assert.ok(period.subFields.length >= 4, 'the period has listings in several sub-fields');
    assert.deepEqual(
      sorted(await tableRows(subFields.locator('table'))),
      sorted(
        period.subFields.map((r) => [
          subFieldLabel(r.subField)!.en,
          ...[r.offers, r.demands, r.offersPublished, r.demandsPublished].map(String),
        ]),
      ),
    );
    // The agreed deals by the agreed sheet's transfer mode.
    const modeLabel = (mode: string) => en.enum.transferMode[mode as keyof typeof en.enum.transferMode];
    const expectedModes = period.transferModes.map((r) => [
      modeLabel(r.transferMode),
      String(r.agreed),
      String(r.closedWon),
      money(r.agreedValue),
    ]);
    assert.ok(expectedModes.length >= 2, 'the period has deals agreed under several transfer modes');
    const modes = page.getByTestId('stats-chart-modes');
    await modes.locator('svg.recharts-surface').first().waitFor();
    await modes.getByText('Show the figures as a table').click();
    assert.deepEqual(sorted(await tableRows(modes.locator('table'))), sorted(expectedModes));

    // The printable report of the same period, from the statistics.
    await page.getByTestId('stats-report-link').click();
    await page.waitForURL(/\/admin\/stats\/report\?from=2026-01&to=2026-03$/);
    await page
      .getByRole('heading', { level: 1, name: 'Periodic activity report of Technology Exchange' })
      .waitFor();
    assert.equal(
      await page.getByTestId('report-period').textContent(),
      'Reporting period: January 2026 to March 2026 (3 months).',
    );
    const byField = page.getByTestId('report-by-field');
    await byField.waitFor();
    const fieldRows = await tableRows(byField);
    const total = fieldRows.pop()!;
    const expectedFields = byFieldRows(seed, ['2026-01', '2026-02', '2026-03']);
    assert.deepEqual(fieldRows, expectedFields);
    const column = (i: number) => String(expectedFields.reduce((a, r) => a + Number(r[i]), 0));
    assert.deepEqual(total, [
      'Total',
      column(1),
      column(2),
      column(3),
      column(4),
      column(5),
      money(period.dealValue),
    ]);
    assert.equal(column(3), String(period.funnel.dealsOpened));
    const modeRows = await tableRows(page.getByTestId('report-by-mode'));
    assert.deepEqual(modeRows.pop(), [
      'Total',
      String(period.funnel.agreed),
      String(period.funnel.closedWon),
      money(period.dealValue),
    ]);
    assert.deepEqual(sorted(modeRows), sorted(expectedModes));
    // The totals beside the previous period's: what each period published, counted from the seed.
    const published = (months: string[], kind: 'offers' | 'demands') =>
      String(expectedFigures(seed, months).supplyDemand.reduce((a, r) => a + r[kind], 0));
    const before = ['2025-10', '2025-11', '2025-12'];
    const now = ['2026-01', '2026-02', '2026-03'];
    // The previous period's column is read apart ('…' until then); its note comes with it.
    await page.getByText(/^The previous period is /).waitFor();
    const reportTotals = await tableRows(page.getByTestId('report-totals'));
    assert.deepEqual(reportTotals[0].slice(0, 3), [
      'Offers published',
      published(now, 'offers'),
      published(before, 'offers'),
    ]);
    assert.deepEqual(reportTotals[1].slice(0, 3), [
      'Demands published',
      published(now, 'demands'),
      published(before, 'demands'),
    ]);
    assert.ok(await page.getByTestId('report-by-subfield').isVisible());
    await assertNoSeriousAxeFindings(page, 'the printable report');
    // On paper: the report alone, without the site's header, footer, form or buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    assert.equal(await page.getByTestId('report-print').isVisible(), false);
    assert.equal(await page.getByTestId('stats-filter').isVisible(), false);
    assert.equal(await byField.isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    // In Vietnamese too.
    await page.getByTestId('lang-vi').click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Báo cáo định kỳ tình hình hoạt động của Sàn giao dịch công nghệ',
      })
      .waitFor();
    const firstField = TAXONOMY.find((f) => f.label.en === expectedFields[0][0])!;
    await byField.locator('tbody th').first().getByText(firstField.label.vi, { exact: true }).waitFor();
    assert.deepEqual(errors, []);

    // Anyone reads the open data, from the footer.
    const visitorContext = await web.newContext({ locale: 'en-US' });
    await visitorContext.addInitScript(`localStorage.setItem('techexchange.locale', 'en')`);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${web.exchange.url}/`);
    await visitor.getByTestId('footer-open-data').click();
    await visitor.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await visitor.locator('[data-testid="open-data-chart-month"] svg.recharts-surface').first().waitFor();
    const totals = await visitor.getByTestId('open-data-totals').textContent();
    assert.match(totals ?? '', new RegExp(`Deals opened${allMonths.funnel.dealsOpened}`));
    assert.ok(!(totals ?? '').includes(seed.brokers[0].name));
  });
});
