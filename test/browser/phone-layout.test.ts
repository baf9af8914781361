/**
 * On a phone (390 × 844), what each person came for is on the first screen: a buyer opening an
 * offer sees its price, TRL and IP status and can start a bid; a party opening a deal sees the
 * negotiation room and can type in it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Locator, Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { publishedOffer, terms } from '../api/deals-helpers';

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

    await buyer.goto(`${web.exchange.url}/deals/${dealId}`);
    await buyer.getByTestId('chat-input').waitFor();
    await buyer.evaluate('window.scrollTo(0, 0)');
    for (const id of ['chat-messages', 'chat-input', 'chat-send']) {
      const bottom = await bottomOf(buyer.getByTestId(id), id);
      assert.ok(bottom <= PHONE.height, `${id} ends at ${Math.round(bottom)} px, below the first screen`);
    }
    await buyer.screenshot({ path: screenshotPath('phone-deal-room.png') });
  });
});

/** Where the screenshots go: SCREENSHOT_DIR (the README's come from there), else the run's temp folder. */
function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOT_DIR ?? process.env.TEST_TMP_DIR ?? os.tmpdir();
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
