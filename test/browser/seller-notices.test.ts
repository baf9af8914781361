/**
 * A seller with the exchange open elsewhere is told, live, of a bid on their offer, of a buyer
 * opening a negotiation and of a message sent while they are not in the room: the bell counts
 * up without a reload, and the notifications page lists each step, linking to it.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { aBid, publishedOffer } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { NotificationModel } from '../../server/notifications/notification.model';

describe('browser: a seller is told of each deal step, live and in the bell', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  async function signedIn(member: Member, locale: string): Promise<Page> {
    const context = await web.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: member.user.email, password: PASSWORD },
    });
    assert.equal(res.status(), 200);
    return context.newPage();
  }

  it('a bid, an opened negotiation and a message while away each reach the seller’s bell live', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Vật liệu Xây dựng' });
    const enterprise = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Gạch không nung Hòa Bình' });
    const offerId = await publishedOffer(institute, { title: 'Gạch không nung từ tro bay nhiệt điện' });

    const seller = await signedIn(institute, 'vi-VN');
    await seller.goto(`${web.exchange.url}/my/listings`);
    const bell = seller.getByTestId('notification-bell');
    await bell.waitFor();
    const count = bell.getByTestId('notification-count');
    // What the bell was told, to name the broken link should the count not come.
    const answers: string[] = [];
    seller.on('response', (r) => {
      if (r.url().includes('/api/notifications'))
        answers.push(`${r.status()} ${r.url().replace(web.exchange.url, '')}`);
    });
    seller.on('websocket', (ws) => ws.on('close', () => answers.push('socket closed')));
    const countIs = async (n: number) => {
      try {
        await count.filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
      } catch (err) {
        const stored = await NotificationModel.countDocuments({ userId: institute.user.id });
        throw new Error(
          `the bell did not show ${n} (${stored} stored for the seller; the page heard: ${answers.join('; ')})`,
          { cause: err },
        );
      }
    };

    await enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(310_000_000)).expect(201);
    await countIs(1);

    const opened = await enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = opened.body.deal.id as string;
    await countIs(2);

    const buyer = await signedIn(enterprise, 'vi-VN');
    await buyer.goto(`${web.exchange.url}/deals/${dealId}`);
    await buyer.getByTestId('chat-input').fill('Chào anh chị, bên em muốn hỏi thêm về công suất dây chuyền.');
    await buyer.getByTestId('chat-send').click();
    await buyer.locator('[data-testid="chat-message"][data-kind="text"]').waitFor();
    await countIs(3);

    await bell.click();
    await seller.getByTestId('notification-list').waitFor();
    await assertNoSeriousAxeFindings(seller, 'the bell’s list');
    const anchors = await seller.locator('[data-testid="notification"] a').all();
    const links = await Promise.all(anchors.map((a) => a.getAttribute('href')));
    assert.ok(links.includes(`/offers/${offerId}`), 'the bid, linking to the offer');
    assert.equal(links.filter((l) => l === `/deals/${dealId}`).length, 2, 'the negotiation and the message');
    const message = seller.locator('[data-testid="notification"]', { hasText: 'công suất dây chuyền' });
    await message.waitFor();
  });

  it('a bid pushed live while the bell’s first count is still on its way is counted, not lost behind it', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Vật liệu Xây dựng' });
    const enterprise = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Gạch không nung Hòa Bình' });
    const offerId = await publishedOffer(institute, { title: 'Gạch không nung từ tro bay nhiệt điện' });
    const seller = await signedIn(institute, 'vi-VN');

    // The server counts the page's first request for the count at once (0), but its answer is held
    // back until the socket has joined and the bid's notice was pushed to the page: the race a
    // loaded machine makes, made certain.
    let counted!: () => void;
    const firstCounted = new Promise<void>((resolve) => (counted = resolve));
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    let holding = true;
    await seller.route(
      (url) => url.pathname === '/api/notifications' && url.searchParams.get('limit') === '1',
      async (route) => {
        const response = await route.fetch();
        if (holding) {
          holding = false;
          counted();
          await firstReleased;
        }
        await route.fulfill({ response });
      },
    );
    const joined = socketHears(seller, /^40\/deals,\{/);
    const pushed = socketHears(seller, /^42\/deals,\["notification"/);
    await seller.goto(`${web.exchange.url}/my/listings`);
    await firstCounted;
    await joined;
    await enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(310_000_000)).expect(201);
    await pushed;
    releaseFirst();

    const count = seller.getByTestId('notification-bell').getByTestId('notification-count');
    await count.filter({ hasText: /^1$/ }).waitFor();
  });
});

/** Resolves when the page's Socket.IO connection receives a packet matching `packet`, by websocket or by polling. */
function socketHears(page: Page, packet: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const check = (payload: string) => {
      if (payload.split('\x1e').some((p) => packet.test(p))) resolve();
    };
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => check(String(frame.payload))));
    page.on('response', (res) => {
      if (res.url().includes('/socket.io/') && res.request().method() === 'GET')
        res.text().then(check, () => undefined);
    });
  });
}
