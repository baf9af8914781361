/**
 * The runner-up in Debian Chromium against a whole running exchange serving the built client: an
 * auction asking a deposit closes with two bids; the winner walks away and an operator forfeits
 * its deposit (through the API); the institute, on its auction's bids page, offers the technology
 * to the runner-up, confirming the binding click, and lands on the new deal; the runner-up, in its
 * own browser, finds the deal among its deals and opens it. The runner-up's deposit, kept since
 * the close, is credited to that deal. Along the way the runner-up's deposit panel (in English)
 * and the owner's list of deposits (in Vietnamese) say how long the deposit is kept and what
 * happens then, and, once the runner-up's terms are agreed, the surplus over its fees refunded.
 */
import assert from 'node:assert/strict';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { aBid, publishedOffer } from '../api/deals-helpers';
import { OfferModel } from '../../server/offers/offer.model';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { AUCTION_CLOSE, deadlineJobHandlers } from '../../server/bids/deadline-jobs';
import type { JobDoc } from '../../server/scheduler/job.model';
import { depositSurplusJobHandlers } from '../../server/payments/deposit-surplus-jobs';
import { DEPOSIT_SURPLUS_REFUND } from '../../server/scheduler/job-types';
import type { Page } from 'playwright-core';

const TITLE = 'Công nghệ ủ phân hữu cơ nhanh từ rơm rạ';
const DEPOSIT = 10_000_000;
const DAY = 86_400_000;
/** An element's text, its spaces (Intl writes no-break ones) made plain. */
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, ' ').trim();
const digits = async (page: Page, testId: string) => (await text(page, testId)).replace(/\D/g, '');

describe('browser: offering the technology to the runner-up', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  it('when the winner walked away and its deposit is forfeited, then the owner offers the technology to the runner-up, who sees the deal', async () => {
    const url = web.exchange.url;
    const seller = await signUp(url, { kind: 'institute', orgName: 'Viện Môi trường Nông nghiệp' });
    const winner = await signUp(url, { kind: 'enterprise', orgName: 'Công ty Phân bón Miền Bắc' });
    const runnerUp = await signUp(url, { kind: 'enterprise', orgName: 'Công ty Nông sản Sạch' });
    const operator = await signInAdmin(url);
    const offerId = await publishedOffer(seller, {
      title: TITLE,
      pricing: {
        model: 'auction',
        amount: 100_000_000,
        reservePrice: 100_000_000,
        currency: 'VND',
        closesAt: new Date(Date.now() + 3600_000),
        deposit: DEPOSIT,
      },
    });
    async function depositAndBid(m: Member, amount: number): Promise<string> {
      const paid = await m.agent
        .post(`/api/offers/${offerId}/deposits`)
        .send({ provider: 'bank_transfer' })
        .expect(201);
      await operator.agent.post(`/api/admin/payments/${paid.body.payment.id}/confirm`).send({}).expect(200);
      await m.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)).expect(201);
      return paid.body.payment.id as string;
    }
    const winnerDeposit = await depositAndBid(winner, 180_000_000);
    const runnerUpDeposit = await depositAndBid(runnerUp, 150_000_000);

    // The auction closes (its job, as the scheduler runs it): the runner-up's deposit is kept.
    await OfferModel.updateOne(
      { _id: offerId },
      { $set: { 'pricing.closesAt': new Date(Date.now() - 3600_000) } },
    );
    clearRecordCaches();
    await deadlineJobHandlers(web.exchange.ctx)[AUCTION_CLOSE]({ payload: { offerId } } as unknown as JobDoc);
    const won = (await DealModel.findOne({ buyerOrgId: winner.orgId }).lean())!;
    assert.ok(won);
    assert.equal((await PaymentModel.findById(runnerUpDeposit).lean())!.status, 'paid');

    // The runner-up reads that its deposit is kept until the winner signs, and what happens then.
    const buyer = await web.signedInPage(runnerUp.user.email, 'en-GB');
    await buyer.evaluate(`localStorage.setItem('techexchange.locale', 'en')`);
    await buyer.goto(`${url}/offers/${offerId}/bids`);
    await buyer.locator('[data-testid="deposit-hint"][data-hint="kept"]').waitFor();
    const keptText = await text(buyer, 'deposit-kept');
    assert.match(keptText, /^Kept until the winner signs its deal, then refunded/);
    assert.match(keptText, /14 days after that deal ends/);
    assert.equal(await buyer.getByTestId('deposit-kept').getAttribute('data-until'), '');
    await assertNoSeriousAxeFindings(buyer, 'the runner-up’s kept deposit');
    // The owner's list of deposits says the same, in Vietnamese; the winner's is credited.
    const owner = await web.signedInPage(seller.user.email, 'vi-VN');
    await owner.goto(`${url}/offers/${offerId}/bids`);
    const keptRow = owner.getByTestId(`listing-deposit-${runnerUpDeposit}`);
    await keptRow.waitFor();
    assert.equal(await keptRow.getAttribute('data-state'), 'kept');
    assert.match(await keptRow.innerText(), /Công ty Nông sản Sạch/);
    assert.match(await keptRow.innerText(), /Giữ cho bên xếp thứ hai/);
    assert.match(await keptRow.innerText(), /14 ngày kể từ khi giao dịch đó kết thúc/);
    assert.equal(
      await owner.getByTestId(`listing-deposit-${winnerDeposit}`).getAttribute('data-state'),
      'credited',
    );
    await assertNoSeriousAxeFindings(owner, 'the owner’s list of deposits');

    // The winner walks away; an operator forfeits its deposit.
    await winner.agent.post(`/api/deals/${won._id}/walk-away`).send({ reason: 'timing' }).expect(200);
    // Now the runner-up's deposit is kept until a date: 14 days after the winner's deal ended.
    const ended = (await DealModel.findById(won._id).lean())!.closedAt!;
    const keptUntil = new Date(ended.getTime() + 14 * DAY).toISOString();
    await buyer.reload();
    await buyer.locator(`[data-testid="deposit-kept"][data-until="${keptUntil}"]`).waitFor();
    assert.match(await text(buyer, 'deposit-kept'), /^Kept until .+: if the owner offers you the technology/);
    await operator.agent
      .post(`/api/admin/payments/${winnerDeposit}/forfeit`)
      .send({ reason: 'Bên thắng rút lui' })
      .expect(200);

    // The institute offers the technology to the runner-up from its auction's bids page.
    await owner.reload();
    await owner.locator(`[data-testid="deposit-kept"][data-until="${keptUntil}"]`).waitFor();
    assert.match(
      await keptRow.innerText(),
      /Được giữ cho bên xếp thứ hai đến .+: nếu bạn đề nghị chuyển giao/,
    );
    const action = owner.getByTestId('runner-up');
    await action.waitFor();
    await assertNoSeriousAxeFindings(owner, 'the offer to the runner-up');
    await owner.getByTestId('offer-runner-up').click();
    // The first click only asks; nothing is opened yet.
    await owner.getByTestId('question-offer-runner-up').waitFor();
    assert.equal(await DealModel.countDocuments({}), 1);
    await owner.getByTestId('confirm-offer-runner-up').click();
    await owner.waitForURL(/\/deals\/[0-9a-f]{24}$/);
    const dealId = owner.url().split('/').pop()!;
    await owner.locator('[data-testid="deal-page"][data-status="negotiating"]').waitFor();
    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(String(deal.buyerOrgId), runnerUp.orgId);
    assert.equal(deal.depositCredit?.amount, DEPOSIT);
    const credited = (await PaymentModel.findById(runnerUpDeposit).lean())!;
    assert.deepEqual([credited.deposit?.outcome, String(credited.deposit?.dealId)], ['credited', dealId]);

    // The runner-up finds the deal among its deals and opens it.
    await buyer.goto(`${url}/deals`);
    await buyer.getByTestId(`deal-link-${dealId}`).click();
    await buyer.locator('[data-testid="deal-page"][data-status="negotiating"]').waitFor();
    assert.match(await buyer.getByTestId('deal-page').innerText(), new RegExp(TITLE));
    await assertNoSeriousAxeFindings(buyer, 'the runner-up’s deal');
    // The owner's bids page no longer offers it: the forfeit's offer is made.
    await owner.goto(`${url}/offers/${offerId}/bids`);
    await owner.locator('[data-testid^="bid-row-"]').first().waitFor();
    // The offer is drawn from the deposits, read apart from the bids: wait for them, not the bids alone.
    await owner.getByTestId(`listing-deposit-${runnerUpDeposit}`).waitFor();
    assert.equal(await owner.getByTestId('runner-up').count(), 0);

    // The runner-up's terms are agreed: of its deposit, what its 1,500,000 ₫ fee share does not
    // take (2 % of 150,000,000, split) is refunded, and both read it.
    for (const party of [seller, runnerUp])
      await party.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    clearRecordCaches();
    await depositSurplusJobHandlers(web.exchange.ctx)[DEPOSIT_SURPLUS_REFUND]({
      payload: { dealId },
    } as unknown as JobDoc);
    await buyer.goto(`${url}/offers/${offerId}/bids`);
    await buyer.locator('[data-testid="deposit-hint"][data-hint="credited"]').waitFor();
    await buyer.getByTestId('deposit-surplus-refunded').waitFor();
    assert.equal(await digits(buyer, 'deposit-surplus-refunded'), '8500000');
    assert.equal(await digits(buyer, 'deposit-held'), '1500000');
    assert.match(await text(buyer, 'deposit-surplus'), /Refunded beyond the fees/);
    await assertNoSeriousAxeFindings(buyer, 'the credited deposit’s surplus');
    await owner.reload();
    const creditedRow = owner.getByTestId(`listing-deposit-${runnerUpDeposit}`);
    await creditedRow.locator('[data-testid="deposit-surplus-refunded"]').waitFor();
    assert.equal(await creditedRow.getAttribute('data-state'), 'credited');
    assert.match(await creditedRow.innerText(), /Đã hoàn phần vượt phí/);
    assert.equal(
      ((await creditedRow.getByTestId('deposit-surplus-refunded').textContent()) ?? '').replace(/\D/g, ''),
      '8500000',
    );
  });
});
