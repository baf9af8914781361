/**
 * A technology valuation in Chromium, against a whole running exchange serving the built client:
 * the owner of an offer asks for it on the listing's page; an operator, on the appraisal desk, is
 * refused an expert with a conflict of interest (the server's 409, worded) and assigns another;
 * the expert accepts, opens the listing's confidential document and files the report with a value
 * range; the owner finds the report withheld until the appraisal fee is paid, pays it by bank
 * transfer, an operator confirms the transfer on the payments desk and sees the expert's share
 * owed on the payouts page; the owner then reads the report and publishes it; the listing and its
 * search hit show the "appraised" badge. The experts (and their profiles) are made through the
 * API; a visitor finds the expert in the public directory.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { publishedOffer } from '../api/deals-helpers';
import { eventually } from '../helpers/eventually';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TITLE = 'Công nghệ xử lý nước thải dệt nhuộm bằng ozone';
const SUMMARY = 'Công nghệ đạt TRL 6; giá trị hợp lý 1,2–1,8 tỷ đồng theo phương pháp chi phí.';
/** Intl writes money and dates with no-break spaces. */
const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, ' ').trim();
const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();
/** A valuation's fee by the default schedule, and the expert's 70 % of it. */
const FEE = 20_000_000;
const EXPERT_SHARE = 14_000_000;

describe('browser: a technology valuation from request to the appraised badge', function () {
  this.timeout(180_000);
  const web = useBrowserExchange();

  /** A member the operator made an appraisal expert, with a profile in engineering. */
  async function expert(operator: Member, name: string, email: string, conflicts: string[] = []) {
    const m = await signUp(web.exchange.url, {
      email,
      kind: 'institute',
      name,
      orgName: `Văn phòng ${name}`,
    });
    await operator.agent.post(`/api/admin/users/${m.user.id}/role`).send({ role: 'expert' }).expect(200);
    await m.agent
      .put('/api/experts/me')
      .send({
        fields: ['engineering_technology'],
        affiliation: 'Đại học Bách khoa Hà Nội',
        credentials: 'PGS.TS, thẩm định viên về giá',
        languages: ['vi', 'en'],
        conflicts,
      })
      .expect(200);
    return m;
  }

  /** An operator's page in English (the desk is checked in the other language). */
  async function operatorPage(operator: Member): Promise<Page> {
    const context = await web.newContext({ locale: 'en-GB' });
    const login = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: operator.user.email, password: PASSWORD },
    });
    assert.equal(login.status(), 200);
    await context.addInitScript(`localStorage.setItem('techexchange.locale', 'en')`);
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    return page;
  }

  it('the owner requests it, the operator assigns an expert, the expert reports a value range, the owner publishes it on the listing', async () => {
    const owner = await signUp(web.exchange.url, {
      email: 'vien@thamdinh-nuocthai.example.vn',
      kind: 'institute',
      orgName: 'Viện Công nghệ Môi trường',
    });
    const offerId = await publishedOffer(owner, { title: TITLE, field: 'engineering_technology', trl: 7 });
    const uploaded = await owner.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'true')
      .attach('file', PDF, 'quy-trinh-ozone.pdf')
      .expect(201);
    const documentId = uploaded.body.document.id as string;
    const operator = await signInAdmin(web.exchange.url, 'operator@thamdinh-nuocthai.example.vn');
    const lan = await expert(operator, 'Trần Thị Lan', 'lan@thamdinh-nuocthai.example.vn');
    const conflicted = await expert(operator, 'Phạm Văn Xung', 'xung@thamdinh-nuocthai.example.vn', [
      owner.orgId,
    ]);

    // The owner, in Vietnamese (their account's language), asks for a valuation on the listing.
    const ownerPage = await web.signedInPage(owner.user.email);
    await ownerPage.goto(`${web.exchange.url}/offers/${offerId}`);
    const card = ownerPage.getByTestId('appraisal-request');
    await card.getByRole('heading', { name: 'Thẩm định' }).waitFor();
    assert.equal(await ownerPage.getByTestId('listing-appraised').count(), 0);
    await card.getByTestId('appraisal-request-open').click();
    await card.getByTestId('appraisal-type-valuation').check();
    // The schedule's fee for a valuation, shown before asking.
    await card.getByText('Phí thẩm định: 20.000.000 ₫', { exact: false }).waitFor();
    await card.locator('#appraisal-note').fill('Cần định giá trước khi đấu giá quyền sử dụng.');
    await assertNoSeriousAxeFindings(ownerPage, 'the appraisal request form on the listing');
    await card.getByTestId('appraisal-request-submit').click();
    await card.getByTestId('appraisal-requested').waitFor();
    // The request is listed on the card, and linked.
    await card.getByTestId('listing-appraisal-requests').getByText('Định giá công nghệ').waitFor();
    await card.getByTestId('appraisal-requested-link').click();
    await ownerPage.waitForURL(/\/appraisals\/[0-9a-f]{24}$/);
    const appraisalId = ownerPage.url().split('/').pop()!;
    await ownerPage.getByTestId('appraisal-page').waitFor();
    assert.equal(await text(ownerPage, 'appraisal-title'), TITLE);
    assert.equal(await text(ownerPage, 'appraisal-status'), 'Chờ phân công chuyên gia');
    assert.equal(await text(ownerPage, 'appraisal-type'), 'Định giá công nghệ');
    assert.equal(await text(ownerPage, 'appraisal-note'), 'Cần định giá trước khi đấu giá quyền sử dụng.');
    assert.equal(
      await ownerPage.getByTestId('appraisal-listing-link').getAttribute('href'),
      `/offers/${offerId}`,
    );
    // The fee the schedule sets for a valuation, due once an expert takes the request on.
    assert.equal(await text(ownerPage, 'appraisal-fee-amount'), '20.000.000 ₫');
    assert.equal(await ownerPage.getByTestId('appraisal-fee-status').getAttribute('data-status'), 'unpaid');
    assert.equal(
      await text(ownerPage, 'appraisal-fee-hint'),
      'Phí được thanh toán khi chuyên gia nhận yêu cầu.',
    );
    assert.equal(await ownerPage.getByTestId('appraisal-pay-bank').count(), 0);

    // The operator, in English, finds it on the desk from the administration's home.
    const desk = await operatorPage(operator);
    await desk.goto(`${web.exchange.url}/admin`);
    await desk.getByTestId('admin-appraisals-link').click();
    await desk.waitForURL(/\/admin\/appraisals$/);
    await desk.getByRole('heading', { level: 1, name: /Appraisal desk/ }).waitFor();
    const item = desk.getByTestId(`desk-item-${appraisalId}`);
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Technology valuation/);
    assert.match((await item.textContent()) ?? '', /Cần định giá trước khi đấu giá/);
    const picker = item.getByTestId(`desk-experts-${appraisalId}`);
    await picker.getByText('Experts in Engineering and technology').waitFor();
    const lanBox = picker.getByTestId(`desk-expert-${appraisalId}-${lan.user.id}`);
    const xungBox = picker.getByTestId(`desk-expert-${appraisalId}-${conflicted.user.id}`);
    await lanBox.waitFor();
    // An expert in conflict with the owner is refused, with the server's reason; nothing is assigned.
    await xungBox.check();
    await lanBox.check();
    await item.getByTestId(`desk-assign-submit-${appraisalId}`).click();
    const refusal = item.getByTestId(`desk-error-${appraisalId}`);
    await refusal.waitFor();
    assert.match(
      (await refusal.textContent()) ?? '',
      /Phạm Văn Xung has a conflict of interest with the listing's owner and cannot be assigned\./,
    );
    assert.equal(await item.getByTestId('appraisal-no-experts').count(), 1);
    await assertNoSeriousAxeFindings(desk, 'the appraisal desk with a refusal');
    await xungBox.uncheck();
    await item.getByTestId(`desk-assign-submit-${appraisalId}`).click();
    await desk.getByTestId('desk-assigned').getByText(`Trần Thị Lan assigned to “${TITLE}”`).waitFor();
    // It leaves the requests awaiting experts, for those assigned.
    await desk.getByTestId('desk-empty').waitFor();
    await desk.getByTestId('appraisal-filter-assigned').click();
    const assignedItem = desk.getByTestId(`desk-item-${appraisalId}`);
    await assignedItem.getByTestId(`assignment-${lan.user.id}`).getByText('Awaiting answer').waitFor();

    // The expert, in Vietnamese, finds the request under "Thẩm định" and accepts it.
    const lanPage = await web.signedInPage(lan.user.email);
    await lanPage.getByTestId('nav-appraisals').click();
    await lanPage.waitForURL(/\/appraisals$/);
    const row = lanPage.getByTestId(`appraisal-row-${appraisalId}`);
    await row.getByText('Được phân công cho bạn').waitFor();
    await row.getByTestId(`appraisal-link-${appraisalId}`).click();
    await lanPage.getByTestId('expert-decision').waitFor();
    await lanPage.getByTestId('appraisal-accept').click();
    await lanPage.getByTestId('appraisal-notice-accepted').waitFor();
    assert.equal(await text(lanPage, 'appraisal-status'), 'Đang thẩm định');
    // The listing's confidential document is open to the expert now.
    await lanPage.getByTestId('expert-documents-link').click();
    await lanPage.waitForURL(new RegExp(`/offers/${offerId}#listing-documents$`));
    const download = lanPage.getByTestId(`download-${documentId}`);
    await download.waitFor();
    assert.equal(await download.textContent(), 'quy-trinh-ozone.pdf');
    await lanPage.goBack();

    // The report, with a value range typed as people write it; a range upside down is caught first.
    const form = lanPage.getByTestId('report-form');
    await form.waitFor();
    await form.getByTestId('report-trl').selectOption('6');
    await form
      .locator('#report-findings')
      .fill('Quy trình đã chạy thử ở quy mô xưởng; hiệu suất khử màu đạt 92%.');
    await form.locator('#report-risks').fill('Bằng độc quyền sáng chế mới nộp đơn, chưa được cấp.');
    await form.locator('#report-low').fill('2.000.000.000');
    await form.locator('#report-high').fill('1.800.000.000');
    await form.getByTestId('report-currency').selectOption('VND');
    await form.getByTestId('report-method').selectOption('cost');
    await form.locator('#report-assumptions').fill('Chi phí tái tạo công nghệ theo giá năm nay.');
    await form.locator('#report-recommendation').fill(SUMMARY);
    await form.getByTestId('report-submit').click();
    assert.equal(
      await text(lanPage, 'error-report-high'),
      'Giá trị tối thiểu không được lớn hơn giá trị tối đa.',
    );
    await form.locator('#report-low').fill('1.200.000.000');
    await assertNoSeriousAxeFindings(lanPage, 'the expert’s report form');
    await form.getByTestId('report-submit').click();
    await lanPage.getByTestId('appraisal-notice-reported').waitFor();
    assert.equal(await text(lanPage, 'appraisal-status'), 'Đã có báo cáo');
    assert.equal(await text(lanPage, 'report-view-range'), '1.200.000.000 ₫ – 1.800.000.000 ₫');
    assert.equal(await lanPage.getByTestId('appraisal-publish').count(), 0);

    // The report is in, but the owner reads it once the fee is paid: the page says so, the fee
    // is due now, and publishing waits for it too.
    await ownerPage.reload();
    await ownerPage.getByTestId('appraisal-report-withheld').waitFor();
    assert.equal(await text(ownerPage, 'appraisal-status'), 'Đã có báo cáo');
    assert.equal(
      await text(ownerPage, 'appraisal-report-withheld'),
      'Chuyên gia đã nộp báo cáo. Báo cáo sẽ hiển thị khi phí thẩm định đã được thanh toán.',
    );
    assert.equal(await ownerPage.getByTestId('report-view').count(), 0);
    assert.equal(await text(ownerPage, 'appraisal-fee-amount'), '20.000.000 ₫');
    assert.equal(await ownerPage.getByTestId('appraisal-fee-status').getAttribute('data-status'), 'unpaid');
    assert.equal(await text(ownerPage, 'appraisal-fee-status'), 'Chưa thanh toán');
    assert.equal(await ownerPage.getByTestId('appraisal-publish-button').isDisabled(), true);
    assert.equal(
      await text(ownerPage, 'appraisal-publish-blocked'),
      'Có thể công bố báo cáo khi phí thẩm định đã được thanh toán.',
    );
    const events = ownerPage.getByTestId('appraisal-timeline').locator('li');
    const timeline = async () => {
      const history: (string | null)[] = [];
      for (let i = 0; i < (await events.count()); i++)
        history.push(await events.nth(i).getAttribute('data-event'));
      return history;
    };
    assert.deepEqual(await timeline(), ['requested', 'assigned', 'accepted', 'reported']);
    await assertNoSeriousAxeFindings(
      ownerPage,
      'the appraisal with its report withheld until the fee is paid',
    );

    // The owner pays by bank transfer: the instructions give the amount and the reference to quote.
    await ownerPage.getByTestId('appraisal-pay-bank').click();
    await ownerPage.getByTestId('bank-instructions').waitFor();
    assert.equal(await text(ownerPage, 'bank-amount'), '20.000.000 ₫');
    const reference = await text(ownerPage, 'bank-reference');
    assert.match(reference, /^TX-[A-Z2-9]{6}$/);
    await ownerPage.locator('[data-testid="appraisal-fee-status"][data-status="pending"]').waitFor();
    assert.equal(await ownerPage.getByTestId('report-view').count(), 0);
    await assertNoSeriousAxeFindings(ownerPage, 'the appraisal fee’s bank transfer instructions');
    const pending = await owner.agent.get(`/api/appraisals/${appraisalId}`).expect(200);
    assert.equal(pending.body.appraisal.fee.status, 'pending');
    assert.equal(pending.body.appraisal.reportWithheld, true);
    const paymentId = pending.body.appraisal.fee.paymentId as string;
    assert.ok(paymentId);

    // The operator finds the fee on the payments desk, linked to the appraisal (there is no deal),
    // and confirms the transfer with what the bank statement shows.
    await desk.goto(`${web.exchange.url}/admin`);
    await desk.getByTestId('admin-payments-link').click();
    await desk.waitForURL(/\/admin\/payments$/);
    const paymentRow = desk.getByTestId(`admin-payment-${paymentId}`);
    await paymentRow.waitFor();
    const appraisalLink = paymentRow.getByTestId(`payment-appraisal-${paymentId}`);
    assert.equal(await appraisalLink.getAttribute('href'), `/appraisals/${appraisalId}`);
    assert.equal(await textOf(appraisalLink), TITLE);
    assert.equal(await paymentRow.locator('a[href^="/deals/"]').count(), 0);
    const rowText = await textOf(paymentRow);
    assert.match(rowText, /Appraisal fee/);
    assert.match(rowText, /Requester/);
    assert.match(rowText, /Viện Công nghệ Môi trường/);
    assert.ok(rowText.includes('₫20,000,000'), rowText);
    assert.ok(rowText.includes(reference), rowText);
    await paymentRow.getByTestId(`confirm-${paymentId}`).click();
    await desk.getByTestId(`transfer-amount-${paymentId}`).fill('20,000,000');
    await desk.getByTestId(`transfer-reference-${paymentId}`).fill('FT26337000456');
    await assertNoSeriousAxeFindings(desk, 'the appraisal fee’s transfer confirmation');
    await desk.getByTestId(`transfer-submit-${paymentId}`).click();
    await desk.locator(`[data-testid="admin-payment-${paymentId}"] [data-status="paid"]`).waitFor();

    // The expert's share of the fee (70 %) is now owed to her, on the payouts page.
    await desk.goto(`${web.exchange.url}/admin`);
    await desk.getByTestId('admin-payouts-link').click();
    await desk.waitForURL(/\/admin\/payouts$/);
    await desk.getByTestId('admin-payouts').waitFor();
    await desk.getByRole('heading', { level: 1, name: 'Payouts' }).waitFor();
    const lanTotal = desk.getByTestId(`payout-total-${lan.user.id}-VND`);
    await lanTotal.waitFor();
    assert.equal(await textOf(lanTotal.getByTestId('payout-total-name')), 'Trần Thị Lan');
    assert.equal(await textOf(lanTotal.getByTestId('payout-total-owed')), '₫14,000,000');
    const payouts = (await operator.agent.get('/api/admin/payouts').expect(200)).body as {
      payouts: { id: string; kind: string; appraisalId?: string; payeeUserId: string; amount: number }[];
    };
    const share = payouts.payouts.find((p) => p.appraisalId === appraisalId && p.payeeUserId === lan.user.id);
    assert.ok(share);
    assert.equal(share.kind, 'payout_due');
    assert.equal(share.amount, EXPERT_SHARE);
    assert.equal(EXPERT_SHARE, (FEE * 70) / 100);
    const shareRow = desk.getByTestId(`payout-row-${share.id}`);
    await shareRow.waitFor();
    assert.equal(await textOf(shareRow.getByTestId('payout-payee')), 'Trần Thị Lan');
    assert.equal(await textOf(shareRow.getByTestId('payout-purpose')), "Expert's share");
    assert.equal(await textOf(shareRow.getByTestId('payout-kind')), 'Share owed');
    assert.equal(await textOf(shareRow.getByTestId('payout-amount')), '₫14,000,000');
    assert.equal(
      await shareRow.locator(`a[href="/appraisals/${appraisalId}"]`).count(),
      1,
      'the share links to its appraisal',
    );
    assert.equal(await desk.getByTestId(`payout-total-${conflicted.user.id}-VND`).count(), 0);
    await assertNoSeriousAxeFindings(desk, 'the payouts page');

    // The owner's page, re-reading itself while the transfer was pending, shows the fee paid and the report.
    await ownerPage.locator('[data-testid="appraisal-fee-status"][data-status="paid"]').waitFor();
    await ownerPage.getByTestId('report-view').waitFor();
    assert.equal(await ownerPage.getByTestId('appraisal-report-withheld').count(), 0);
    // The exchange writes the payment on the request's history in the background.
    await eventually(async () => {
      const res = await owner.agent.get(`/api/appraisals/${appraisalId}`).expect(200);
      return (res.body.appraisal.timeline as { event: string }[]).some((e) => e.event === 'fee_paid');
    }, 'the fee paid on the appraisal’s timeline');

    // The owner reads the report and publishes it on the listing.
    await ownerPage.reload();
    await ownerPage.getByTestId('report-view').waitFor();
    assert.equal(await text(ownerPage, 'appraisal-status'), 'Đã có báo cáo');
    assert.match(await text(ownerPage, 'report-view-trl'), /^6 — /);
    assert.equal(await text(ownerPage, 'report-view-range'), '1.200.000.000 ₫ – 1.800.000.000 ₫');
    assert.equal(await text(ownerPage, 'report-view-method'), 'Phương pháp chi phí');
    assert.equal(await text(ownerPage, 'report-view-recommendation'), SUMMARY);
    assert.deepEqual(await timeline(), ['requested', 'assigned', 'accepted', 'reported', 'fee_paid']);
    assert.equal(await text(ownerPage, 'appraisal-fee-status'), 'Đã thanh toán');
    await ownerPage.getByTestId(`receipt-${paymentId}`).waitFor();
    assert.equal(await ownerPage.getByTestId('appraisal-pay-bank').count(), 0);
    assert.equal(await ownerPage.getByTestId('appraisal-publish-blocked').count(), 0);
    assert.equal(await ownerPage.getByTestId('appraisal-publish-button').isDisabled(), false);
    await ownerPage.getByTestId('appraisal-publish-button').click();
    await ownerPage.getByTestId('confirm-appraisal-publish-button').click();
    await ownerPage.getByTestId('appraisal-notice-published').waitFor();
    assert.equal(await text(ownerPage, 'appraisal-status'), 'Đã công bố');
    await ownerPage.getByTestId('appraisal-published-link').click();
    await ownerPage.waitForURL(new RegExp(`/offers/${offerId}$`));
    const badge = ownerPage.getByTestId('listing-appraised');
    await badge.waitFor();
    assert.equal(
      await text(ownerPage, 'listing-appraised-facts'),
      `TRL thẩm định 6 · Định giá công nghệ · ${await publishedOn(ownerPage)}`,
    );
    assert.match((await badge.textContent()) ?? '', /Đã thẩm định/);
    assert.equal(await text(ownerPage, 'listing-appraised-summary'), SUMMARY);

    // A visitor, in English, sees the badge on the listing and on its search hit.
    await syncSearchIndex({ search: web.exchange.ctx.search });
    const visitor = await web.newPage('en-GB');
    visitor.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await visitor.goto(`${web.exchange.url}/`);
    await visitor.getByTestId('lang-en').click();
    await visitor.goto(`${web.exchange.url}/offers/${offerId}`);
    await visitor.getByTestId('listing-appraised').waitFor();
    assert.match(await text(visitor, 'listing-appraised-facts'), /^Assessed TRL 6 · Technology valuation · /);
    assert.equal(await text(visitor, 'listing-appraised-summary'), SUMMARY);
    await assertNoSeriousAxeFindings(visitor, 'a listing with its appraised badge');
    await visitor.goto(`${web.exchange.url}/search?q=ozone`);
    const hit = visitor.locator(`[data-testid="search-result"][data-id="${offerId}"]`);
    await hit.waitFor();
    const hitBadge = hit.getByTestId('hit-appraised');
    await hitBadge.waitFor();
    assert.match((await hitBadge.textContent()) ?? '', /Appraised/);
    assert.match(
      ((await hit.getByTestId('hit-appraised-facts').textContent()) ?? '').replace(/\s/g, ' '),
      /^Assessed TRL 6 · Technology valuation · /,
    );

    // And finds the expert in the public directory.
    await visitor.getByTestId('nav-experts').click();
    await visitor.waitForURL(/\/experts$/);
    await visitor.getByTestId('expert-filter-q').fill('Lan');
    await visitor.getByTestId('expert-filter-apply').click();
    await visitor.waitForURL(/q=Lan/);
    const lanCard = visitor.getByTestId(`expert-${lan.user.id}`);
    await lanCard.waitFor();
    assert.equal(await lanCard.getByTestId('expert-name').textContent(), 'Trần Thị Lan');
    assert.equal(await lanCard.getByTestId('expert-availability').textContent(), 'Available');
    assert.match(
      (await lanCard.getByTestId('expert-affiliation').textContent()) ?? '',
      /Đại học Bách khoa Hà Nội/,
    );
    assert.match(
      (await lanCard.getByTestId('expert-fields').textContent()) ?? '',
      /Engineering and technology/,
    );
    assert.equal(await visitor.getByTestId(`expert-${conflicted.user.id}`).count(), 0);

    // The conflicted expert's own profile names the organization declared, and saves.
    const xungPage = await web.signedInPage(conflicted.user.email);
    await xungPage.getByTestId('nav-appraisals').click();
    await xungPage.getByTestId('appraisals-empty').waitFor();
    await xungPage.getByTestId('expert-profile-link').click();
    await xungPage.waitForURL(/\/experts\/me$/);
    const profile = xungPage.getByTestId('expert-profile-form');
    await profile.waitFor();
    assert.equal(await profile.getByTestId('expert-fields-engineering_technology').isChecked(), true);
    assert.equal(await profile.locator('#expert-affiliation').inputValue(), 'Đại học Bách khoa Hà Nội');
    await profile
      .getByTestId(`expert-conflict-${owner.orgId}`)
      .getByText('Viện Công nghệ Môi trường')
      .waitFor();
    await profile.getByTestId('expert-availability-select').selectOption('busy');
    await assertNoSeriousAxeFindings(xungPage, 'the expert profile form');
    await profile.getByTestId('expert-profile-save').click();
    await profile.getByTestId('expert-profile-saved').getByText('Đã lưu hồ sơ của bạn.').waitFor();

    // The exchange pays Lan her share: the operator records the transfer with its reference on
    // the payouts page (still open, and open in a second tab that will not know it).
    const staleDesk = await desk.context().newPage();
    staleDesk.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await staleDesk.goto(`${web.exchange.url}/admin/payouts`);
    await staleDesk.getByTestId(`payout-mark-paid-${share.id}`).waitFor();
    await desk.reload();
    await shareRow.waitFor();
    assert.equal(await shareRow.getByTestId('payout-status').getAttribute('data-status'), 'due');
    assert.equal(await textOf(shareRow.getByTestId('payout-status')), 'Due');
    assert.equal(await textOf(lanTotal.getByTestId('payout-total-owed')), '₫14,000,000');
    assert.equal(await textOf(lanTotal.getByTestId('payout-paid-total')), '₫0');
    const transferRef = desk.getByTestId(`payout-reference-${share.id}`);
    // A reference too short to find the transfer by is caught before it is sent.
    await transferRef.fill('FT');
    await desk.getByTestId(`payout-mark-paid-${share.id}`).click();
    await shareRow
      .getByText('Enter the reference of the transfer that paid this share (3–100 characters).')
      .waitFor();
    assert.equal(await transferRef.getAttribute('aria-invalid'), 'true');
    await transferRef.fill('FT26340009871');
    await assertNoSeriousAxeFindings(desk, 'the payouts page with a share to mark paid');
    await desk.getByTestId(`payout-mark-paid-${share.id}`).click();
    // The list is read again: the share is paid, with the reference, and Lan's total moves to paid.
    await shareRow.locator('[data-testid="payout-status"][data-status="paid"]').waitFor();
    assert.equal(await textOf(shareRow.getByTestId('payout-status')), 'Paid');
    assert.equal(
      await textOf(shareRow.getByTestId('payout-paid-reference')),
      'Transfer reference: FT26340009871',
    );
    assert.equal(await shareRow.getByTestId(`payout-mark-paid-${share.id}`).count(), 0);
    assert.equal(await textOf(lanTotal.getByTestId('payout-total-owed')), '₫0');
    assert.equal(await textOf(lanTotal.getByTestId('payout-paid-total')), '₫14,000,000');
    await assertNoSeriousAxeFindings(desk, 'the payouts page with a share paid');
    const settled = (await operator.agent.get('/api/admin/payouts').expect(200)).body as {
      payouts: { id: string; status: string; paidReference?: string }[];
    };
    const paidShare = settled.payouts.find((p) => p.id === share.id);
    assert.equal(paidShare?.status, 'paid');
    assert.equal(paidShare?.paidReference, 'FT26340009871');
    // The tab that still shows it due is refused by the server (it is paid once), and says so.
    await staleDesk.getByTestId(`payout-reference-${share.id}`).fill('FT26340009999');
    await staleDesk.getByTestId(`payout-mark-paid-${share.id}`).click();
    const refused = staleDesk.getByTestId(`payout-error-${share.id}`);
    await refused.waitFor();
    assert.match(
      await textOf(refused),
      /This cannot be done in the current state\. This share is no longer due \(it was paid/,
    );
    await staleDesk.close();
    const unchanged = (await operator.agent.get('/api/admin/payouts').expect(200)).body as typeof settled;
    assert.equal(unchanged.payouts.find((p) => p.id === share.id)?.paidReference, 'FT26340009871');

    // Lan, in Vietnamese, finds her earnings in the navigation: the share paid, with the reference.
    await lanPage.getByTestId('nav-payouts').click();
    await lanPage.waitForURL(/\/payouts$/);
    await lanPage.getByTestId('my-payouts').waitFor();
    await lanPage.getByRole('heading', { level: 1, name: 'Thu nhập của tôi' }).waitFor();
    const myShare = lanPage.getByTestId(`my-payout-${share.id}`);
    await myShare.waitFor();
    assert.equal(await myShare.getByTestId('payout-status').getAttribute('data-status'), 'paid');
    assert.equal(await textOf(myShare.getByTestId('payout-status')), 'Đã trả');
    assert.equal(
      await textOf(myShare.getByTestId('payout-paid-reference')),
      'Mã chuyển khoản: FT26340009871',
    );
    assert.equal(await textOf(myShare.getByTestId('payout-purpose')), 'Thù lao chuyên gia thẩm định');
    assert.equal(await textOf(myShare.getByTestId('payout-amount')), '14.000.000 ₫');
    assert.equal(await myShare.locator(`a[href="/appraisals/${appraisalId}"]`).count(), 1);
    const myTotal = lanPage.getByTestId('my-payout-total-VND');
    assert.equal(await textOf(myTotal.getByTestId('payout-total-owed')), '0 ₫');
    assert.equal(await textOf(myTotal.getByTestId('payout-paid-total')), '14.000.000 ₫');
    assert.equal(await lanPage.getByTestId('payout-mark-paid-' + share.id).count(), 0);
    await assertNoSeriousAxeFindings(lanPage, 'the expert’s earnings');
    // The other expert, who was paid nothing, is told so.
    await xungPage.getByTestId('nav-payouts').click();
    await xungPage.waitForURL(/\/payouts$/);
    await xungPage.getByTestId('my-payouts-empty').waitFor();
    // A member who is neither broker nor expert has no such link.
    assert.equal(await ownerPage.getByTestId('nav-payouts').count(), 0);
  });
});

/** The publication date as the page itself writes it (the browser's own date format). */
async function publishedOn(page: Page): Promise<string> {
  const at = (await page.evaluate(`fetch(location.pathname.replace('/offers/', '/api/offers/'))
    .then((r) => r.json()).then((b) => b.offer.appraisal.at)`)) as string;
  return (
    (await page.evaluate(
      `new Intl.DateTimeFormat('vi-VN', { dateStyle: 'medium' }).format(new Date(${JSON.stringify(at)}))`,
    )) as string
  ).replace(/\s/g, ' ');
}
