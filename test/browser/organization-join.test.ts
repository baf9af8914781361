/**
 * Issue 13's journey in Chromium against a whole running exchange serving the built client
 * (`npm run build:client` first): someone registers to join an organisation found by typing part
 * of its name, its administrator approves the request on the organisation's page, and the new
 * member then sees themselves a member there.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: joining an organisation found by its name', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

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

  it('a newcomer types part of the name and picks the organisation, its administrator approves on the organisation page, and the newcomer is then a member', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const founder = await signUp(app, {
      kind: 'institute',
      orgName: 'Viện Khoa học Vật liệu Ứng dụng',
      name: 'Trần Minh Đức',
    });
    await signUp(app, { kind: 'enterprise', orgName: 'Công ty Vật liệu Xây dựng Sông Đà' });
    await signUp(app, { kind: 'enterprise', orgName: 'Công ty Cơ điện Miền Trung' });

    // The newcomer registers, choosing "join an existing organisation".
    const context = await web.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.exchange.url}/register`);
    await page.fill('input[name="name"]', 'Ngô Thị Mai');
    await page.fill('input[name="email"]', 'mai@vatlieu.example.vn');
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByTestId('org-mode-join').check();

    // Submitting before choosing an organisation is refused in the form and writes nothing.
    await page.getByTestId('register-submit').click();
    await page.getByTestId('error-reg-org-search').waitFor();
    assert.equal(await UserModel.countDocuments({ email: 'mai@vatlieu.example.vn' }), 0);

    const search = page.getByRole('combobox', { name: /Tìm tổ chức của bạn/ });
    await search.fill('vat lieu');
    const results = page.getByRole('listbox', { name: 'Các tổ chức tìm thấy' });
    await results.getByRole('option').first().waitFor();
    await assertNoSeriousAxeFindings(page, 'the organisation search while registering');
    const options = await results.getByRole('option').allInnerTexts();
    assert.equal(options.length, 2, options.join(' | '));
    assert.ok(options.every((o) => /Vật liệu/.test(o)));
    assert.ok(!options.some((o) => /Cơ điện/.test(o)));
    await results.getByRole('option', { name: /Viện Khoa học Vật liệu Ứng dụng/ }).click();
    assert.equal(await page.getByTestId('org-chosen-name').textContent(), 'Viện Khoa học Vật liệu Ứng dụng');
    const chosen = (await page.getByTestId('org-chosen').textContent()) ?? '';
    assert.match(chosen, /Viện nghiên cứu/);
    assert.match(chosen, /Hà Nội/);
    assert.match(chosen, /Đã xác minh/);
    await page.getByTestId('register-submit').click();
    await page.getByTestId('account-org-name').waitFor();
    assert.equal(await page.getByTestId('account-org-name').textContent(), 'Viện Khoa học Vật liệu Ứng dụng');
    const newcomer = (await UserModel.findOne({ email: 'mai@vatlieu.example.vn' }).lean())!;
    assert.equal(String(newcomer.organizationId), founder.orgId);
    assert.equal(newcomer.membershipStatus, 'pending');
    // Nobody needs the organisation's id: the account page no longer shows it.
    assert.ok(!((await page.locator('main').innerText()) ?? '').includes(founder.orgId));

    // The administrator opens the organisation's page from their account and approves.
    const admin = await signedIn(founder, 'vi-VN');
    await admin.page.goto(`${web.exchange.url}/account`);
    await admin.page.getByTestId('account-org-name').getByRole('link').click();
    await admin.page.getByTestId('organization-page').waitFor();
    assert.equal(
      await admin.page.getByTestId('organization-name').textContent(),
      'Viện Khoa học Vật liệu Ứng dụng',
    );
    const request = admin.page.getByTestId(`member-${String(newcomer._id)}`);
    await request.waitFor();
    await assertNoSeriousAxeFindings(admin.page, 'the organisation page with a request to join');
    assert.match(await request.innerText(), /Ngô Thị Mai.*xin gia nhập/s);
    await request.getByRole('button', { name: 'Duyệt' }).click();
    await request.getByRole('button', { name: 'Duyệt' }).waitFor({ state: 'detached' });
    assert.doesNotMatch(await request.innerText(), /xin gia nhập/);
    assert.equal((await UserModel.findById(newcomer._id).lean())!.membershipStatus, 'active');

    // The newcomer now sees themselves a member of the organisation, on its page.
    await page.reload();
    await page.getByTestId('account-org-name').getByRole('link').click();
    await page.getByTestId('membership-active').waitFor();
    await page.getByTestId(`member-${String(newcomer._id)}`).waitFor();
    assert.match(
      await page.getByTestId(`member-${String(newcomer._id)}`).innerText(),
      /Ngô Thị Mai \(mai@vatlieu\.example\.vn\)/,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(admin.errors, []);
  });
});
