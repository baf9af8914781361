/**
 * Issue 14's statistics in Chromium, against a whole running exchange serving the built client
 * (`npm run build:client` first), on a database seeded across months, fields and provinces: the
 * operator opens the statistics from the navigation, the charts are drawn, a period applied
 * changes the figures to those counted from the seed, and an export downloads a CSV whose
 * figures are the seed's; a visitor reads the open-data page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Express } from 'express';
import { parse as parseCsv } from 'csv-parse/sync';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin } from '../helpers/factories';
import { expectedFigures, seedStatistics } from '../api/stats-seed';

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
