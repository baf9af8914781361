/**
 * Issue 13's operator verification desk and broker desk in Chromium, against a whole running
 * exchange serving the built client (`npm run build:client` first): an organisation's
 * administrator uploads its registration certificate on its page; an operator reads the
 * organisation's details and that document, refuses one with a reason (its member then reads the reason on the
 * organisation's page) and verifies another through the confirmation; a broker sees a deal a
 * party proposed them for on their desk.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { aBid, publishedOffer } from '../api/deals-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

describe('browser: the verification desk and the broker desk', function () {
  this.timeout(120_000);
  const web = useBrowserExchange();

  async function signedIn(member: Member, locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
    const context = await web.newContext({ locale });
    const res = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: member.user.email, password: PASSWORD },
    });
    assert.equal(res.status(), 200);
    // The interface speaks the language picked on this device (else the account's, Vietnamese here).
    await context.addInitScript(`localStorage.setItem('techexchange.locale', '${locale.slice(0, 2)}')`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  it('an operator reads an organisation’s details, refuses one with a reason and verifies another after confirming', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const refusedFounder = await signUp(app, {
      kind: 'enterprise',
      verified: false,
      orgName: 'Công ty Pin Mặt Trời Sao Mai',
      name: 'Phạm Văn Hùng',
    });
    await refusedFounder.agent
      .patch(`/api/organizations/${refusedFounder.orgId}`)
      .send({
        taxCode: '0312345678',
        website: 'https://saomai.example.vn',
        description: 'Sản xuất pin mặt trời',
      })
      .expect(200);
    const verifiedFounder = await signUp(app, {
      kind: 'institute',
      verified: false,
      orgName: 'Viện Sinh học Nông nghiệp',
    });
    const operator = await signInAdmin(app);
    const refusedId = refusedFounder.orgId;
    const verifiedId = verifiedFounder.orgId;

    // The founder (its administrator) uploads the business registration certificate on the organisation's page.
    const founder = await signedIn(refusedFounder);
    await founder.page.goto(`${web.exchange.url}/organizations/${refusedId}`);
    const evidence = founder.page.getByTestId('organization-evidence');
    await evidence.getByTestId('evidence-none').waitFor();
    await evidence.getByTestId('evidence-kind').selectOption('business_registration');
    await evidence.getByTestId('evidence-file').setInputFiles({
      name: 'Giay-chung-nhan-DKKD.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    await evidence.getByTestId('evidence-upload-submit').click();
    await evidence.getByTestId('evidence-list').waitFor();
    assert.match(
      await evidence.getByTestId('evidence-list').innerText(),
      /Business registration certificate\s+Giay-chung-nhan-DKKD\.pdf/,
    );
    await assertNoSeriousAxeFindings(founder.page, 'the organisation page with its evidence');

    const { page, errors } = await signedIn(operator);

    await page.goto(`${web.exchange.url}/admin/organizations`);
    await page.getByTestId(`org-row-${refusedId}`).waitFor();

    // The details, before deciding.
    await page.getByTestId(`review-${refusedId}`).click();
    const review = page.getByTestId(`org-review-${refusedId}`);
    await review.getByTestId('review-name').waitFor();
    assert.equal(await review.getByTestId('review-name').textContent(), 'Công ty Pin Mặt Trời Sao Mai');
    assert.equal(await review.getByTestId('review-tax-code').textContent(), '0312345678');
    assert.match((await review.getByTestId('review-registered-by').textContent()) ?? '', /Phạm Văn Hùng/);
    assert.match((await review.getByTestId('review-member-count').textContent()) ?? '', /1 active/);
    assert.match((await review.getByTestId('review-description').textContent()) ?? '', /pin mặt trời/);
    // The document the founder uploaded is listed and opens (inline, as a PDF).
    const listed = review.getByTestId('review-documents');
    assert.match(await listed.innerText(), /Business registration certificate\s+Giay-chung-nhan-DKKD\.pdf/);
    const href = await listed.getByTestId('evidence-open').getAttribute('href');
    const opened = await page.request.get(`${web.exchange.url}${href}`);
    assert.equal(opened.status(), 200);
    assert.equal(opened.headers()['content-type'], 'application/pdf');
    assert.match((await opened.body()).toString(), /^%PDF-1\.7/);
    await assertNoSeriousAxeFindings(page, 'the verification desk with an organisation’s details open');

    // Refusing needs a reason of ten characters or more.
    await review.getByTestId(`refuse-${refusedId}`).click();
    await review.getByTestId(`refuse-reason-${refusedId}`).fill('Sai');
    await review.getByTestId(`confirm-refuse-${refusedId}`).click();
    await review.getByRole('alert').first().waitFor();
    assert.equal((await OrganizationModel.findById(refusedId).lean())!.refusal, undefined);
    const reason = 'The tax code does not belong to this company name';
    await review.getByTestId(`refuse-reason-${refusedId}`).fill(reason);
    await review.getByTestId(`confirm-refuse-${refusedId}`).click();
    await page.getByTestId('notice-refused').waitFor();
    await page.getByTestId(`refused-${refusedId}`).waitFor();
    const refused = (await OrganizationModel.findById(refusedId).lean())!;
    assert.equal(refused.verified, false);
    assert.equal(refused.refusal!.reason, reason);

    // Verifying asks first, saying what it allows.
    await page.getByTestId(`review-${verifiedId}`).click();
    const other = page.getByTestId(`org-review-${verifiedId}`);
    await other.getByTestId('review-documents').waitFor();
    assert.match(await other.getByTestId('review-documents').innerText(), /uploaded no documents/);
    await other.getByTestId(`verify-${verifiedId}`).click();
    const question = (await other.getByTestId(`question-verify-${verifiedId}`).textContent()) ?? '';
    assert.match(question, /Viện Sinh học Nông nghiệp/);
    assert.match(question, /publish listings, bid and pay/);
    await assertNoSeriousAxeFindings(page, 'the confirmation before verifying');
    assert.equal((await OrganizationModel.findById(verifiedId).lean())!.verified, false);
    await other.getByTestId(`confirm-verify-${verifiedId}`).click();
    await page.getByTestId('notice-verified').waitFor();
    await page.getByTestId(`org-row-${verifiedId}`).waitFor({ state: 'detached' });
    assert.equal((await OrganizationModel.findById(verifiedId).lean())!.verified, true);

    // The refused organisation's member reads the reason on its page, with what to do.
    const member = await signedIn(refusedFounder, 'vi-VN');
    await member.page.goto(`${web.exchange.url}/organizations/${refusedId}`);
    await member.page.getByTestId('organization-refusal').waitFor();
    assert.match(
      (await member.page.getByTestId('organization-refusal-reason').textContent()) ?? '',
      new RegExp(reason),
    );
    assert.match((await member.page.getByTestId('organization-refusal').textContent()) ?? '', /sửa hồ sơ/);
    assert.deepEqual(errors, []);
    assert.deepEqual(member.errors, []);
    assert.deepEqual(founder.errors, []);
  });

  it('a broker opens their desk from the navigation and sees a deal a party proposed them for', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [seller, buyer, broker] = await Promise.all([
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Hà Nội' }),
      signUp(app, { kind: 'broker_firm', role: 'broker', orgName: 'Trung tâm Môi giới' }),
    ]);
    const offerId = await publishedOffer(seller);
    const bid = await buyer.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    const deal = await seller.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201);
    const dealId = deal.body.deal.id as string;
    await seller.agent.post(`/api/deals/${dealId}/broker`).send({ userId: broker.user.id }).expect(200);

    const { page, errors } = await signedIn(broker);
    await page.goto(`${web.exchange.url}/`);
    await page.getByTestId('nav-broker').click();
    await page.getByTestId('broker-dashboard').waitFor();
    const proposal = page.getByTestId(`broker-proposal-${dealId}`);
    await proposal.waitFor();
    const text = await proposal.innerText();
    assert.match(text, /Viện Công nghệ Môi trường/);
    assert.match(text, /Waiting for Công ty Nước Sạch Hà Nội/);
    await page.getByTestId('broker-deals-empty').waitFor();
    await page.getByTestId('broker-commissions-empty').waitFor();
    await assertNoSeriousAxeFindings(page, 'the broker desk');
    assert.deepEqual(errors, []);
  });
});
