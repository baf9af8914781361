/**
 * Issue 13's journey in Debian Chromium against a whole running exchange serving the built
 * client, with mail delivered to an SMTP server in this process: "Forgot password?", the mail's
 * link, a new password, signing in with it; the used link then refused with a way to ask again.
 */
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import { decoded, startSmtp } from '../helpers/smtp-inbox';
import { eventually } from '../helpers/eventually';
import { PASSWORD, signUp } from '../helpers/factories';
import type { Exchange } from '../../server/exchange';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: changing a password, and resetting a forgotten one by a mailed link', function () {
  this.timeout(90000);
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let exchange: Exchange;
  let browser: Browser;

  before(async () => {
    smtp = await startSmtp();
    exchange = await startTestExchange({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'San <no-reply@san.test>',
      PUBLIC_URL: 'http://san.example.vn',
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await exchange?.stop();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(async () => {
    await resetDatabase();
    smtp.inbox.length = 0;
  });

  it('when someone clicks "Forgot password?", opens the mailed link and sets a new password, then they sign in with it, and the link does not work twice', async () => {
    const email = 'hoa@nongnghiep-xanh.example.vn';
    await signUp(exchange.url, { email, name: 'Lê Thị Hoa' });
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${exchange.url}/login`);
    await page.getByTestId('forgot-password-link').click();
    await page.fill('input[name="email"]', email);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('reset-requested').waitFor();
    await assertNoSeriousAxeFindings(page, 'the forgot-password page');
    assert.match((await page.getByTestId('reset-requested').textContent()) ?? '', /Nếu có tài khoản/);

    const mail = await eventually(async () => smtp.inbox[0], 'the reset mail');
    assert.deepEqual(mail.to, [email]);
    const text = decoded(mail.raw);
    assert.match(text, /Subject: Đặt lại mật khẩu/);
    const link = text.match(/http:\/\/san\.example\.vn(\/reset-password\?token=[A-Za-z0-9_-]+)/);
    assert.ok(link, `a reset link in:\n${text}`);
    // PUBLIC_URL names the exchange as people reach it; the test reaches it on its own port.
    const resetUrl = `${exchange.url}${link[1]}`;

    await page.goto(resetUrl);
    await page.fill('input[name="newPassword"]', 'mật-khẩu-mới-2026');
    await page.fill('input[name="confirmPassword"]', 'khác-hẳn-2026!');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('error-reset-confirm').waitFor();
    await assertNoSeriousAxeFindings(page, 'the reset-password page with a refusal');
    assert.match((await page.getByTestId('error-reset-confirm').textContent()) ?? '', /không khớp/);
    assert.equal(await page.locator('#reset-confirm').getAttribute('aria-invalid'), 'true');
    assert.equal(
      await page.locator('#reset-confirm').getAttribute('aria-describedby'),
      'reset-confirm-error',
    );

    await page.fill('input[name="confirmPassword"]', 'mật-khẩu-mới-2026');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();
    await page.getByTestId('reset-sign-in').click();
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', 'mật-khẩu-mới-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    assert.equal(await page.getByTestId('user-name').textContent(), 'Lê Thị Hoa');

    const again = await context.newPage();
    await again.goto(resetUrl);
    await again.fill('input[name="newPassword"]', 'lần-thứ-hai-2026');
    await again.fill('input[name="confirmPassword"]', 'lần-thứ-hai-2026');
    await again.getByTestId('reset-submit').click();
    await again.getByTestId('reset-link-refused').waitFor();
    assert.match((await again.getByTestId('reset-link-refused').textContent()) ?? '', /hết hạn/);
    await again.getByTestId('reset-ask-again').click();
    await again.getByTestId('forgot-password-form').waitFor();

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('when a signed-in member changes the password on the account page, then a wrong current password is named beside its field in their language, and the right one changes it', async () => {
    const email = 'minh@cokhi-chinhxac.example.vn';
    await signUp(exchange.url, { email, name: 'Trần Văn Minh' });
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${exchange.url}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();

    await page.getByTestId('nav-account').click();
    await page.getByTestId('change-password-form').waitFor();
    await page.fill('input[name="currentPassword"]', 'không-phải-mật-khẩu');
    await page.fill('input[name="newPassword"]', 'mật-khẩu-đổi-2026');
    await page.fill('input[name="confirmPassword"]', 'mật-khẩu-đổi-2026');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('error-password-current').waitFor();
    await assertNoSeriousAxeFindings(page, 'the change-password form with a refusal');
    assert.equal(
      await page.getByTestId('error-password-current').textContent(),
      'Mật khẩu hiện tại không đúng.',
    );
    assert.equal(await page.locator('#password-current').getAttribute('aria-invalid'), 'true');

    await page.fill('input[name="currentPassword"]', PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('change-password-saved').waitFor();
    assert.equal(await page.locator('input[name="currentPassword"]').inputValue(), '');

    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').click();
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', 'mật-khẩu-đổi-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
