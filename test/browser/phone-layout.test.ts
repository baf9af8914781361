/**
 * On a phone (390 × 844), what each person came for is on the first screen: a buyer opening an
 * offer sees its price, TRL and IP status and can start a bid; a party opening a deal sees the
 * negotiation room and can type in it. Tables (my listings, bids, deals, the operators' lists)
 * become cards: no cell squeezed to a word a line, nothing wider than the screen.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Locator, Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { aBid, publishedOffer, terms } from '../api/deals-helpers';
import { agreedDeal } from '../api/payments-helpers';
import { offerBody } from '../api/offers-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { screenshotPath } from '../helpers/screenshots';

const PHONE = { width: 390, height: 844 };

describe('browser: the phone layout puts the main action on the first screen', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  async function phoneOf(member: Member): Promise<Page> {
    const context = await web.newContext({
      locale: 'vi-VN',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: member.user.email, password: PASSWORD },
    });
    assert.equal(res.status(), 200);
    return context.newPage();
  }

  /** The element's bottom edge, in CSS pixels from the top of the page (scrolled to the top). */
  async function bottomOf(locator: Locator, name: string): Promise<number> {
    await locator.waitFor();
    const box = await locator.boundingBox();
    assert.ok(box, `${name} is laid out`);
    return box.y + box.height;
  }

  it('a buyer sees the price, TRL and IP status, the bid form and the unread count; a party sees the room and its composer', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Cơ khí Chế tạo' });
    const enterprise = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Cơ khí Thái Nguyên' });
    const offerId = await publishedOffer(institute, {
      title: 'Công nghệ đúc chính xác chi tiết máy bằng khuôn mẫu chảy',
      description: 'Mô tả dài. '.repeat(200),
    });
    const deal = await enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    await institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(700_000_000)).expect(201);

    const buyer = await phoneOf(enterprise);
    await buyer.goto(`${web.exchange.url}/offers/${offerId}`);
    await buyer.getByTestId('bid-form').waitFor();
    await buyer.evaluate('window.scrollTo(0, 0)');
    for (const id of ['fact-price', 'fact-trl', 'fact-ip-status', 'bid-amount']) {
      const bottom = await bottomOf(buyer.getByTestId(id), id);
      assert.ok(bottom <= PHONE.height, `${id} ends at ${Math.round(bottom)} px, below the first screen`);
    }
    // The account folds behind the menu on a phone; the unread count (the new terms) stays in sight.
    const bell = buyer.getByTestId('notification-bell-phone');
    assert.ok((await bottomOf(bell, 'the bell')) <= PHONE.height);
    await bell.getByTestId('notification-count').waitFor();
    assert.ok(Number(await bell.getByTestId('notification-count').innerText()) >= 1);
    await buyer.screenshot({ path: screenshotPath('phone-listing.png') });
    await assertNoSeriousAxeFindings(buyer, 'a listing on a phone');

    await buyer.goto(`${web.exchange.url}/deals/${dealId}`);
    await buyer.getByTestId('chat-input').waitFor();
    await buyer.evaluate('window.scrollTo(0, 0)');
    for (const id of ['chat-messages', 'chat-input', 'chat-send']) {
      const bottom = await bottomOf(buyer.getByTestId(id), id);
      assert.ok(bottom <= PHONE.height, `${id} ends at ${Math.round(bottom)} px, below the first screen`);
    }
    await buyer.screenshot({ path: screenshotPath('phone-deal-room.png') });
    await assertNoSeriousAxeFindings(buyer, 'the deal room on a phone');
  });

  /**
   * On the page as it is now: every cell of the table is at least 80 px wide, shows its column's
   * heading beside its value, and the page is no wider than the phone.
   */
  async function assertTableAsCards(page: Page, testId: string, headings: string[]): Promise<void> {
    const table = page.getByTestId(testId);
    await table.locator('tbody tr').first().waitFor();
    const cells = (await page.evaluate(`[...document.querySelectorAll('[data-testid="${testId}"] tbody td')]
      .filter((c) => c.getClientRects().length > 0)
      .map((c) => ({
        width: Math.round(c.getBoundingClientRect().width),
        label: getComputedStyle(c, '::before').content.replace(/^"|"$/g, ''),
      }))`)) as { width: number; label: string }[];
    assert.ok(cells.length > 0, `${testId} has cells`);
    const narrow = cells.filter((c) => c.width < 80);
    assert.deepEqual(narrow, [], `${testId}: cells narrower than 80 px on a phone`);
    const shown = new Set(cells.map((c) => c.label));
    for (const h of headings)
      assert.ok(shown.has(h), `${testId}: no cell is labelled “${h}” (${[...shown].join(', ')})`);
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    assert.ok(overflow <= 0, `${testId}: the page is ${overflow} px wider than the phone`);
  }

  it('tables become cards: my listings, bids, deals and the operators’ organisations and payments fit the phone', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Nghiên cứu Cơ khí Chính xác' });
    const enterprise = await signUp(app, {
      kind: 'enterprise',
      orgName: 'Công ty Cổ phần Chế tạo Máy Đông Anh',
    });
    await signUp(app, {
      kind: 'enterprise',
      verified: false,
      orgName: 'Công ty TNHH Thiết bị Công nghiệp Nam Việt',
    });
    const operatorMember = await signInAdmin(app);
    const offerId = await publishedOffer(institute, {
      title: 'Công nghệ gia công bánh răng côn xoắn trên máy CNC năm trục',
    });
    await enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    await enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    // A draft written through the API (the owner's list of listings follows the listing store).
    await institute.agent.post('/api/offers').send(offerBody()).expect(201);
    const paid = await agreedDeal(institute, enterprise, { price: 900_000_000 });
    await enterprise.agent
      .post(`/api/deals/${paid}/payments`)
      .send({ provider: 'bank_transfer', payer: 'buyer' })
      .expect(201);

    const seller = await phoneOf(institute);
    await seller.goto(`${web.exchange.url}/my/listings`);
    await assertTableAsCards(seller, 'my-offers', ['Trạng thái']);
    await seller.screenshot({ path: screenshotPath('phone-my-listings.png') });
    await assertNoSeriousAxeFindings(seller, 'my listings as cards on a phone');
    await seller.goto(`${web.exchange.url}/offers/${offerId}/bids`);
    await assertTableAsCards(seller, 'bid-table', ['Tổ chức', 'Số tiền']);
    await seller.goto(`${web.exchange.url}/deals`);
    await assertTableAsCards(seller, 'deals-table', ['Các bên', 'Trạng thái']);

    const operator = await phoneOf(operatorMember);
    await operator.goto(`${web.exchange.url}/admin/organizations`);
    await assertTableAsCards(operator, 'orgs-table', ['Mã số thuế']);
    await operator.goto(`${web.exchange.url}/admin/payments`);
    await assertTableAsCards(operator, 'admin-payments-table', ['Số tiền']);
    await operator.screenshot({ path: screenshotPath('phone-admin-payments.png') });
    await assertNoSeriousAxeFindings(operator, 'the operators’ payments as cards on a phone');
  });
});
