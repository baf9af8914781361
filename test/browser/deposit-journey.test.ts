/**
 * A bid deposit in Debian Chromium against a whole running exchange serving the built client:
 * an auction asks each bidder a deposit; a visitor reads it among the auction's prices; a member
 * of an enterprise finds the bid form closed until the deposit is paid, pays it by bank transfer
 * and reads the reference to quote; an operator confirms the transfer (through the API); the
 * member, reloading, finds the form open, places a bid and sees it listed.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { publishedOffer } from '../api/deals-helpers';
import { BidModel } from '../../server/bids/bid.model';
import { PaymentModel } from '../../server/payments/payment.model';

const TITLE = 'Công nghệ sản xuất phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp';
/** The auction's starting price and the fixed deposit each bidder pays before bidding. */
const STARTING_PRICE = 100_000_000;
const DEPOSIT = 10_000_000;
/** Intl writes money with no-break spaces. */
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, ' ').trim();

describe('browser: paying an auction’s bid deposit before bidding', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  it('when a bidder pays the deposit by bank transfer and an operator confirms it, then the bid form opens and the bid is listed', async () => {
    const seller = await signUp(web.exchange.url, {
      kind: 'institute',
      orgName: 'Viện Thổ nhưỡng Nông hóa',
    });
    const bidder = await signUp(web.exchange.url, {
      kind: 'enterprise',
      orgName: 'Công ty Phân bón Đồng Xanh',
    });
    const operator = await signInAdmin(web.exchange.url);
    const offerId = await publishedOffer(seller, {
      title: TITLE,
      pricing: {
        model: 'auction',
        amount: STARTING_PRICE,
        reservePrice: STARTING_PRICE,
        currency: 'VND',
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000),
        deposit: DEPOSIT,
      },
    });

    // A visitor reads the deposit among the auction's prices.
    const visitor = await web.newPage('vi-VN');
    visitor.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await visitor.goto(`${web.exchange.url}/offers/${offerId}`);
    await visitor.getByTestId('listing-title').waitFor();
    assert.equal(await text(visitor, 'fact-deposit'), '10.000.000 ₫');
    assert.equal(
      await visitor
        .locator('dt')
        .filter({ hasText: /^Đặt cọc$/ })
        .count(),
      1,
    );
    assert.equal(await visitor.getByTestId('deposit-panel').count(), 0);

    // The bidder, in Vietnamese (their account's language), finds the bid form closed until the
    // deposit is paid, and says why.
    const page = await web.signedInPage(bidder.user.email);
    await page.goto(`${web.exchange.url}/offers/${offerId}`);
    const panel = page.getByTestId('deposit-panel');
    await panel.waitFor();
    assert.equal(await text(page, 'fact-deposit'), '10.000.000 ₫');
    assert.equal(await panel.getByRole('heading', { name: 'Tiền đặt cọc' }).count(), 1);
    assert.equal(await text(page, 'deposit-amount'), '10.000.000 ₫');
    assert.equal(await page.getByTestId('deposit-status').getAttribute('data-status'), 'none');
    assert.equal(await text(page, 'deposit-status'), 'Chưa thanh toán');
    assert.equal(
      await text(page, 'deposit-hint'),
      'Phiên đấu giá này yêu cầu mỗi bên đặt giá nộp tiền đặt cọc. Mẫu đặt giá sẽ mở khi tiền đặt cọc đã được thanh toán.',
    );
    const form = page.getByTestId('bid-form');
    assert.equal(await form.getAttribute('data-blocked'), 'true');
    assert.equal(
      await text(page, 'bid-form-blocked'),
      'Bạn có thể đặt giá khi tiền đặt cọc của tổ chức bạn đã được thanh toán.',
    );
    assert.equal(await page.getByTestId('bid-amount').isDisabled(), true);
    assert.equal(await page.getByTestId('bid-submit').isDisabled(), true);
    await assertNoSeriousAxeFindings(page, 'an auction asking a deposit before bidding');

    // The bidder pays by bank transfer: the instructions give the amount and the reference to quote.
    assert.equal(await text(page, 'deposit-pay-bank'), 'Nộp tiền đặt cọc bằng chuyển khoản');
    await page.getByTestId('deposit-pay-bank').click();
    await panel.getByTestId('bank-instructions').waitFor();
    assert.equal(await text(page, 'bank-amount'), '10.000.000 ₫');
    const reference = await text(page, 'bank-reference');
    assert.match(reference, /^TX-[A-Z2-9]{6}$/);
    await page.locator('[data-testid="deposit-status"][data-status="pending"]').waitFor();
    assert.equal(await text(page, 'deposit-status'), 'Chờ thanh toán');
    assert.match(await text(page, 'deposit-hint'), /^Đang chờ xác nhận tiền đặt cọc\./);
    assert.equal(await form.getAttribute('data-blocked'), 'true');
    assert.equal(await page.getByTestId('bid-submit').isDisabled(), true);
    await assertNoSeriousAxeFindings(page, 'the deposit’s bank transfer instructions');
    const payment = await PaymentModel.findOne({ reference }).lean();
    assert.ok(payment);
    assert.equal(payment.purpose, 'bid_deposit');
    assert.equal(payment.amount, DEPOSIT);
    assert.equal(String(payment.offerId), offerId);
    const paymentId = String(payment._id);

    // Coming back before the money arrives, the bidder finds the same transfer to make.
    await page.reload();
    await page.locator('[data-testid="deposit-status"][data-status="pending"]').waitFor();
    assert.equal(await text(page, 'deposit-pay-bank'), 'Xem hướng dẫn chuyển khoản');
    await page.getByTestId('deposit-pay-bank').click();
    await panel.getByTestId('bank-instructions').waitFor();
    assert.equal(await text(page, 'bank-reference'), reference);
    assert.equal(await PaymentModel.countDocuments({ purpose: 'bid_deposit' }), 1);

    // An operator confirms the transfer with what the bank statement shows.
    const confirmed = await operator.agent
      .post(`/api/admin/payments/${paymentId}/confirm`)
      .send({ amount: DEPOSIT, bankReference: 'FT26341000789', receivedOn: new Date().toISOString() })
      .expect(200);
    assert.equal(confirmed.body.payment.status, 'paid');

    // The bidder reloads: the deposit is paid and the bid form opens.
    await page.reload();
    await page.locator('[data-testid="deposit-status"][data-status="paid"]').waitFor();
    assert.equal(await text(page, 'deposit-status'), 'Đã thanh toán');
    assert.match(await text(page, 'deposit-hint'), /^Tiền đặt cọc đã được thanh toán: bạn có thể đặt giá\./);
    assert.equal(await page.getByTestId('deposit-pay-bank').count(), 0);
    assert.equal(await panel.getByTestId('bank-instructions').count(), 0);
    await page.getByTestId(`receipt-${paymentId}`).waitFor();
    assert.equal(await form.getAttribute('data-blocked'), 'false');
    assert.equal(await page.getByTestId('bid-form-blocked').count(), 0);
    assert.equal(await page.getByTestId('bid-amount').isDisabled(), false);
    await page.getByTestId('bids-empty').waitFor();

    await page.getByTestId('bid-amount').fill('150.000.000');
    await page.getByTestId('bid-transfer-mode').selectOption('license_non_exclusive');
    await page.getByTestId('bid-terms').fill('Chuyển giao quy trình trong 4 tháng, đào tạo 5 kỹ thuật viên.');
    await assertNoSeriousAxeFindings(page, 'the bid form opened by the paid deposit');
    await page.getByTestId('bid-submit').click();
    await page.getByTestId('bid-placed').waitFor();
    const bid = await BidModel.findOne({ listingId: offerId }).lean();
    assert.ok(bid);
    assert.equal(bid.amount, 150_000_000);
    const row = page.getByTestId(`bid-row-${String(bid._id)}`);
    await row.waitFor();
    const rowText = ((await row.textContent()) ?? '').replace(/\s/g, ' ');
    assert.ok(rowText.includes('Công ty Phân bón Đồng Xanh'), rowText);
    assert.ok(rowText.includes('150.000.000 ₫'), rowText);
    assert.ok(rowText.includes('Li-xăng không độc quyền'), rowText);
    assert.ok(rowText.includes('Đã gửi'), rowText);
  });
});
