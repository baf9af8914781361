/**
 * A deal delivered milestone by milestone, in Debian Chromium against a whole running exchange
 * serving the built client: the institute (seller) delivers each milestone with a note, the
 * enterprise (buyer) accepts it, and the stepper at the top of the deal page follows — delivering
 * 1 of 2, 2 of 2, then completed.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from '../api/deals-helpers';
import { agreedDeal } from '../api/payments-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { screenshotPath } from '../helpers/screenshots';

const DAY = 86_400_000;

describe('browser: a deal delivered milestone by milestone', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  /** A page signed in as `member` through the API, in `locale` (the interface language stored on the device). */
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

  /**
   * A deal whose fees are settled and whose agreed terms plan two milestones: delivery has
   * started. `states`: how far each milestone got (pending by default).
   */
  async function deliveringDeal(
    seller: Member,
    buyer: Member,
    states: Record<number, Record<string, unknown>> = {},
  ): Promise<string> {
    const offerId = await publishedOffer(seller, { title: 'Dây chuyền sấy nông sản bằng bơm nhiệt' });
    const dealId = await agreedDeal(seller, buyer, {
      price: 600_000_000,
      title: 'Dây chuyền sấy nông sản bằng bơm nhiệt',
      offerId,
    });
    const due = (days: number) => new Date(Date.now() + days * DAY);
    const plan = [
      {
        title: 'Bản vẽ thiết kế',
        dueDate: due(30),
        amount: 200_000_000,
        deliverable: 'Bộ bản vẽ kỹ thuật và thuyết minh',
      },
      {
        title: 'Lắp đặt và chạy thử',
        dueDate: due(90),
        amount: 400_000_000,
        deliverable: 'Biên bản chạy thử',
      },
    ];
    await DealModel.updateOne(
      { _id: dealId },
      {
        $set: {
          status: 'delivering',
          'termSheets.0.milestones': plan,
          delivery: plan.map((m, i) => ({
            n: i + 1,
            ...m,
            currency: 'VND',
            status: 'pending',
            ...states[i + 1],
          })),
        },
        $push: {
          timeline: {
            at: new Date(),
            actorRole: 'system',
            event: 'start_delivery',
            from: 'awaiting_payment',
            to: 'delivering',
          },
        },
      },
    );
    return dealId;
  }

  const stepText = (page: Page, key: string) =>
    page.locator(`[data-testid="deal-step-${key}"] .deal-step-label`).innerText();
  const current = (page: Page, key: string) =>
    page.locator(`[data-testid="deal-step-${key}"][aria-current="step"]`).waitFor();
  /** The stepper once the delivery plan is read: at milestone `k`. */
  const atMilestone = (page: Page, k: number) =>
    page.locator(`[data-testid="deal-stepper"][data-milestone="${k}"]`).waitFor();

  it('the seller delivers each milestone with a note, the buyer accepts it, and the deal completes', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, {
      kind: 'institute',
      orgName: 'Viện Cơ điện Nông nghiệp',
      name: 'Đỗ Minh Châu',
    });
    const enterprise = await signUp(app, {
      kind: 'enterprise',
      orgName: 'Công ty Nông sản Đồng Tháp',
      name: 'Ngô Văn Lợi',
    });
    const dealId = await deliveringDeal(institute, enterprise);
    const seller = await signedIn(institute, 'vi');
    const buyer = await signedIn(enterprise, 'en');

    // The seller opens the deal: the stepper stands at delivering milestone 1 of 2, their turn first.
    await seller.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await seller.page.locator('[data-testid="deal-page"][data-status="delivering"]').waitFor();
    await current(seller.page, 'delivering');
    await atMilestone(seller.page, 1);
    assert.equal(await stepText(seller.page, 'delivering'), 'Đang chuyển giao: mốc 1/2');
    assert.equal(await seller.page.getByTestId('deal-status').first().innerText(), 'Đang chuyển giao');
    const steps = await seller.page
      .locator('[data-testid="deal-stepper"] ol > li')
      .evaluateAll((lis) =>
        lis.map((li) => `${li.getAttribute('data-testid')}:${li.getAttribute('data-state')}`),
      );
    assert.deepEqual(steps, [
      'deal-step-negotiating:done',
      'deal-step-agreed:done',
      'deal-step-delivering:current',
      'deal-step-closed_won:upcoming',
    ]);
    assert.equal(
      await seller.page.getByTestId('deal-next-action').innerText(),
      'Đến lượt bạn: bàn giao mốc 1 (Bản vẽ thiết kế).',
    );
    const first = seller.page.getByTestId('milestone-1');
    assert.equal(await first.getByTestId('milestone-status').innerText(), 'Chưa bàn giao');
    assert.match(await first.getByTestId('milestone-amount-1').innerText(), /200\.000\.000/);
    assert.match(await first.innerText(), /Bộ bản vẽ kỹ thuật và thuyết minh/);
    // Only the seller delivers: no accepting or disputing a milestone not delivered yet.
    assert.equal(await seller.page.getByTestId('accept-milestone-1').count(), 0);
    assert.equal(await seller.page.getByTestId('dispute-milestone-1').count(), 0);
    await assertNoSeriousAxeFindings(seller.page, 'the deal delivering its milestones');

    // The seller delivers milestone 1 with a note.
    await seller.page.getByTestId('deliver-milestone-1').click();
    await seller.page.getByTestId('deliver-note-1').fill('Gửi bộ bản vẽ thiết kế bản 1.0 kèm thuyết minh.');
    await assertNoSeriousAxeFindings(seller.page, 'the delivery form');
    await seller.page.getByTestId('confirm-deliver-milestone-1').click();
    await seller.page.locator('[data-testid="milestone-1"][data-status="delivered"]').waitFor();
    assert.equal(await seller.page.getByTestId('milestone-done').innerText(), 'Đã bàn giao mốc 1.');
    assert.match(
      await seller.page.getByTestId('milestone-1-delivered').innerText(),
      /bản 1\.0 kèm thuyết minh/,
    );
    assert.match(
      await seller.page.getByTestId('milestone-1-auto-accept').innerText(),
      /Nếu bên mua không trả lời, mốc được tự động chấp nhận vào ngày/,
    );
    assert.equal(await stepText(seller.page, 'delivering'), 'Đang chuyển giao: mốc 1/2');
    const delivered = (await DealModel.findById(dealId).lean())!.delivery![0];
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.deliveryNote, 'Gửi bộ bản vẽ thiết kế bản 1.0 kèm thuyết minh.');

    // The buyer opens the deal: their turn to answer, with the date it is accepted for them.
    await buyer.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await current(buyer.page, 'delivering');
    await atMilestone(buyer.page, 1);
    assert.equal(await stepText(buyer.page, 'delivering'), 'Delivering: milestone 1 of 2');
    const autoDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(
      new Date(delivered.deliveredAt!.getTime() + 14 * DAY),
    );
    assert.equal(
      await buyer.page.getByTestId('deal-next-action').innerText(),
      `Your turn: accept or request changes on milestone 1 (Bản vẽ thiết kế). It is accepted automatically on ${autoDate} unless you answer.`,
    );
    assert.match(
      await buyer.page.getByTestId('milestone-1-delivered').innerText(),
      /bản 1\.0 kèm thuyết minh/,
    );
    assert.equal(
      await buyer.page.getByTestId('milestone-1-auto-accept').innerText(),
      `Accepted automatically on ${autoDate} unless you answer.`,
    );
    assert.equal(await buyer.page.getByTestId('deliver-milestone-1').count(), 0);
    await buyer.page.getByTestId('request-changes-milestone-1').waitFor();
    await buyer.page.getByTestId('dispute-milestone-1').waitFor();

    // Accepting binds: the first click only asks, naming the amount.
    await buyer.page.getByTestId('accept-milestone-1').click();
    assert.match(
      await buyer.page.getByTestId('question-accept-milestone-1').innerText(),
      /200[.,]000[.,]000/,
    );
    await buyer.page.screenshot({ path: screenshotPath('delivery-buyer-answers.png'), fullPage: true });
    await assertNoSeriousAxeFindings(buyer.page, 'the confirmation before accepting a milestone');
    assert.equal((await DealModel.findById(dealId).lean())!.delivery![0].status, 'delivered');
    await buyer.page.getByTestId('confirm-accept-milestone-1').click();
    await buyer.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    assert.equal(await buyer.page.getByTestId('milestone-done').innerText(), 'Milestone 1 accepted.');
    await atMilestone(buyer.page, 2);
    assert.equal(await stepText(buyer.page, 'delivering'), 'Delivering: milestone 2 of 2');
    assert.equal(
      await buyer.page.getByTestId('deal-next-action').innerText(),
      'Waiting for the seller to deliver milestone 2 (Lắp đặt và chạy thử).',
    );

    // The seller's open page hears it through the room, and delivers milestone 2.
    await seller.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    await atMilestone(seller.page, 2);
    assert.equal(await stepText(seller.page, 'delivering'), 'Đang chuyển giao: mốc 2/2');
    await seller.page
      .locator('[data-testid="chat-message"][data-kind="system"]')
      .filter({ hasText: 'Bên mua đã chấp nhận mốc 1 (Bản vẽ thiết kế).' })
      .waitFor();
    await seller.page.getByTestId('deliver-milestone-2').click();
    await seller.page.getByTestId('deliver-note-2').fill('Đã lắp đặt và chạy thử 72 giờ, biên bản kèm theo.');
    await seller.page.getByTestId('confirm-deliver-milestone-2').click();
    await seller.page.locator('[data-testid="milestone-2"][data-status="delivered"]').waitFor();

    // The buyer's open page shows the delivery; accepting the last milestone completes the deal.
    await buyer.page.locator('[data-testid="milestone-2"][data-status="delivered"]').waitFor();
    await buyer.page.getByTestId('accept-milestone-2').click();
    await buyer.page.getByTestId('confirm-accept-milestone-2').click();
    await buyer.page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    await current(buyer.page, 'closed_won');
    assert.equal(await stepText(buyer.page, 'closed_won'), 'Completed');
    assert.equal(await stepText(buyer.page, 'delivering'), 'Delivered (2 of 2 milestones)');
    assert.equal(await buyer.page.getByTestId('deal-next-action').innerText(), 'The deal is complete.');
    assert.equal(
      await buyer.page.getByTestId('milestone-done').innerText(),
      'Milestone 2 accepted. Every milestone is settled: the deal is complete.',
    );
    assert.equal(await buyer.page.getByTestId('deal-status').first().innerText(), 'Closed (won)');
    assert.equal(await buyer.page.locator('[data-testid^="milestone-actions-"]').count(), 0);
    await buyer.page.screenshot({ path: screenshotPath('delivery-completed.png'), fullPage: true });
    await assertNoSeriousAxeFindings(buyer.page, 'the completed deal');

    // The seller's page follows the deal to its end.
    await seller.page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    await current(seller.page, 'closed_won');
    assert.equal(await stepText(seller.page, 'closed_won'), 'Hoàn tất');
    assert.equal(await seller.page.getByTestId('deal-next-action').innerText(), 'Giao dịch đã hoàn tất.');

    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'closed_won');
    assert.deepEqual(
      deal.delivery!.map((m) => m.status),
      ['accepted', 'accepted'],
    );
    // Nothing on either page failed on the way (a panel reading what an ended deal refuses, say).
    assert.equal(await buyer.page.getByTestId('error-alert').count(), 0);
    assert.equal(await seller.page.getByTestId('error-alert').count(), 0);
    assert.deepEqual(seller.errors, []);
    assert.deepEqual(buyer.errors, []);
  });
  it('the buyer disputes a delivered milestone and an operator resolves it, accepting part of its amount', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const institute = await signUp(app, { kind: 'institute', orgName: 'Viện Cơ điện Nông nghiệp' });
    const enterprise = await signUp(app, { kind: 'enterprise', orgName: 'Công ty Nông sản Đồng Tháp' });
    const operator = await signInAdmin(app);
    const deliveredAt = new Date(Date.now() - 2 * DAY);
    const dealId = await deliveringDeal(institute, enterprise, {
      1: { status: 'delivered', deliveredAt, deliveryNote: 'Bộ bản vẽ bản nháp.' },
      2: { status: 'accepted', deliveredAt, deliveryNote: 'Đã chạy thử.', decidedAt: deliveredAt },
    });
    const buyer = await signedIn(enterprise, 'en');
    const admin = await signedIn(operator, 'en');

    // The buyer disputes milestone 1, saying why.
    await buyer.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await atMilestone(buyer.page, 1);
    await buyer.page.getByTestId('dispute-milestone-1').click();
    await buyer.page.getByTestId('confirm-dispute-milestone-1').click();
    await buyer.page.locator('#dispute-reason-milestone-1-error').waitFor();
    await buyer.page.getByTestId('dispute-reason-milestone-1').fill('Thiếu bản vẽ hệ thống điện.');
    await buyer.page.getByTestId('confirm-dispute-milestone-1').click();
    await buyer.page.locator('[data-testid="milestone-1"][data-status="disputed"]').waitFor();
    assert.match(
      await buyer.page.getByTestId('deal-next-action').innerText(),
      /^Milestone 1 \(Bản vẽ thiết kế\) is disputed: the deal's broker or an operator decides\.$/,
    );
    assert.match(
      await buyer.page.getByTestId('milestone-1-dispute').innerText(),
      /Thiếu bản vẽ hệ thống điện/,
    );

    // The operator resolves it: accepted for 150,000,000 of the 200,000,000 ₫; the deal completes.
    await admin.page.goto(`${web.exchange.url}/deals/${dealId}`);
    await atMilestone(admin.page, 1);
    assert.equal(
      await admin.page.getByTestId('deal-next-action').innerText(),
      'Your turn: resolve the dispute over milestone 1 (Bản vẽ thiết kế).',
    );
    await admin.page.getByTestId('resolve-milestone-1').click();
    await admin.page.getByTestId('resolve-1-outcome-partial').check();
    await admin.page.getByTestId('resolve-1-amount').fill('250.000.000');
    await admin.page.getByTestId('confirm-resolve-milestone-1').click();
    await admin.page.getByTestId('error-resolve-1-amount').waitFor();
    await admin.page.getByTestId('resolve-1-amount').fill('150.000.000');
    await admin.page.getByTestId('resolve-1-note').fill('Chấp nhận 3/4 giá trị mốc.');
    await assertNoSeriousAxeFindings(admin.page, 'resolving a dispute');
    await admin.page.getByTestId('confirm-resolve-milestone-1').click();
    await admin.page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    await current(admin.page, 'closed_won');
    assert.match(
      await admin.page.getByTestId('milestone-1-accepted').innerText(),
      /150,000,000.+200,000,000/,
    );
    assert.match(await admin.page.getByTestId('milestone-1-resolved').innerText(), /accepted in part/);
    await admin.page
      .locator('[data-testid="chat-message"][data-kind="system"]')
      .filter({ hasText: 'The dispute over milestone 1 (Bản vẽ thiết kế) was resolved: accepted.' })
      .waitFor();

    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'closed_won');
    assert.equal(deal.delivery![0].acceptedAmount, 150_000_000);
    assert.equal(deal.delivery![0].dispute?.outcome, 'partial');
    assert.deepEqual(buyer.errors, []);
    assert.deepEqual(admin.errors, []);
  });
});
