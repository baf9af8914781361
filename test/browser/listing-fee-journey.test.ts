/**
 * Listing fees in Debian Chromium against a running exchange whose schedule charges one: the
 * institute's "submit for review" saves the draft and leads to the listing's page, where the fee
 * is the step before submitting; paid by bank transfer and confirmed by an operator, the listing is
 * submitted; rejected, the fee shows refunded and is asked again.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { DEFAULT_FEE_SCHEDULE } from '../../server/fees';

const WITH_LISTING_FEES = JSON.stringify({
  ...DEFAULT_FEE_SCHEDULE,
  listingFee: { offer: { VND: 500_000 } },
});

describe('browser: paying a listing fee before submitting for review', function () {
  this.timeout(120000);
  const web = useBrowserExchange({ FEE_SCHEDULE: WITH_LISTING_FEES });

  async function signIn(email: string): Promise<Page> {
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

  it('when the institute submits, then it is asked the fee first; paid and confirmed, the offer is submitted; rejected, the fee is refunded', async () => {
    const app = web.exchange.url as unknown as Express;
    const institute = await signUp(app, {
      email: 'vien@sinhhoc.example.vn',
      kind: 'institute',
      orgName: 'Viện Công nghệ Sinh học',
    });
    const admin = await signInAdmin(app);

    const page = await signIn(institute.user.email);
    await page.goto(`${web.exchange.url}/offers/new`);
    await page.fill('input[name="title"]', 'Quy trình nhân giống lan bằng nuôi cấy mô');
    await page.fill('#offer-summary', 'Nhân nhanh cây giống lan sạch bệnh trong phòng thí nghiệm.');
    await page.fill('#offer-description', 'Quy trình 5 bước, hệ số nhân 8 lần mỗi chu kỳ.');
    await page.selectOption('select[name="field"]', 'agricultural_sciences');
    await page.selectOption('select[name="subField"]', 'high_tech_agriculture');
    await page.selectOption('select[name="trl"]', '7');
    await page.selectOption('select[name="province"]', 'ha_noi');
    await page.check('input[name="transferModes"][value="license_non_exclusive"]');
    await page.check('input[name="pricing.model"][value="negotiable"]');
    await page.getByTestId('submit-review').click();

    // Saved as a draft; the listing's page shows the fee as the step before submitting.
    await page.waitForURL(/\/offers\/[0-9a-f]{24}$/);
    const offerId = /\/offers\/([0-9a-f]{24})$/.exec(page.url())![1];
    await page.getByTestId('notice-feeDue').waitFor();
    const step = page.getByTestId('listing-fee');
    await step.waitFor();
    assert.equal(await step.getAttribute('data-due'), 'true');
    assert.match(await page.getByTestId('listing-fee-amount').innerText(), /500\.000/);
    assert.equal(await page.getByTestId(`submit-${offerId}`).isDisabled(), true);
    await page.getByTestId('listing-fee-pay-bank').click();
    await page.getByTestId('bank-instructions').waitFor();
    await assertNoSeriousAxeFindings(page, 'the listing fee step with transfer instructions');
    await page.locator('[data-testid="listing-fee-status"][data-status="pending"]').waitFor();

    // An operator confirms the transfer; the owner submits.
    const fee = (await admin.agent.get(`/api/offers/${offerId}/listing-fee`).expect(200)).body;
    await admin.agent.post(`/api/admin/payments/${fee.payment.id}/confirm`).send({}).expect(200);
    await page.reload();
    await page.locator('[data-testid="listing-fee-status"][data-status="paid"]').waitFor();
    await page.getByTestId(`submit-${offerId}`).click();
    await page.locator('[data-testid="listing-page"][data-status="pending_review"]').waitFor();

    // Rejected, the fee is refunded and asked again.
    await admin.agent
      .post(`/api/admin/offers/${offerId}/reject`)
      .send({ reason: 'Thiếu thông tin sở hữu trí tuệ' })
      .expect(200);
    await page.reload();
    await page.getByTestId('rejection-reason').waitFor();
    await page.locator('[data-testid="listing-fee-status"][data-status="refunded"]').waitFor();
    assert.equal(await page.getByTestId('listing-fee-hint').getAttribute('data-hint'), 'refunded');
    await page.getByTestId('listing-fee-pay-bank').waitFor();

    // My listings links the draft to its fee.
    await page.goto(`${web.exchange.url}/my/listings`);
    await page.getByTestId(`listing-fee-link-${offerId}`).waitFor();
  });
});
