/**
 * Issue 16's outcome reasons in Debian Chromium: the owner rejects a bid saying why (a reason is
 * required before anything is sent), and a buyer walks away from a negotiation saying why; the
 * deal page then shows the reason.
 */
import assert from 'node:assert/strict';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { offerBody, published } from '../api/offers-helpers';
import { aBid } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: saying why a bid or a negotiation ends', function () {
  this.timeout(120000);
  const web = useBrowserExchange();

  it('when the owner rejects a bid, then a reason must be chosen and is kept; when the buyer walks away, the deal page shows why', async () => {
    const owner = await signUp(web.exchange.url, { email: 'vien@lydo.example.vn', kind: 'institute' });
    const buyer = await signUp(web.exchange.url, { email: 'mua@lydo.example.vn', kind: 'enterprise' });
    const operator = await signInAdmin(web.exchange.url, 'operator@lydo.example.vn');
    const offer = await published(
      owner,
      operator,
      'offers',
      offerBody({ title: 'Công nghệ sấy lạnh nông sản' }),
    );
    const bid = (await buyer.agent.post(`/api/offers/${offer.id}/bids`).send(aBid(90_000_000)).expect(201))
      .body.bid;

    const ownerPage = await web.signedInPage('vien@lydo.example.vn');
    await ownerPage.goto(`${web.exchange.url}/offers/${offer.id}/bids`);
    await ownerPage.getByTestId(`reject-bid-${bid.id}`).click();
    // Confirming without a reason sends nothing.
    await ownerPage.getByTestId(`confirm-reject-${bid.id}`).click();
    await ownerPage.getByRole('alert').first().waitFor();
    assert.equal(
      (await owner.agent.get(`/api/offers/${offer.id}/bids`).expect(200)).body.bids[0].status,
      'submitted',
    );
    await assertNoSeriousAxeFindings(ownerPage, 'the reject form with its reasons');
    await ownerPage.getByTestId(`reject-outcome-${bid.id}`).selectOption('price_too_high');
    await ownerPage.getByTestId(`reject-note-${bid.id}`).fill('Thấp hơn giá sàn');
    await ownerPage.getByTestId(`confirm-reject-${bid.id}`).click();
    await ownerPage.getByTestId(`reject-bid-${bid.id}`).waitFor({ state: 'detached' });
    const stored = (await owner.agent.get(`/api/offers/${offer.id}/bids`).expect(200)).body.bids[0];
    assert.deepEqual(
      [stored.status, stored.outcome.reason, stored.outcome.note],
      ['rejected', 'price_too_high', 'Thấp hơn giá sàn'],
    );

    const dealId = (await buyer.agent.post('/api/deals').send({ offerId: offer.id }).expect(201)).body.deal
      .id;
    const buyerPage = await web.signedInPage('mua@lydo.example.vn');
    await buyerPage.goto(`${web.exchange.url}/deals/${dealId}`);
    await buyerPage.getByTestId('walk-away').click();
    await buyerPage.getByTestId(`walk-outcome-${dealId}`).selectOption('timing');
    await buyerPage.getByTestId(`confirm-walk-${dealId}`).click();
    const shown = buyerPage.getByTestId('cancel-reason-shown');
    await shown.waitFor();
    // The buyer's language is their account's (Vietnamese).
    assert.equal(
      ((await shown.textContent()) ?? '').trim(),
      'Kết thúc không thành vì: Thời điểm chưa phù hợp',
    );

    // Operators read them on the statistics page, by reason and by field.
    const operatorPage = await web.signedInPage('operator@lydo.example.vn');
    await operatorPage.goto(`${web.exchange.url}/admin/stats`);
    const byReason = operatorPage.getByTestId('stats-outcomes-by-reason');
    await byReason.waitFor();
    const row = async (label: string) =>
      (await byReason.locator('tbody tr', { hasText: label }).locator('td').allTextContents()).map((c) =>
        c.trim(),
      );
    assert.deepEqual(await row('Giá quá cao'), ['1', '0', '0']);
    assert.deepEqual(await row('Thời điểm chưa phù hợp'), ['0', '1', '0']);
    await assertNoSeriousAxeFindings(operatorPage, 'the statistics page with the outcomes');
  });
});
