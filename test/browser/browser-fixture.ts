/**
 * The setup every browser test shares: a whole running exchange serving the built client, one
 * Chromium, a clean database before each test, and each test's browser contexts closed after it.
 * Call it at the top of a `describe`; read `exchange` and `browser` inside hooks and tests.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { PASSWORD } from '../helpers/factories';
import { launchBrowser } from '../helpers/browser';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import type { Exchange } from '../../server/exchange';

export interface BrowserExchange {
  readonly exchange: Exchange;
  readonly browser: Browser;
  /** A browser context closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context with this locale (e.g. 'vi-VN'). */
  newPage(locale: string): Promise<Page>;
  /** A page signed in as `email` through the login form (the factories' password); a page error fails the test. */
  signedInPage(email: string, locale?: string): Promise<Page>;
}

export function useBrowserExchange(configOverrides: Record<string, string> = {}): BrowserExchange {
  let exchange: Exchange | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  before(async () => {
    exchange = await startTestExchange(configOverrides);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await exchange?.stop();
  });
  beforeEach(resetDatabase);
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  const fixture: BrowserExchange = {
    get exchange() {
      if (!exchange) throw new Error('the exchange starts in the before hook');
      return exchange;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in the before hook');
      return browser;
    },
    async newContext(options) {
      const context = await fixture.browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async newPage(locale) {
      return (await fixture.newContext({ locale })).newPage();
    },
    async signedInPage(email, locale = 'en-GB') {
      const page = await fixture.newPage(locale);
      page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
      await page.goto(`${fixture.exchange.url}/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-name').waitFor();
      return page;
    },
  };
  return fixture;
}
