/**
 * Issue 7's journey in Debian Chromium against a whole running exchange serving the built
 * client: the buyer pays the deal's fee by bank transfer, an operator confirms the money
 * arrived, and the buyer sees the deal closed with a receipt.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { agreedDeal } from '../api/payments-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

/** The buyer owes the whole success fee: one line, so one confirmed transfer closes the deal. */
const BUYER_PAYS = JSON.stringify({
  successFee: {
    percentBps: 200,
    min: { VND: 2_000_000, USD: 10_000 },
    max: { VND: 500_000_000, USD: 2_500_000 },
    payer: 'buyer',
  },
  brokerShareBps: 3000,
});

describe('browser: paying a deal’s fee by bank transfer', function () {
  this.timeout(120000);
  const web = useBrowserExchange({ FEE_SCHEDULE: BUYER_PAYS });

  async function signIn(email: string): Promise<Page> {
    const context = await web.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${web.exchange.url}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    return page;
  }

  it('when the buyer pays by bank transfer and an operator confirms, then the deal shows closed and a receipt', async () => {
    const app = web.exchange.url as unknown as Express;
    const seller: Member = await signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Sinh học' });
    const buyer: Member = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Dược phẩm Miền Bắc' });
    const admin = await signInAdmin(app);
    const dealId = await agreedDeal(seller, buyer, {
      price: 800_000_000,
      title: 'Quy trình chiết xuất hoạt chất',
    });

    const page = await signIn(buyer.user.email);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.exchange.url}/deals/${dealId}`);
    await page.getByTestId('fees-panel').waitFor();
    // 2 % of 800,000,000 ₫, all owed by the buyer.
    assert.match(await page.getByTestId('fee-buyer').innerText(), /16\.000\.000/);
    await page.getByTestId('pay-bank-buyer').click();
    await page.getByTestId('bank-instructions').waitFor();
    await assertNoSeriousAxeFindings(page, 'the bank transfer instructions');
    const reference = (await page.getByTestId('bank-reference').innerText()).trim();
    assert.match(reference, /^TX-[A-Z2-9]{6}$/);
    assert.match(await page.getByTestId('bank-amount').innerText(), /16\.000\.000/);
    const payment = await PaymentModel.findOne({ reference }).lean();
    assert.ok(payment);
    const paymentId = String(payment._id);

    const operator = await signIn(admin.user.email);
    await operator.goto(`${web.exchange.url}/admin/payments`);
    await operator.getByTestId(`confirm-${paymentId}`).click();
    // The transfer counts as received once the statement's amount, reference and date are typed.
    await operator.getByTestId(`transfer-amount-${paymentId}`).fill('16.000.000');
    await operator.getByTestId(`transfer-reference-${paymentId}`).fill('FT26337000123');
    await assertNoSeriousAxeFindings(operator, 'the transfer confirmation form');
    await operator.getByTestId(`transfer-submit-${paymentId}`).click();
    await operator.locator(`[data-testid="admin-payment-${paymentId}"] [data-status="paid"]`).waitFor();
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');
    assert.equal((await PaymentModel.findById(paymentId).lean())!.bankReceipt?.amount, 16_000_000);

    await page.reload();
    await page.locator('[data-testid="fee-buyer"] [data-status="paid"]').waitFor();
    await page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    await assertNoSeriousAxeFindings(page, 'the closed deal with its receipt');
    assert.equal(await page.getByTestId('deal-status').first().innerText(), 'Thành công');
    const receiptHref = await page.getByTestId(`receipt-${paymentId}`).getAttribute('href');
    assert.ok(receiptHref);
    const receipt = await page.context().newPage();
    await receipt.goto(`${web.exchange.url}${receiptHref}`);
    const text = await receipt.locator('body').innerText();
    assert.match(text, /Biên lai thanh toán/);
    assert.ok(text.includes(reference.replace('TX-', 'RC-')));
    assert.ok(text.includes('Công ty Dược phẩm Miền Bắc'));
    assert.match(text, /16\.000\.000/);
    assert.deepEqual(errors, []);
    await page.context().close();
    await operator.context().close();
  });
});
