/**
 * The operators' list of overdue milestones in Chromium, against a whole running exchange serving
 * the built client: an operator opens it from the administration's home, reads a delivering deal's
 * milestone past its due date with its days overdue, and follows the link to the deal; a member
 * opening the list's address is refused.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { agreedDeal } from '../api/payments-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { transitionDeal } from '../../server/deals/deal.service';
import { clearRecordCaches } from '../../server/common/record-cache';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY);

describe('browser: the operators’ list of overdue milestones', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  async function signedIn(member: Member, locale: 'vi' | 'en'): Promise<{ page: Page; errors: string[] }> {
    const context = await web.newContext({ locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(`localStorage.setItem('techexchange.locale', '${locale}')`);
    const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: member.user.email, password: PASSWORD },
    });
    assert.equal(res.status(), 200);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  /** A deal whose agreed terms plan these milestones, started delivering the way the payments' last step does. */
  async function deliveringDeal(
    seller: Member,
    buyer: Member,
    title: string,
    milestones: { title: string; dueDate: Date; amount: number }[],
  ): Promise<string> {
    const dealId = await agreedDeal(seller, buyer, { title });
    await DealModel.updateOne({ _id: dealId }, { $set: { 'termSheets.0.milestones': milestones } });
    clearRecordCaches();
    await transitionDeal(
      dealId,
      'start_delivery',
      { role: 'system' },
      { bus: web.exchange.ctx.bus, expectedFrom: ['awaiting_payment'] },
    );
    return dealId;
  }

  it('an operator opens the list from the administration’s home, reads the milestone’s days overdue and opens its deal', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [seller, buyer] = await Promise.all([
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Sau thu hoạch' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nông sản Đồng Tháp' }),
    ]);
    const dealId = await deliveringDeal(seller, buyer, 'Dây chuyền sấy nông sản bằng bơm nhiệt', [
      { title: 'Bản vẽ thiết kế', dueDate: days(-3.5), amount: 200_000_000 },
      { title: 'Lắp đặt và chạy thử', dueDate: days(30), amount: 400_000_000 },
    ]);
    const operator = await signInAdmin(app);

    const { page, errors } = await signedIn(operator, 'vi');
    await page.goto(`${web.exchange.url}/`);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-overdue-link').click();
    await page.waitForURL(/\/admin\/milestones$/);
    await page.getByRole('heading', { level: 1, name: /Mốc chuyển giao quá hạn/ }).waitFor();

    const row = page.getByTestId(`overdue-${dealId}-1`);
    await row.waitFor();
    assert.equal(await page.getByTestId(`overdue-${dealId}-2`).count(), 0);
    assert.equal(await row.getByTestId('overdue-milestone').innerText(), 'Mốc 1: Bản vẽ thiết kế');
    assert.equal(await row.getByTestId('overdue-days').innerText(), '4 ngày');
    assert.match(
      await row.getByTestId('overdue-parties').innerText(),
      /Viện Công nghệ Sau thu hoạch → Công ty Nông sản Đồng Tháp/,
    );
    assert.equal(await row.getByTestId('milestone-status').getAttribute('data-status'), 'pending');
    await assertNoSeriousAxeFindings(page, 'the overdue milestones list');

    const link = row.getByTestId('overdue-deal-link');
    assert.equal(await link.innerText(), 'Dây chuyền sấy nông sản bằng bơm nhiệt');
    await link.click();
    await page.waitForURL(new RegExp(`/deals/${dealId}$`));
    assert.equal(await page.getByTestId('deal-title').innerText(), 'Dây chuyền sấy nông sản bằng bơm nhiệt');
    assert.deepEqual(errors, []);
  });

  it('with nothing overdue an operator reads so; a member opening the list is refused', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [seller, buyer] = await Promise.all([
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Sau thu hoạch' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nông sản Đồng Tháp' }),
    ]);
    await deliveringDeal(seller, buyer, 'Dây chuyền sấy nông sản bằng bơm nhiệt', [
      { title: 'Bản vẽ thiết kế', dueDate: days(10), amount: 200_000_000 },
    ]);

    const desk = await signedIn(await signInAdmin(app), 'en');
    await desk.page.goto(`${web.exchange.url}/admin/milestones`);
    await desk.page.getByTestId('overdue-empty').waitFor();
    assert.equal(await desk.page.getByTestId('overdue-empty').innerText(), 'No milestone is overdue.');

    const member = await signedIn(buyer, 'en');
    await member.page.goto(`${web.exchange.url}/admin/milestones`);
    await member.page.getByTestId('forbidden').waitFor();
    assert.equal(await member.page.getByTestId('overdue-milestones').count(), 0);
    assert.equal(await member.page.getByTestId('overdue-table').count(), 0);
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(member.errors, []);
  });
});
