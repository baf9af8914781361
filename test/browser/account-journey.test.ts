/**
 * Issue 2's journey in Debian Chromium against a whole running exchange serving the built
 * client: register, sign out, sign in, see your name and organisation, switch language.
 */
import assert from 'node:assert/strict';
import { useBrowserExchange } from './browser-fixture';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: an account from registration to language switch', function () {
  this.timeout(90000);
  const web = useBrowserExchange();

  it('when someone registers, signs out and signs in again, then they see their name and organisation, in the language they choose, and can change both', async () => {
    const context = await web.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${web.exchange.url}/`);
    await page.getByTestId('nav-register').click();
    await page.fill('input[name="name"]', 'Phạm Thu Hà');
    await page.fill('input[name="email"]', 'ha@hanoi-agritech.example.vn');
    await page.fill('input[name="password"]', 'mật-khẩu-đủ-dài-2026');
    await page.fill('input[name="organization.name"]', 'Công ty Nông nghiệp Công nghệ cao Hà Nội');
    await page.selectOption('select[name="organization.kind"]', 'enterprise');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('user-name').waitFor();
    assert.equal(await page.getByTestId('user-name').textContent(), 'Phạm Thu Hà');

    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').click();
    await page.fill('input[name="email"]', 'ha@hanoi-agritech.example.vn');
    await page.fill('input[name="password"]', 'mật-khẩu-đủ-dài-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-org').waitFor();
    assert.match(
      (await page.getByTestId('user-org').textContent()) ?? '',
      /Nông nghiệp Công nghệ cao Hà Nội/,
    );

    await page.getByTestId('nav-account').click();
    await page.getByTestId('account-org-name').waitFor();
    await assertNoSeriousAxeFindings(page, 'the account page');
    assert.equal(
      await page.getByTestId('account-org-name').textContent(),
      'Công ty Nông nghiệp Công nghệ cao Hà Nội',
    );
    assert.match((await page.getByTestId('org-verified').textContent()) ?? '', /Chờ xác minh/);

    await page.getByTestId('lang-en').click();
    await page.getByTestId('org-verified').filter({ hasText: 'Awaiting verification' }).waitFor();
    assert.match(await page.locator('h1').first().innerText(), /account/i);
    await page.reload();
    await page.getByTestId('org-verified').waitFor();
    assert.match((await page.getByTestId('org-verified').textContent()) ?? '', /Awaiting verification/);

    // Their name as others see it, and back to Vietnamese, from the profile form.
    await page.getByTestId('profile-name').fill('x');
    await page.getByTestId('profile-submit').click();
    await page.locator('#profile-name-error').waitFor();
    await assertNoSeriousAxeFindings(page, 'the profile form with a refusal');
    await page.getByTestId('profile-name').fill('Phạm Thu Hằng');
    await page.getByTestId('profile-locale').selectOption('vi');
    await page.getByTestId('profile-submit').click();
    await page.getByTestId('account-name').filter({ hasText: 'Phạm Thu Hằng' }).waitFor();
    await page.getByTestId('org-verified').filter({ hasText: 'Chờ xác minh' }).waitFor();
    assert.equal(await page.getByTestId('user-name').textContent(), 'Phạm Thu Hằng');
    await page.reload();
    await page.getByTestId('account-name').filter({ hasText: 'Phạm Thu Hằng' }).waitFor();
    assert.match((await page.getByTestId('org-verified').textContent()) ?? '', /Chờ xác minh/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
