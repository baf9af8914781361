/**
 * Issue 3's journey in Debian Chromium: an institute writes an offer and submits it, an
 * operator approves it, an enterprise finds it by a query typed without diacritics and opens it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: an offer from draft to being found', function () {
  this.timeout(120000);
  const web = useBrowserExchange();

  async function signedInPage(email: string): Promise<Page> {
    const context = await web.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${web.exchange.url}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    return page;
  }

  it('when an institute submits an offer and an operator approves it, then an enterprise finds it without diacritics and opens it', async () => {
    await signUp(web.exchange.url, {
      email: 'vien@moitruong.example.vn',
      kind: 'institute',
      orgName: 'Viện Công nghệ Môi trường Thăng Long',
    });
    await signUp(web.exchange.url, {
      email: 'dn@detnhuom.example.vn',
      orgName: 'Công ty Dệt nhuộm Nam Định',
    });
    await signInAdmin(web.exchange.url, 'operator@san.example.vn');

    const institute = await signedInPage('vien@moitruong.example.vn');
    await institute.goto(`${web.exchange.url}/offers/new`);
    await institute.fill('input[name="title"]', 'Công nghệ xử lý nước thải dệt nhuộm bằng màng lọc gốm');
    await institute.fill('#offer-summary', 'Màng gốm chịu nhiệt loại bỏ màu và COD của nước thải dệt nhuộm.');
    await institute.fill(
      '#offer-description',
      'Hệ thống 200 m³/ngày, thí điểm tại Nam Định, nước sau xử lý đạt cột B.',
    );
    await institute.selectOption('select[name="field"]', 'engineering_technology');
    await institute.selectOption('select[name="subField"]', 'environmental_engineering');
    await institute.selectOption('select[name="trl"]', '7');
    await institute.selectOption('select[name="province"]', 'ninh_binh');
    await institute.check('input[name="transferModes"][value="license_non_exclusive"]');
    await institute.check('input[name="pricing.model"][value="negotiable"]');
    await assertNoSeriousAxeFindings(institute, 'the offer form filled in');
    await institute.getByTestId('submit-review').click();
    await institute.waitForURL(/\/offers\/[0-9a-f]{24}$/);
    const offerId = /\/offers\/([0-9a-f]{24})$/.exec(institute.url())![1];

    const operator = await signedInPage('operator@san.example.vn');
    await operator.goto(`${web.exchange.url}/admin/queue`);
    await operator.getByTestId(`approve-${offerId}`).click();
    await operator.getByTestId(`queue-item-${offerId}`).waitFor({ state: 'detached' });

    const enterprise = await signedInPage('dn@detnhuom.example.vn');
    await enterprise.goto(`${web.exchange.url}/search`);
    const hit = enterprise.locator(
      `[data-testid="search-result"][data-id="${offerId}"] [data-testid="search-hit"]`,
    );
    // The enterprise types the query (the page may already list the offer among the newest);
    // the index follows the database within about a second: search again until the offer is in.
    for (let attempt = 0; attempt === 0 || (attempt < 20 && !(await hit.count())); attempt++) {
      await enterprise.getByTestId('search-input').fill('xu ly nuoc thai det nhuom');
      await enterprise.getByTestId('search-submit').click();
      await enterprise.getByTestId('search-total').waitFor();
      await enterprise.waitForTimeout(300);
    }
    assert.match((await hit.innerHTML()) ?? '', /<mark>/);
    await assertNoSeriousAxeFindings(enterprise, 'search results');
    await hit.click();
    await enterprise.getByTestId('listing-title').waitFor();
    await assertNoSeriousAxeFindings(enterprise, 'the listing page');
    assert.equal(
      await enterprise.getByTestId('listing-title').textContent(),
      'Công nghệ xử lý nước thải dệt nhuộm bằng màng lọc gốm',
    );
    assert.match((await enterprise.getByTestId('listing-org').textContent()) ?? '', /Thăng Long/);
  });
});
