/**
 * The main pages, as each kind of user sees them, on a desktop and on a phone, in Vietnamese and
 * English: axe-core finds no serious or critical WCAG 2.2 A/AA violation on any of them.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer, terms } from '../api/deals-helpers';
import { createEvent, onSiteEvent } from '../api/events-helpers';
import { axeViolations, describeFindings } from '../helpers/axe';
import { screenshotPath, screenshotsWanted } from '../helpers/screenshots';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('browser: accessibility of the main journeys (axe-core)', function () {
  this.timeout(240_000);
  const web = useBrowserExchange();

  async function pageFor(
    member: Member | null,
    locale: string,
    viewport: { width: number; height: number },
  ): Promise<Page> {
    // bypassCSP: axe is injected as an inline script, which the exchange's CSP rightly refuses.
    const context = await web.newContext({ locale, viewport, isMobile: viewport === PHONE, bypassCSP: true });
    if (member) {
      const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
        data: { email: member.user.email, password: PASSWORD },
      });
      assert.equal(res.status(), 200);
    }
    return context.newPage();
  }

  /** Pages whose screenshot the README shows (taken when SCREENSHOT_DIR is set), by label and path. */
  const shots: Record<string, string> = {};

  /** Opens each path and collects what axe finds once the page has settled. */
  async function check(page: Page, paths: string[], label: string): Promise<string[]> {
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(`${web.exchange.url}${path}`);
      await page
        .locator('main h1')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch((err: Error) => {
          throw new Error(`${label} ${path}: no heading shown (${err.message.split('\n')[0]})`);
        });
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const shot = shots[`${label} ${path}`];
      if (shot && screenshotsWanted()) await page.screenshot({ path: screenshotPath(shot) });
      const findings = await axeViolations(page);
      if (findings.length > 0) problems.push(describeFindings(`${label} ${path}`, findings));
    }
    return problems;
  }

  it('visitors, members of both sides and operators meet no serious or critical violation', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' });
    const enterprise = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Sông Đà' });
    const admin = await signInAdmin(app);
    const offerId = await publishedOffer(institute, {
      title: 'Công nghệ xử lý nước thải dệt nhuộm bằng màng sinh học',
    });
    const deal = await enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    await institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(900_000_000)).expect(201);
    const eventId = await createEvent(admin, onSiteEvent());

    Object.assign(shots, {
      'visitor, desktop, vi /': 'home.png',
      [`visitor, desktop, vi /search?q=${encodeURIComponent('nước thải')}`]: 'search.png',
      [`enterprise, desktop, vi /offers/${offerId}`]: 'listing.png',
      [`enterprise, desktop, vi /deals/${dealId}`]: 'deal-room.png',
      'operator, desktop, vi /admin/organizations': 'operator-organizations.png',
    });
    const publicPaths = [
      '/',
      `/search?q=${encodeURIComponent('nước thải')}`,
      `/offers/${offerId}`,
      '/login',
      '/register',
      '/events',
      `/events/${eventId}`,
    ];
    const memberPaths = [
      '/account',
      '/deals',
      `/deals/${dealId}`,
      '/notifications',
      '/my/listings',
      '/offers/new',
      `/offers/${offerId}`,
      '/alerts',
      '/payouts',
      `/events/${eventId}`,
    ];
    const problems = [
      ...(await check(await pageFor(null, 'vi-VN', DESKTOP), publicPaths, 'visitor, desktop, vi')),
      ...(await check(await pageFor(null, 'en-GB', PHONE), publicPaths, 'visitor, phone, en')),
      ...(await check(await pageFor(enterprise, 'vi-VN', DESKTOP), memberPaths, 'enterprise, desktop, vi')),
      ...(await check(await pageFor(enterprise, 'en-GB', PHONE), memberPaths, 'enterprise, phone, en')),
      ...(await check(
        await pageFor(institute, 'vi-VN', PHONE),
        [`/offers/${offerId}`, `/offers/${offerId}/bids`, `/deals/${dealId}`],
        'institute, phone, vi',
      )),
      ...(await check(
        await pageFor(admin, 'vi-VN', DESKTOP),
        [
          '/admin',
          '/admin/organizations',
          '/admin/queue',
          '/admin/payments',
          '/admin/payouts',
          '/admin/events',
          `/admin/events/${eventId}`,
        ],
        'operator, desktop, vi',
      )),
    ];
    assert.equal(problems.length, 0, `axe found:\n${problems.join('\n')}`);
  });
});
