/**
 * Issue 16's price guidance in Debian Chromium: beside the term-sheet form, a buyer sees what
 * comparable agreed deals were worth (five agreed through the API first), and nothing of a
 * transfer mode with fewer than five.
 */
import assert from 'node:assert/strict';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { offerBody, published } from '../api/offers-helpers';
import { terms } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

const M = 1_000_000;

describe('browser: price guidance beside the term sheet', function () {
  this.timeout(120000);
  const web = useBrowserExchange();

  async function openDeal(owner: Member, buyer: Member, operator: Member, title: string): Promise<string> {
    const offer = await published(owner, operator, 'offers', offerBody({ title }));
    return (await buyer.agent.post('/api/deals').send({ offerId: offer.id }).expect(201)).body.deal.id;
  }

  it('when five comparable deals were agreed, then the term-sheet form shows their median and middle half; a transfer mode with none says so', async () => {
    const owner = await signUp(web.exchange.url, { email: 'vien@giathamkhao.example.vn', kind: 'institute' });
    const buyer = await signUp(web.exchange.url, { email: 'mua@giathamkhao.example.vn', kind: 'enterprise' });
    const operator = await signInAdmin(web.exchange.url, 'operator@giathamkhao.example.vn');
    for (const price of [100, 200, 300, 400, 500]) {
      const dealId = await openDeal(owner, buyer, operator, `Công nghệ màng lọc số ${price}`);
      await buyer.agent
        .post(`/api/deals/${dealId}/terms`)
        .send(terms(price * M))
        .expect(201);
      await buyer.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await owner.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    }
    const dealId = await openDeal(owner, buyer, operator, 'Công nghệ màng lọc đang thương lượng');

    const page = await web.signedInPage('mua@giathamkhao.example.vn');
    await page.goto(`${web.exchange.url}/deals/${dealId}`);
    await page.getByTestId('terms-form').waitFor();
    const range = page.getByTestId('price-guidance-range');
    await range.waitFor();
    // Intl writes money with no-break spaces.
    const text = ((await range.textContent()) ?? '').replace(/\s/g, ' ');
    // In the buyer's language (Vietnamese, their account's). 100 … 500 million: quartiles at ranks 1, 2, 3.
    assert.equal(
      text,
      '5 giao dịch đã thỏa thuận: một nửa trong khoảng 200.000.000 ₫ – 400.000.000 ₫, trung vị 300.000.000 ₫.',
    );
    await assertNoSeriousAxeFindings(page, 'the term-sheet form with price guidance');

    await page.getByTestId('terms-transfer-mode').selectOption('assignment');
    const few = page.getByTestId('price-guidance-few');
    await few.waitFor();
    assert.match((await few.textContent()) ?? '', /^Mới có 0 giao dịch tương tự/);
  });
});
