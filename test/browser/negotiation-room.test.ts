/**
 * Two people in Debian Chromium, each in their own browser context, negotiate in the room of a
 * deal's page (/deals/:id) on a whole running exchange serving the built client
 * (`npm run build:client`).
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { dealBetween, person, type Person } from '../realtime/room-fixtures';
import { publishedOffer } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: two people chat in one negotiation room', function () {
  this.timeout(90000);
  const web = useBrowserExchange();

  async function openRoom(
    p: Person,
    dealId: string,
    language: 'vi' | 'en',
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await web.newContext({ locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(`localStorage.setItem('techexchange.locale', '${language}')`);
    const [name, ...value] = p.cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: web.exchange.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.exchange.url}/deals/${dealId}`);
    await page.getByTestId('deal-page').getByTestId('chat-panel').waitFor();
    await page.locator('[data-testid="chat-input"]:enabled').waitFor();
    return { page, errors };
  }

  const bodies = (page: Page) => page.getByTestId('chat-message-body').allTextContents();

  it('when a seller and a buyer chat, then each sees the other typing, online, their messages as typed, and proposed terms live', async () => {
    const [seller, buyer] = await Promise.all([
      person(web.exchange.url, { kind: 'institute', name: 'Nguyễn Thị Bán', orgName: 'Viện Vật liệu mới' }),
      person(web.exchange.url, {
        kind: 'enterprise',
        name: 'Trần Văn Mua',
        orgName: 'Công ty Gốm sứ Bát Tràng',
      }),
    ]);
    const dealId = await dealBetween(seller, buyer, undefined, await publishedOffer(seller));
    const s = await openRoom(seller, dealId, 'vi');
    const b = await openRoom(buyer, dealId, 'en');

    await s.page.getByTestId('chat-presence').filter({ hasText: 'Trần Văn Mua' }).waitFor();
    await b.page.getByTestId('chat-presence').filter({ hasText: 'Nguyễn Thị Bán' }).waitFor();

    await s.page.getByTestId('chat-input').pressSequentially('Xin chào, giá 450 triệu');
    await b.page.getByTestId('chat-typing').filter({ hasText: 'Nguyễn Thị Bán' }).waitFor();
    await s.page.getByTestId('chat-input').press('Enter');
    await b.page.getByTestId('chat-message-body').filter({ hasText: 'Xin chào, giá 450 triệu' }).waitFor();
    assert.equal(await s.page.getByTestId('chat-input').inputValue(), '');

    await b.page.getByTestId('chat-input').fill('<b>Chúng tôi</b> đề nghị 400 triệu');
    await b.page.getByTestId('chat-send').click();
    await s.page.getByTestId('chat-message-body').filter({ hasText: 'đề nghị 400 triệu' }).waitFor();
    assert.deepEqual(await bodies(s.page), ['Xin chào, giá 450 triệu', '<b>Chúng tôi</b> đề nghị 400 triệu']);
    assert.deepEqual(await bodies(b.page), ['Xin chào, giá 450 triệu', '<b>Chúng tôi</b> đề nghị 400 triệu']);
    assert.equal(await s.page.locator('.chat-body b').count(), 0);

    await b.page.getByTestId('chat-seen').waitFor();
    await assertNoSeriousAxeFindings(b.page, 'the negotiation room while chatting');

    await request(web.exchange.url)
      .post(`/api/deals/${dealId}/terms`)
      .set('Cookie', seller.cookie)
      .send({ price: 420_000_000, currency: 'VND', exclusivity: true })
      .expect(201);
    await b.page
      .locator('[data-testid="chat-message"][data-kind="terms"]', {
        hasText: 'proposed term sheet version 1',
      })
      .waitFor();
    await b.page.locator('[data-testid="term-sheets"][data-latest="1"]').waitFor();
    await s.page
      .locator('[data-testid="chat-message"][data-kind="terms"]', {
        hasText: 'đề xuất bản điều khoản phiên bản 1',
      })
      .waitFor();
    await s.page.reload();
    await s.page.locator('[data-testid="chat-message"][data-kind="terms"]').waitFor();
    await assertNoSeriousAxeFindings(s.page, 'the room with proposed terms');
    assert.deepEqual(await bodies(s.page), ['Xin chào, giá 450 triệu', '<b>Chúng tôi</b> đề nghị 400 triệu']);

    await s.page.goto(`${web.exchange.url}/deals`);
    await s.page.getByTestId(`deal-${dealId}`).waitFor();
    await b.page.getByTestId('chat-input').fill('Bạn còn đó không?');
    await b.page.getByTestId('chat-input').press('Enter');
    await b.page.getByTestId('chat-message-body').filter({ hasText: 'Bạn còn đó không?' }).waitFor();
    await s.page.reload();
    const badge = s.page.getByTestId(`deal-${dealId}`).getByTestId('unread-badge');
    await badge.waitFor();
    assert.match((await badge.textContent()) ?? '', /^1/);
    assert.deepEqual([...s.errors, ...b.errors], []);
  });

  it('when a member’s connection drops while the other keeps writing, then they see "Reconnecting…" and, once back, every missed message once', async () => {
    const [seller, buyer] = await Promise.all([
      person(web.exchange.url, { kind: 'institute', name: 'Nguyễn Thị Bán', orgName: 'Viện Cơ điện' }),
      person(web.exchange.url, {
        kind: 'enterprise',
        name: 'Trần Văn Mua',
        orgName: 'Công ty Máy nông nghiệp',
      }),
    ]);
    const dealId = await dealBetween(seller, buyer, undefined, await publishedOffer(seller));
    const s = await openRoom(seller, dealId, 'vi');
    const b = await openRoom(buyer, dealId, 'en');
    await s.page.getByTestId('chat-input').fill('Trước khi mất mạng');
    await s.page.getByTestId('chat-input').press('Enter');
    await b.page.getByTestId('chat-message-body').filter({ hasText: 'Trước khi mất mạng' }).waitFor();

    await s.page.context().setOffline(true);
    await s.page.getByTestId('chat-connection').filter({ hasText: 'Đang kết nối lại…' }).waitFor();
    for (const text of ['Lúc bạn vắng 1', 'Lúc bạn vắng 2']) {
      await b.page.getByTestId('chat-input').fill(text);
      await b.page.getByTestId('chat-input').press('Enter');
      await b.page.getByTestId('chat-message-body').filter({ hasText: text }).waitFor();
    }
    await s.page.context().setOffline(false);
    await s.page.getByTestId('chat-message-body').filter({ hasText: 'Lúc bạn vắng 2' }).waitFor();
    await s.page.getByTestId('chat-connection').waitFor({ state: 'detached' });
    assert.deepEqual(await bodies(s.page), ['Trước khi mất mạng', 'Lúc bạn vắng 1', 'Lúc bạn vắng 2']);
  });
});
