/**
 * A deal delivered and paid for milestone by milestone, in Debian Chromium against a whole running
 * exchange serving the built client: the institute (seller) delivers each milestone with a note,
 * the enterprise (buyer) accepts it, records paying the seller for it and the seller confirms
 * receiving the money; each party pays the exchange's fee on it by bank transfer (an operator
 * confirms the transfers through the API). The stepper at the top of the deal page follows —
 * delivering 1 of 2, 2 of 2, settling, then completed — with each party's next step first.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from '../api/deals-helpers';
import { agreedDeal } from '../api/payments-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { screenshotPath } from '../helpers/screenshots';
import { eventually } from '../helpers/eventually';

const DAY = 86_400_000;

describe('browser: a deal delivered milestone by milestone', function () {
  this.timeout(180_000);
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
  /**
   * The next-step line comes to read `expected`. It is read until it does (for up to 10 s), since a
   * live update can land a moment after the action's own answer; a line that never does fails with
   * what it showed last.
   */
  async function nextActionReads(page: Page, expected: string): Promise<void> {
    const line = page.getByTestId('deal-next-action');
    const reads = async () => ((await line.innerText()) === expected ? expected : null);
    const shown = await eventually(reads, `the next step to read "${expected}"`, {
      attempts: 100,
      intervalMs: 100,
    }).catch(() => line.innerText());
    assert.equal(shown, expected);
  }
  /** Milestone `n` shown as `state` of its payment to the seller: none, recorded or confirmed. */
  const transferShown = (page: Page, n: number, state: string) =>
    page.locator(`[data-testid="milestone-transfer-${n}"][data-state="${state}"]`).waitFor();
  /** The `payer`'s fee line on milestone `n` shown as `status` (unpaid, pending, paid). */
  const feeShown = (page: Page, n: number, payer: string, status: string) =>
    page.locator(`[data-testid="milestone-fee-${n}-${payer}"][data-status="${status}"]`).waitFor();

  /**
   * The viewer pays its fee on milestone `n` by bank transfer on the page: the instructions name
   * the amount and the reference to quote. Answers the payment's id.
   */
  async function payFeeByBank(page: Page, n: number, amount: RegExp): Promise<string> {
    const fees = page.getByTestId(`milestone-fees-${n}`);
    await page.getByTestId(`pay-bank-milestone-${n}`).click();
    await fees.getByTestId('bank-instructions').waitFor();
    assert.match(await fees.getByTestId('bank-amount').innerText(), amount);
    const reference = (await fees.getByTestId('bank-reference').innerText()).trim();
    assert.match(reference, /^TX-[A-Z2-9]{6}$/);
    const payment = await PaymentModel.findOne({ reference }).lean();
    assert.ok(payment);
    assert.equal(payment.milestone, n);
    assert.equal(payment.status, 'pending');
    return String(payment._id);
  }

  /** An operator confirms a bank transfer received, with what the statement shows. */
  async function confirmTransfer(operator: Member, paymentId: string): Promise<void> {
    const payment = (await PaymentModel.findById(paymentId).lean())!;
    const res = await operator.agent
      .post(`/api/admin/payments/${paymentId}/confirm`)
      .send({
        amount: payment.amount,
        bankReference: `FT${paymentId.slice(-8)}`,
        receivedOn: new Date().toISOString(),
      })
      .expect(200);
    assert.equal(res.body.payment.status, 'paid');
  }

  it('the seller delivers each milestone, the buyer accepts it and pays for it, each party pays its fee on it, and the deal completes', async () => {
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
    const operator = await signInAdmin(app);
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
    const items = await seller.page.locator('[data-testid="deal-stepper"] ol > li').all();
    const steps = await Promise.all(
      items.map(
        async (li) => `${await li.getAttribute('data-testid')}:${await li.getAttribute('data-state')}`,
      ),
    );
    assert.deepEqual(steps, [
      'deal-step-negotiating:done',
      'deal-step-agreed:done',
      'deal-step-delivering:current',
      'deal-step-closed_won:upcoming',
    ]);
    await nextActionReads(seller.page, 'Đến lượt bạn: bàn giao mốc 1 (Bản vẽ thiết kế).');
    const first = seller.page.getByTestId('milestone-1');
    assert.equal(await first.getByTestId('milestone-status').innerText(), 'Chưa bàn giao');
    assert.match(await first.getByTestId('milestone-amount-1').innerText(), /200\.000\.000/);
    assert.match(await first.innerText(), /Bộ bản vẽ kỹ thuật và thuyết minh/);
    // Only the seller delivers: no accepting or disputing a milestone not delivered yet; nothing
    // is owed on it before it is accepted.
    assert.equal(await seller.page.getByTestId('accept-milestone-1').count(), 0);
    assert.equal(await seller.page.getByTestId('dispute-milestone-1').count(), 0);
    assert.equal(await seller.page.locator('[data-testid^="milestone-settlement-"]').count(), 0);
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
    await nextActionReads(
      buyer.page,
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

    // Accepting binds: the first click only asks, naming the amount and what falls due.
    await buyer.page.getByTestId('accept-milestone-1').click();
    const question = await buyer.page.getByTestId('question-accept-milestone-1').innerText();
    assert.match(question, /200[.,]000[.,]000/);
    assert.match(question, /you then pay the seller for it, and its share of the exchange fee falls due/);
    await buyer.page.screenshot({ path: screenshotPath('delivery-buyer-answers.png'), fullPage: true });
    await assertNoSeriousAxeFindings(buyer.page, 'the confirmation before accepting a milestone');
    assert.equal((await DealModel.findById(dealId).lean())!.delivery![0].status, 'delivered');
    await buyer.page.getByTestId('confirm-accept-milestone-1').click();
    await buyer.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    assert.equal(await buyer.page.getByTestId('milestone-done').innerText(), 'Milestone 1 accepted.');
    await atMilestone(buyer.page, 2);
    assert.equal(await stepText(buyer.page, 'delivering'), 'Delivering: milestone 2 of 2');
    // Accepted is not yet settled: the buyer pays the seller for it first.
    await nextActionReads(
      buyer.page,
      'Your turn: pay the seller for milestone 1 (Bản vẽ thiết kế) and record your payment.',
    );
    await transferShown(buyer.page, 1, 'none');
    assert.match(await buyer.page.getByTestId('milestone-owed-1').innerText(), /200,000,000/);
    assert.equal(await buyer.page.getByTestId('milestone-transfer-state-1').innerText(), 'Not recorded yet.');
    assert.equal(
      await buyer.page.locator('[data-testid="milestone-1"]').getAttribute('data-settled'),
      'false',
    );
    assert.equal(await buyer.page.getByTestId('milestone-settled-1').count(), 0);
    // Its share of the exchange's fee (2 % of 200,000,000 ₫, split) is due from each party.
    await feeShown(buyer.page, 1, 'buyer', 'unpaid');
    await feeShown(buyer.page, 1, 'seller', 'unpaid');
    assert.match(await buyer.page.getByTestId('milestone-fee-1-buyer').innerText(), /2,000,000/);
    assert.match(await buyer.page.getByTestId('milestone-fee-1-seller').innerText(), /2,000,000/);
    assert.match(await buyer.page.getByTestId('milestone-fee-1-buyer').innerText(), /your organization/);
    // Only one's own line is paid here.
    await buyer.page.getByTestId('pay-bank-milestone-1').waitFor();
    assert.equal(
      await buyer.page.getByTestId('milestone-fee-1-seller').getByTestId('pay-bank-milestone-1').count(),
      0,
    );

    // The buyer records paying the seller: a reference is asked for; the amount is what is owed.
    const form = buyer.page.getByTestId('transfer-form-1');
    assert.match(await form.innerText(), /Pay the seller .*200,000,000 directly/);
    assert.match(await buyer.page.getByTestId('record-transfer-milestone-1').innerText(), /200,000,000/);
    await buyer.page.getByTestId('record-transfer-milestone-1').click();
    assert.equal(
      await buyer.page.getByTestId('error-transfer-reference-1').innerText(),
      'Please fill in this field.',
    );
    await buyer.page.locator('#transfer-reference-1').fill('UNC-0001-DT');
    await assertNoSeriousAxeFindings(buyer.page, 'recording the payment for a milestone');
    await buyer.page.getByTestId('record-transfer-milestone-1').click();
    await transferShown(buyer.page, 1, 'recorded');
    assert.equal(
      await buyer.page.getByTestId('milestone-done').innerText(),
      'Payment for milestone 1 recorded.',
    );
    assert.match(
      await buyer.page.getByTestId('milestone-transfer-state-1').innerText(),
      /200,000,000 recorded by the buyer on .+ \(reference UNC-0001-DT\); waiting for the seller to confirm receiving it\.$/,
    );
    assert.equal(await buyer.page.getByTestId('transfer-form-1').count(), 0);
    await buyer.page.getByTestId('correct-transfer-milestone-1').waitFor();
    await nextActionReads(buyer.page, 'Your turn: pay the exchange fee on milestone 1 (Bản vẽ thiết kế).');
    const recorded = (await DealModel.findById(dealId).lean())!.delivery![0].transfer!;
    assert.equal(recorded.reference, 'UNC-0001-DT');
    assert.equal(recorded.amount, 200_000_000);
    assert.equal(recorded.confirmedAt ?? undefined, undefined);

    // The buyer pays its fee on milestone 1 by bank transfer.
    const buyerFee1 = await payFeeByBank(buyer.page, 1, /2,000,000/);
    await feeShown(buyer.page, 1, 'buyer', 'pending');
    await buyer.page.screenshot({ path: screenshotPath('delivery-buyer-pays.png'), fullPage: true });
    await nextActionReads(
      buyer.page,
      'Waiting for the seller to confirm receiving the payment for milestone 1 (Bản vẽ thiết kế).',
    );

    // The seller's open page hears it all through the room: their turn to confirm the money arrived.
    await seller.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    await atMilestone(seller.page, 2);
    assert.equal(await stepText(seller.page, 'delivering'), 'Đang chuyển giao: mốc 2/2');
    await seller.page
      .locator('[data-testid="chat-message"][data-kind="system"]')
      .filter({ hasText: 'Bên mua đã chấp nhận mốc 1 (Bản vẽ thiết kế).' })
      .waitFor();
    await seller.page
      .locator('[data-testid="chat-message"][data-kind="system"]')
      .filter({ hasText: 'Bên mua đã ghi nhận thanh toán mốc 1 (Bản vẽ thiết kế).' })
      .waitFor();
    await transferShown(seller.page, 1, 'recorded');
    await nextActionReads(
      seller.page,
      'Đến lượt bạn: xác nhận đã nhận tiền thanh toán mốc 1 (Bản vẽ thiết kế).',
    );
    assert.match(await seller.page.getByTestId('milestone-transfer-state-1').innerText(), /UNC-0001-DT/);
    // The buyer's record is theirs alone to make.
    assert.equal(await seller.page.getByTestId('transfer-form-1').count(), 0);

    // Confirming binds: the first click only asks, naming the amount and the reference.
    await seller.page.getByTestId('received-milestone-1').click();
    const receivedQuestion = await seller.page.getByTestId('question-received-milestone-1').innerText();
    assert.match(receivedQuestion, /200\.000\.000/);
    assert.match(receivedQuestion, /UNC-0001-DT/);
    await assertNoSeriousAxeFindings(seller.page, 'the confirmation before confirming a payment received');
    assert.equal(
      (await DealModel.findById(dealId).lean())!.delivery![0].transfer!.confirmedAt ?? undefined,
      undefined,
    );
    await seller.page.getByTestId('confirm-received-milestone-1').click();
    await transferShown(seller.page, 1, 'confirmed');
    assert.equal(await seller.page.getByTestId('milestone-done').innerText(), 'Đã xác nhận nhận tiền mốc 1.');
    assert.match(
      await seller.page.getByTestId('milestone-transfer-state-1').innerText(),
      /^Bên bán đã xác nhận nhận đủ 200\.000\.000.* \(mã tham chiếu UNC-0001-DT\)\.$/,
    );
    await nextActionReads(seller.page, 'Đến lượt bạn: thanh toán phí sàn cho mốc 1 (Bản vẽ thiết kế).');

    // The seller pays its fee on milestone 1 by bank transfer; then delivering milestone 2 is next.
    const sellerFee1 = await payFeeByBank(seller.page, 1, /2\.000\.000/);
    await feeShown(seller.page, 1, 'seller', 'pending');
    await nextActionReads(seller.page, 'Đến lượt bạn: bàn giao mốc 2 (Lắp đặt và chạy thử).');

    // The buyer's page shows the payment confirmed; the operator confirms both fees: milestone 1 is settled.
    await transferShown(buyer.page, 1, 'confirmed');
    await confirmTransfer(operator, buyerFee1);
    await confirmTransfer(operator, sellerFee1);
    for (const page of [buyer.page, seller.page]) {
      await feeShown(page, 1, 'buyer', 'paid');
      await feeShown(page, 1, 'seller', 'paid');
      await page.locator('[data-testid="milestone-1"][data-settled="true"]').waitFor();
    }
    assert.equal(await buyer.page.getByTestId('milestone-settled-1').innerText(), 'Settled');
    assert.equal(await seller.page.getByTestId('milestone-settled-1').innerText(), 'Đã tất toán');
    assert.equal(await buyer.page.getByTestId('pay-bank-milestone-1').count(), 0);
    await buyer.page.getByTestId('milestone-fee-1-buyer').getByTestId(`receipt-${buyerFee1}`).waitFor();
    await nextActionReads(buyer.page, 'Waiting for the seller to deliver milestone 2 (Lắp đặt và chạy thử).');
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');

    // The seller delivers milestone 2.
    await seller.page.getByTestId('deliver-milestone-2').click();
    await seller.page.getByTestId('deliver-note-2').fill('Đã lắp đặt và chạy thử 72 giờ, biên bản kèm theo.');
    await seller.page.getByTestId('confirm-deliver-milestone-2').click();
    await seller.page.locator('[data-testid="milestone-2"][data-status="delivered"]').waitFor();

    // The buyer's open page shows the delivery; accepting the last milestone does not complete the
    // deal yet: it is settling.
    await buyer.page.locator('[data-testid="milestone-2"][data-status="delivered"]').waitFor();
    await buyer.page.getByTestId('accept-milestone-2').click();
    await buyer.page.getByTestId('confirm-accept-milestone-2').click();
    await buyer.page.locator('[data-testid="milestone-2"][data-status="accepted"]').waitFor();
    assert.equal(await buyer.page.getByTestId('milestone-done').innerText(), 'Milestone 2 accepted.');
    await buyer.page.locator('[data-testid="deal-stepper"][data-phase="settling"]').waitFor();
    await current(buyer.page, 'delivering');
    assert.equal(await stepText(buyer.page, 'delivering'), 'Settling payments: 1 of 2 milestones settled');
    await nextActionReads(
      buyer.page,
      'Your turn: pay the seller for milestone 2 (Lắp đặt và chạy thử) and record your payment.',
    );
    assert.equal(await buyer.page.getByTestId('deal-page').getAttribute('data-status'), 'delivering');
    assert.match(await buyer.page.getByTestId('milestone-owed-2').innerText(), /400,000,000/);
    assert.match(await buyer.page.getByTestId('milestone-fee-2-buyer').innerText(), /4,000,000/);

    // Each party pays its fee on milestone 2 first this time, and the operator confirms them.
    const buyerFee2 = await payFeeByBank(buyer.page, 2, /4,000,000/);
    await seller.page.locator('[data-testid="milestone-2"][data-status="accepted"]').waitFor();
    assert.equal(await stepText(seller.page, 'delivering'), 'Đang thanh toán: 1/2 mốc đã tất toán');
    await nextActionReads(seller.page, 'Đến lượt bạn: thanh toán phí sàn cho mốc 2 (Lắp đặt và chạy thử).');
    const sellerFee2 = await payFeeByBank(seller.page, 2, /4\.000\.000/);
    await nextActionReads(
      seller.page,
      'Đang chờ bên mua thanh toán mốc 2 (Lắp đặt và chạy thử) và ghi nhận khoản thanh toán.',
    );
    await confirmTransfer(operator, buyerFee2);
    await confirmTransfer(operator, sellerFee2);
    await feeShown(buyer.page, 2, 'buyer', 'paid');
    await feeShown(buyer.page, 2, 'seller', 'paid');
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');

    // The buyer records paying for milestone 2; the seller's confirmation settles the deal.
    await buyer.page.locator('#transfer-reference-2').fill('UNC-0002-DT');
    await buyer.page.getByTestId('record-transfer-milestone-2').click();
    await transferShown(buyer.page, 2, 'recorded');
    await nextActionReads(
      buyer.page,
      'Waiting for the seller to confirm receiving the payment for milestone 2 (Lắp đặt và chạy thử).',
    );
    await transferShown(seller.page, 2, 'recorded');
    await seller.page.getByTestId('received-milestone-2').click();
    await seller.page.getByTestId('confirm-received-milestone-2').click();
    await seller.page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    // The deal's new status can reach the page (live) before the confirmation's own answer does.
    await seller.page
      .getByTestId('milestone-done')
      .filter({ hasText: 'Đã xác nhận nhận tiền mốc 2' })
      .waitFor();
    assert.equal(
      await seller.page.getByTestId('milestone-done').innerText(),
      'Đã xác nhận nhận tiền mốc 2. Mọi mốc đã xong: giao dịch hoàn tất.',
    );
    await current(seller.page, 'closed_won');
    assert.equal(await stepText(seller.page, 'closed_won'), 'Hoàn tất');
    assert.equal(await stepText(seller.page, 'delivering'), 'Đã chuyển giao (2/2 mốc)');
    await nextActionReads(seller.page, 'Giao dịch đã hoàn tất.');
    await seller.page.locator('[data-testid="milestone-2"][data-settled="true"]').waitFor();

    // The buyer's page follows the deal to its end.
    await buyer.page.locator('[data-testid="deal-page"][data-status="closed_won"]').waitFor();
    await current(buyer.page, 'closed_won');
    assert.equal(await stepText(buyer.page, 'closed_won'), 'Completed');
    assert.equal(await stepText(buyer.page, 'delivering'), 'Delivered (2 of 2 milestones)');
    await nextActionReads(buyer.page, 'The deal is complete.');
    assert.equal(await buyer.page.getByTestId('deal-status').first().innerText(), 'Closed (won)');
    await buyer.page.locator('[data-testid="milestone-2"][data-settled="true"]').waitFor();
    assert.equal(await buyer.page.getByTestId('milestone-settled-2').innerText(), 'Settled');
    await transferShown(buyer.page, 2, 'confirmed');
    assert.equal(await buyer.page.locator('[data-testid^="milestone-actions-"]').count(), 0);
    assert.equal(await buyer.page.locator('[data-testid^="transfer-form-"]').count(), 0);
    assert.equal(await buyer.page.locator('[data-testid^="pay-bank-milestone-"]').count(), 0);
    await buyer.page.screenshot({ path: screenshotPath('delivery-completed.png'), fullPage: true });
    await assertNoSeriousAxeFindings(buyer.page, 'the completed deal');

    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'closed_won');
    assert.deepEqual(
      deal.delivery!.map((m) => m.status),
      ['accepted', 'accepted'],
    );
    assert.deepEqual(
      deal.delivery!.map((m) => [m.transfer?.reference, m.transfer?.amount, !!m.transfer?.confirmedAt]),
      [
        ['UNC-0001-DT', 200_000_000, true],
        ['UNC-0002-DT', 400_000_000, true],
      ],
    );
    assert.equal(deal.timeline.filter((e) => e.event === 'complete').length, 1);
    const payments = await PaymentModel.find({ dealId }).lean();
    assert.deepEqual(payments.map((p) => `${p.milestone}:${p.payer}:${p.amount}:${p.status}`).sort(), [
      '1:buyer:2000000:paid',
      '1:seller:2000000:paid',
      '2:buyer:4000000:paid',
      '2:seller:4000000:paid',
    ]);
    // Nothing on either page failed on the way (a panel reading what an ended deal refuses, say).
    assert.equal(await buyer.page.getByTestId('error-alert').count(), 0);
    assert.equal(await seller.page.getByTestId('error-alert').count(), 0);
    assert.deepEqual(seller.errors, []);
    assert.deepEqual(buyer.errors, []);
  });
  it('the buyer disputes a delivered milestone and an operator resolves it, accepting part of its amount: that part is what the buyer then pays for it', async () => {
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
    // While the dispute waits on the broker or an operator, the buyer's own step comes first:
    // paying for milestone 2, accepted already.
    await atMilestone(buyer.page, 1);
    await nextActionReads(
      buyer.page,
      'Your turn: pay the seller for milestone 2 (Lắp đặt và chạy thử) and record your payment.',
    );
    assert.match(
      await buyer.page.getByTestId('milestone-1-dispute').innerText(),
      /Thiếu bản vẽ hệ thống điện/,
    );

    // The operator resolves it: accepted for 150,000,000 of the 200,000,000 ₫; every milestone is
    // now accepted, and the deal settles their payments.
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
    await admin.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    await admin.page.locator('[data-testid="deal-stepper"][data-phase="settling"]').waitFor();
    await current(admin.page, 'delivering');
    assert.equal(await stepText(admin.page, 'delivering'), 'Settling payments: 0 of 2 milestones settled');
    await nextActionReads(admin.page, 'Settling payments: 0 of 2 milestones settled.');
    assert.match(await admin.page.getByTestId('milestone-owed-1').innerText(), /150,000,000/);
    // The fee on it is reduced in proportion: 2 % of 150,000,000 ₫, split between the parties.
    assert.match(await admin.page.getByTestId('milestone-fee-1-buyer').innerText(), /1,500,000/);
    assert.match(await admin.page.getByTestId('milestone-fee-1-seller').innerText(), /1,500,000/);
    // Paying is the parties' own step, not the operator's.
    assert.equal(await admin.page.getByTestId('transfer-form-1').count(), 0);
    assert.equal(await admin.page.locator('[data-testid^="pay-bank-milestone-"]').count(), 0);
    assert.match(
      await admin.page.getByTestId('milestone-1-accepted').innerText(),
      /150,000,000.+200,000,000/,
    );
    assert.match(await admin.page.getByTestId('milestone-1-resolved').innerText(), /accepted in part/);
    await admin.page
      .locator('[data-testid="chat-message"][data-kind="system"]')
      .filter({ hasText: 'The dispute over milestone 1 (Bản vẽ thiết kế) was resolved: accepted.' })
      .waitFor();

    // The buyer's page: paying the seller the part accepted comes first.
    await buyer.page.locator('[data-testid="milestone-1"][data-status="accepted"]').waitFor();
    await nextActionReads(
      buyer.page,
      'Your turn: pay the seller for milestone 1 (Bản vẽ thiết kế) and record your payment.',
    );
    assert.match(await buyer.page.getByTestId('milestone-owed-1').innerText(), /150,000,000/);
    assert.match(await buyer.page.getByTestId('record-transfer-milestone-1').innerText(), /150,000,000/);

    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'delivering');
    assert.equal(deal.delivery![0].acceptedAmount, 150_000_000);
    assert.equal(deal.delivery![0].dispute?.outcome, 'partial');
    assert.deepEqual(buyer.errors, []);
    assert.deepEqual(admin.errors, []);
  });
});
