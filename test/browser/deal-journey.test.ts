/**
 * An enterprise bids on an institute's offer, the institute accepts, and both agree on version 2
 * of the terms — each in their own Chromium context, against a whole running exchange serving the
 * built client (`npm run build:client` first).
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import { publishedOffer } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: a bid becomes an agreed deal', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  /** A browser context signed in as `member` through the API; the session cookie stays in the context. */
  async function signedIn(member: Member, locale: string): Promise<{ page: Page; errors: string[] }> {
    const context = await web.newContext({ locale });
    const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: member.user.email, password: PASSWORD },
    });
    assert.equal(res.status(), 200);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  it('the enterprise bids, the institute accepts, and both accept version 2 of the terms, each binding click confirmed', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, {
      kind: 'institute',
      orgName: 'Viện Sinh học Nông nghiệp',
      name: 'Lê Thị Hoa',
    });
    const enterprise = await signUp(app, {
      kind: 'enterprise',
      orgName: 'Công ty Phân bón Sông Hồng',
      name: 'Phạm Văn Nam',
    });
    const offerId = await publishedOffer(institute, { title: 'Chế phẩm vi sinh xử lý phụ phẩm nông nghiệp' });
    const seller = await signedIn(institute, 'vi-VN');
    const buyer = await signedIn(enterprise, 'en-GB');

    // The enterprise places its bid.
    await buyer.page.goto(`${web.exchange.url}/offers/${offerId}/bids`);
    await buyer.page.getByTestId('bid-form').waitFor();
    await assertNoSeriousAxeFindings(buyer.page, 'the bid form');
    await buyer.page.getByTestId('bid-amount').fill('250.000.000');
    await buyer.page.getByTestId('bid-transfer-mode').selectOption('license_non_exclusive');
    await buyer.page.getByTestId('bid-terms').fill('Chuyển giao trong 6 tháng');
    await buyer.page.getByTestId('bid-submit').click();
    await buyer.page.getByTestId('bid-placed').waitFor();
    await buyer.page.locator('[data-testid^="bid-row-"][data-amount="250000000"]').waitFor();

    // The institute sees it and accepts: the deal page opens with the bid as version 1.
    await seller.page.goto(`${web.exchange.url}/offers/${offerId}/bids`);
    const accept = seller.page.locator('[data-testid^="accept-bid-"]');
    await accept.waitFor();
    await accept.click();
    // Accepting binds: the first click only asks, naming the amount; nothing is written yet.
    const question = seller.page.locator('[data-testid^="question-accept-bid-"]');
    assert.match(await question.innerText(), /250[.,]000[.,]000/);
    await assertNoSeriousAxeFindings(seller.page, 'the confirmation before accepting a bid');
    assert.equal(await DealModel.countDocuments({}), 0);
    await seller.page.locator('[data-testid^="confirm-accept-bid-"]').click();
    await seller.page.waitForURL(/\/deals\/[0-9a-f]{24}$/);
    const dealId = seller.page.url().split('/').pop()!;
    await seller.page.locator('[data-testid="deal-page"][data-status="negotiating"]').waitFor();
    await seller.page.locator('[data-testid="term-sheets"][data-latest="1"]').waitFor();

    // The institute proposes version 2 at a higher price.
    await seller.page.getByTestId('terms-price').fill('300.000.000');
    await seller.page.getByTestId('terms-duration').fill('24');
    await seller.page.getByTestId('terms-submit').click();
    await seller.page.locator('[data-testid="term-sheets"][data-latest="2"]').waitFor();

    // The enterprise finds the deal, sees what changed, and accepts version 2.
    await buyer.page.goto(`${web.exchange.url}/deals`);
    await buyer.page.getByTestId(`deal-link-${dealId}`).click();
    await buyer.page.locator('[data-testid="term-sheets"][data-latest="2"]').waitFor();
    assert.equal(await buyer.page.getByTestId('term-row-price').getAttribute('data-changed'), 'true');
    assert.equal(await buyer.page.getByTestId('term-row-territory').getAttribute('data-changed'), null);
    await buyer.page.getByTestId('accept-terms-2').click();
    assert.match(await buyer.page.getByTestId('question-accept-terms-2').innerText(), /300[.,]000[.,]000/);
    await assertNoSeriousAxeFindings(buyer.page, 'the confirmation before accepting terms');
    assert.deepEqual((await DealModel.findById(dealId).lean())?.termSheets[1].acceptedBy, []);
    await buyer.page.getByTestId('confirm-accept-terms-2').click();
    await buyer.page.locator('[data-testid="accepted-by"][data-roles="buyer"]').waitFor();

    // The institute accepts the same version: the deal is agreed and awaits payment.
    await seller.page.reload();
    await seller.page.getByTestId('accept-terms-2').click();
    await seller.page.getByTestId('confirm-accept-terms-2').click();
    await seller.page.locator('[data-testid="deal-page"][data-status="awaiting_payment"]').waitFor();
    await seller.page.getByTestId('terms-agreed').waitFor();
    await seller.page.getByTestId('contract-vi').waitFor();
    await assertNoSeriousAxeFindings(seller.page, 'the agreed deal');
    await seller.page.locator('[data-slot="negotiation-room"]').waitFor({ state: 'attached' });

    const deal = await DealModel.findById(dealId).lean();
    assert.equal(deal?.agreedVersion, 2);
    assert.equal(deal?.termSheets[1].price, 300_000_000);
    assert.deepEqual(seller.errors, []);
    assert.deepEqual(buyer.errors, []);
  });

  it('the institute proposes a broker; the broker takes part only once the enterprise agrees to the same one', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [institute, enterprise, broker] = await Promise.all([
      signUp(app, { kind: 'institute', orgName: 'Viện Cơ điện Nông nghiệp', name: 'Đỗ Minh Châu' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Máy Nông nghiệp Đồng Tháp', name: 'Ngô Văn Lợi' }),
      signUp(app, {
        kind: 'broker_firm',
        role: 'broker',
        orgName: 'Trung tâm Kết nối Công nghệ',
        name: 'Vũ Thị Thu',
      }),
    ]);
    const offerId = await publishedOffer(institute, { title: 'Máy sấy lúa tiết kiệm năng lượng' });
    const dealId = (await enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    const seller = await signedIn(institute, 'vi-VN');
    const buyer = await signedIn(enterprise, 'en-GB');

    await seller.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await seller.page.getByTestId('broker-choice').selectOption(broker.user.id);
    await seller.page.getByTestId('assign-broker').click();
    await seller.page.getByTestId('broker-proposal').waitFor();
    await assertNoSeriousAxeFindings(seller.page, 'the deal with a broker proposed');
    assert.match(await seller.page.getByTestId('broker-proposal').innerText(), /Vũ Thị Thu/);
    assert.equal(await seller.page.getByTestId('agree-broker').count(), 0);
    assert.equal((await DealModel.findById(dealId).lean())?.brokerUserId, undefined);

    await buyer.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await buyer.page.getByTestId('agree-broker').click();
    await buyer.page.getByTestId('broker-proposal').waitFor({ state: 'detached' });
    assert.equal(await buyer.page.getByTestId('deal-broker').innerText(), 'Vũ Thị Thu');
    assert.equal(String((await DealModel.findById(dealId).lean())?.brokerUserId), broker.user.id);
    assert.deepEqual(seller.errors, []);
    assert.deepEqual(buyer.errors, []);
  });
});
