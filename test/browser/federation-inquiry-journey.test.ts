/**
 * An inquiry across two exchanges in the browser, both sides: the home exchange is the browser
 * fixture's (the test database), the asking exchange a separate server process on another
 * database that imported the home exchange's shared offer. A member of the asking exchange finds
 * it in search, opens its page there (home exchange, origin, read-only) and asks its owner; the
 * owner, on the home exchange, reads the inquiry among those received and accepts it: their contact
 * details go to the asker and the asker's come back; the acceptance shows on both sides with the
 * contact details, in Vietnamese.
 * And the operators' partner desk registers a partner from its base URL alone (the fetched
 * fingerprint confirmed), and issues a partner API key, shown once, and revokes it.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { publishedOffer } from '../api/deals-helpers';
import { forgetOwnIdentity } from '../../server/federation/identity.store';

const ASKER_ADMIN = 'operator@asker-browser.example.vn';
const ASKER_PASSWORD = 'asker-Password-2027';

describe('browser: an inquiry to a partner exchange and its answer, on both exchanges; partner API keys', function () {
  this.timeout(180_000);
  const web = useBrowserExchange({ FEDERATION_NAME: 'Sàn Hà Nội' });
  let asking: ExchangeProcess;
  let askingOperator: ReturnType<typeof request.agent>;

  before(async () => {
    asking = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fedweb_${process.pid}`),
      ADMIN_EMAIL: ASKER_ADMIN,
      ADMIN_PASSWORD: ASKER_PASSWORD,
      FEDERATION_NAME: 'Sàn Đà Nẵng',
      FEDERATION_PULL_INTERVAL_MS: '0',
    });
    askingOperator = request.agent(asking.url);
    await askingOperator
      .post('/api/auth/login')
      .send({ email: ASKER_ADMIN, password: ASKER_PASSWORD })
      .expect(200);
  });
  after(async () => {
    await asking?.stop();
  });
  beforeEach(() => forgetOwnIdentity());

  /** A page of `url`'s exchange in a context of its own (both exchanges live on 127.0.0.1: cookies would mix). */
  async function signedIn(url: string, email: string, locale = 'vi-VN'): Promise<Page> {
    const context = await web.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const res = await context.request.post(`${url}/api/auth/login`, { data: { email, password: PASSWORD } });
    assert.equal(res.status(), 200);
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    return page;
  }

  it('the asker asks on the imported listing’s page, the owner answers, and the answer shows on the asker’s page', async () => {
    const homeUrl = web.exchange.url;
    const app = web.exchange.httpServer as unknown as Express;
    // The two exchanges register each other; the asking one imports the home one's shared offer.
    for (const p of (await askingOperator.get('/api/admin/partners').expect(200)).body.partners)
      await askingOperator.delete(`/api/admin/partners/${p.id}`).expect(204);
    const homeKey = (await request(homeUrl).get('/api/federation/key').expect(200)).body;
    const askingKey = (await request(asking.url).get('/api/federation/key').expect(200)).body;
    const homeOnAsking = (
      await askingOperator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: homeUrl, publicKey: homeKey.publicKey })
        .expect(201)
    ).body.partner;
    const homeOperator = await signInAdmin(app);
    await homeOperator.agent
      .post('/api/admin/partners')
      .send({ name: 'Sàn Đà Nẵng', baseUrl: asking.url, publicKey: askingKey.publicKey })
      .expect(201);
    const owner = await signUp(app, {
      kind: 'institute',
      orgName: 'Viện Công nghệ Môi trường',
      name: 'Phạm Minh Đức',
    });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    await publishedOffer(owner, {
      title: 'Xử lý nước thải chế biến thủy sản',
      summary: 'Màng sinh học cho nhà máy chế biến',
    });
    const pulled = (await askingOperator.post(`/api/admin/partners/${homeOnAsking.id}/pull`).expect(200)).body
      .pull;
    assert.equal(pulled.ok, true, JSON.stringify(pulled) + asking.logTail());
    const asker: Member = await signUp(asking.url, {
      kind: 'enterprise',
      orgName: 'Công ty Thủy sản Miền Trung',
      name: 'Trần Thị Bình',
      verified: false,
    });
    await askingOperator.post(`/api/admin/organizations/${asker.orgId}/verify`).send({}).expect(200);

    // (a) The asker finds the imported offer, opens its page on their own exchange and asks.
    const askerPage = await signedIn(asking.url, asker.user.email);
    await askerPage.goto(`${asking.url}/search?origin=san-ha-noi`);
    const hit = askerPage.locator('[data-testid="search-result"]', {
      hasText: 'Xử lý nước thải chế biến thủy sản',
    });
    await hit.getByTestId('hit-home').waitFor();
    await hit.getByTestId('search-hit').click();
    await askerPage.getByTestId('imported-listing-page').waitFor();
    assert.match(await askerPage.getByTestId('imported-home').innerText(), /Sàn Hà Nội/);
    assert.match(await askerPage.getByTestId('imported-origin').innerText(), /san-ha-noi/);
    assert.equal(
      await askerPage.getByTestId('listing-summary').innerText(),
      'Màng sinh học cho nhà máy chế biến',
    );
    await assertNoSeriousAxeFindings(askerPage, 'the imported listing’s page');
    await askerPage
      .getByTestId('inquiry-form')
      .locator('textarea')
      .fill('Xin báo giá chuyển giao cho 3 nhà máy');
    await askerPage.getByTestId('inquiry-form').locator('button[type="submit"]').click();
    await askerPage.getByTestId('inquiry-sent').waitFor();
    assert.match(await askerPage.getByTestId('inquiry-sent').innerText(), /Sàn Hà Nội/);

    // (b) Their inquiries: delivered, no answer yet.
    await askerPage.getByTestId('inquiry-sent-link').click();
    const sent = askerPage.getByTestId('sent-inquiry');
    await sent.waitFor();
    assert.equal(await sent.getByTestId('sent-inquiry-delivery').getAttribute('data-state'), 'delivered');
    await sent.getByTestId('sent-inquiry-no-answer').waitFor();

    // (c) The owner reads it among those received on the home exchange and answers.
    const ownerPage = await signedIn(homeUrl, owner.user.email);
    await ownerPage.goto(`${homeUrl}/my/inquiries`);
    await ownerPage.getByTestId('inquiries-tab-received').click();
    const received = ownerPage.getByTestId('received-inquiry');
    await received.waitFor();
    assert.match(
      await received.getByTestId('received-inquiry-asker').innerText(),
      /Công ty Thủy sản Miền Trung/,
    );
    assert.match(await received.getByTestId('received-inquiry-asker').innerText(), /Sàn Đà Nẵng/);
    assert.equal(
      await received.getByTestId('received-inquiry-message').innerText(),
      'Xin báo giá chuyển giao cho 3 nhà máy',
    );
    await assertNoSeriousAxeFindings(ownerPage, 'the received inquiries');
    // An empty answer is refused on the field, in Vietnamese.
    await received.getByTestId('answer-send').click();
    await received.locator('.field-error').waitFor();
    await received.locator('textarea').fill('Chúng tôi gửi báo giá trong tuần này.');
    await received.getByTestId('answer-decision-accept').check();
    await received.getByTestId('answer-send').click();
    await received.getByTestId('answer-sent').waitFor();
    const ours = received.getByTestId('our-answer');
    await ours.waitFor();
    assert.equal(await ours.getByTestId('our-answer-delivery').getAttribute('data-state'), 'delivered');
    // Accepted: the decision shows, the asker's contact came back, and no second decision is offered.
    assert.equal(
      await received.getByTestId('received-inquiry-decision').getAttribute('data-decision'),
      'accept',
    );
    assert.match(
      await received.getByTestId('received-inquiry-asker-contact').innerText(),
      new RegExp(asker.user.email.replace(/[.+]/g, '\\$&')),
    );
    assert.equal(await received.getByTestId('answer-decision').count(), 0);

    // (b) The answer shows on the asker's page, with the owner's contact details.
    await askerPage.reload();
    const answer = askerPage.getByTestId('inquiry-answer');
    await answer.waitFor();
    assert.equal(
      await answer.getByTestId('inquiry-answer-text').innerText(),
      'Chúng tôi gửi báo giá trong tuần này.',
    );
    assert.match(await answer.innerText(), /Phạm Minh Đức/);
    assert.match(
      await answer.getByTestId('inquiry-answer-contact').innerText(),
      new RegExp(owner.user.email),
    );
    assert.equal(await answer.getByTestId('inquiry-answer-decision').getAttribute('data-decision'), 'accept');
    await assertNoSeriousAxeFindings(askerPage, 'the asker’s inquiries');
  });

  it('an operator registers a partner from its base URL alone, after confirming the fetched fingerprint', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const operator = await signInAdmin(app);
    for (const p of (await operator.agent.get('/api/admin/partners').expect(200)).body.partners)
      await operator.agent.delete(`/api/admin/partners/${p.id}`).expect(204);
    const published = (await request(asking.url).get('/api/federation/key').expect(200)).body;
    const page = await signedIn(web.exchange.url, operator.user.email);
    await page.goto(`${web.exchange.url}/admin/partners`);
    await page.fill('#partner-url', asking.url);
    await page.getByTestId('partner-fetch-key').click();
    const fetched = page.getByTestId('partner-fetched-key');
    await fetched.waitFor();
    assert.ok((await fetched.innerText()).includes(published.fingerprint), await fetched.innerText());
    await page.getByTestId('partner-confirm-key').click();
    const registered = page.getByTestId('partner-registered');
    await registered.waitFor();
    assert.ok((await registered.innerText()).includes(published.fingerprint));
    const [partner] = (await operator.agent.get('/api/admin/partners').expect(200)).body.partners;
    assert.equal(partner.keyId, published.keyId);
    assert.equal(partner.name, published.name);
  });

  it('an operator issues a partner API key from the partner desk, sees it once, and revokes it', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const operator = await signInAdmin(app);
    const page = await signedIn(web.exchange.url, operator.user.email);
    await page.goto(`${web.exchange.url}/admin/partners`);
    await page.getByTestId('partners-api-keys-link').click();
    await page.getByTestId('api-keys-empty').waitFor();
    await page.fill('#api-key-name', 'Cổng dữ liệu Đà Nẵng');
    await page.getByTestId('api-key-scope-listings').uncheck();
    await page.locator('[data-testid="api-key-form"] button[type="submit"]').click();
    const secret = await page.getByTestId('api-key-secret').innerText();
    assert.match(secret, /^tx_/);
    const row = page.getByTestId('api-key-row');
    await row.waitFor();
    assert.match(await row.innerText(), /Cổng dữ liệu Đà Nẵng/);
    assert.match(await row.innerText(), /Tìm kiếm/);
    assert.doesNotMatch(await row.innerText(), /Đọc danh mục/);
    const search = await request(web.exchange.url)
      .get('/api/search')
      .set('Authorization', `Bearer ${secret}`);
    assert.equal(search.status, 200, 'the key works within its scope');
    await assertNoSeriousAxeFindings(page, 'the API keys page');
    await row.getByTestId('api-key-revoke').click();
    await row.getByTestId('confirm-api-key-revoke').click();
    await row.getByTestId('api-key-revoked').waitFor();
    await request(web.exchange.url).get('/api/search').set('Authorization', `Bearer ${secret}`).expect(401);
  });
});
