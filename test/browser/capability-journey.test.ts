/**
 * The technology-capability assessment in Chromium, against a whole running exchange serving the
 * built client (`npm run build:client` first): beside two enterprises of the sector that answered
 * through the API, an enterprise member assesses the sector group by group (saving each group,
 * leaving and coming back), sees the score and level against the sector's average, and what would
 * raise the weakest group: an offer published in the sector with the transfer that answers it; an
 * operator sees the assessment, verifies it and exports it as CSV; a visitor finds it in the public
 * directory. A member of a university is told the assessment is for enterprises.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { CAPABILITY_CRITERIA, CAPABILITY_GROUPS } from '../../server/api-contract/capability-criteria';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { assertNoSeriousAxeFindings } from '../helpers/axe';
import { publishedOffer } from '../api/deals-helpers';

const SECTOR = 'food_beverages';
const ENTERPRISE = 'Công ty Cổ phần Thủy sản Mê Kông';
/** Offered under a non-exclusive licence: the transfer that answers group I (innovation). */
const LICENCE_OFFER = 'Công nghệ chế biến thực phẩm lên men từ phụ phẩm thủy sản';

/**
 * Band 3 of 4 everywhere but in group I (innovation), band 1: 75% of T, E, O, R's 86 points and
 * 25% of I's 14 make 68 points; the synchronisation coefficient (geometric over arithmetic mean
 * of the groups' shares) is 0.926, and 68 points with 0.926 is "above average" ("advanced" needs
 * 80 points). I is the weakest group.
 */
const bandOf = (group: string) => (group === 'I' ? 1 : 3);

describe('browser: the technology-capability assessment', function () {
  this.timeout(180_000);
  const web = useBrowserExchange();

  async function answerGroup(page: Page, group: string): Promise<void> {
    await page.getByTestId(`capability-group-${group}`).waitFor();
    for (const c of CAPABILITY_CRITERIA.filter((k) => k.group === group))
      await page.getByTestId(`criterion-${c.code}-band-${bandOf(group)}`).check();
  }

  async function saveAndContinue(page: Page, next: string | null): Promise<void> {
    await page.getByTestId('capability-save').click();
    if (next) await page.getByTestId(`capability-group-${next}`).waitFor();
  }

  it('an enterprise member answers every criterion and sees the level; an operator verifies it and exports it; the directory shows it', async () => {
    // Two other enterprises of the sector, half of every criterion's points (band 2): 50 points.
    for (const name of ['Công ty Chế biến Cà Mau', 'Công ty Đồ uống Cần Thơ']) {
      const other = await signUp(web.exchange.url, { kind: 'enterprise', orgName: name });
      const answers = Object.fromEntries(CAPABILITY_CRITERIA.map((c) => [c.code, 2]));
      await other.agent
        .put(`/api/organizations/${other.orgId}/capability`)
        .send({ sector: SECTOR, answers })
        .expect(200);
    }
    // Offers published in the sector: one under a non-exclusive licence, one turnkey; both in the search index.
    const institute = await signUp(web.exchange.url, {
      kind: 'institute',
      orgName: 'Viện Công nghệ Sau thu hoạch',
    });
    const offerIn = (title: string, transferModes: string[], trl: number) =>
      publishedOffer(institute, {
        title,
        summary: `${title}: quy trình đã chạy thử ở quy mô xưởng.`,
        field: 'agricultural_sciences',
        province: 'can_tho',
        transferModes,
        trl,
      });
    const licenceOffer = await offerIn(LICENCE_OFFER, ['license_non_exclusive'], 7);
    await offerIn('Dây chuyền chế biến thực phẩm đóng hộp tự động', ['turnkey'], 8);
    await syncSearchIndex({ search: web.exchange.ctx.search });
    // An appraisal expert of the sector's fields, whom an operator gave the role.
    const granting = await signInAdmin(web.exchange.url);
    const expert = await signUp(web.exchange.url, {
      kind: 'institute',
      name: 'Trần Thị Lan',
      orgName: 'Viện Cơ điện Nông nghiệp',
    });
    await granting.agent.post(`/api/admin/users/${expert.user.id}/role`).send({ role: 'expert' }).expect(200);
    await expert.agent
      .put('/api/experts/me')
      .send({ fields: ['agricultural_sciences'], affiliation: 'Viện Cơ điện Nông nghiệp' })
      .expect(200);

    const member = await signUp(web.exchange.url, {
      email: 'tam@thuysan-nangluc.example.vn',
      kind: 'enterprise',
      orgName: ENTERPRISE,
    });
    const page = await web.signedInPage(member.user.email);

    // From the navigation, in the member's language (Vietnamese, their account's).
    await page.getByTestId('nav-capability').click();
    await page.waitForURL(/\/capability$/);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá năng lực công nghệ' }).waitFor();
    await page.getByTestId('capability-sector').selectOption(SECTOR);
    await page.waitForURL(new RegExp(`/capability\\?sector=${SECTOR}$`));

    // The first group: its criteria, each with its explanation and five bands, in Vietnamese.
    const t1 = page.getByTestId('criterion-T1');
    await t1.waitFor();
    assert.match((await t1.locator('legend').textContent()) ?? '', /Mức độ hiện đại của công nghệ/);
    assert.match((await t1.textContent()) ?? '', /So sánh dây chuyền chính/);
    assert.equal(await t1.locator('input[type="radio"]').count(), 5);
    await answerGroup(page, 'T');
    // T: 7 criteria at 3/4 of 30 points.
    assert.equal(
      await page.getByTestId('capability-step-progress-T').textContent(),
      'Đã trả lời 7/7 · 22,5/30 điểm',
    );
    await assertNoSeriousAxeFindings(page, 'the capability questionnaire');
    await saveAndContinue(page, 'E');
    await answerGroup(page, 'E');
    await saveAndContinue(page, 'O');

    // Save and resume: coming back, the saved answers are there and the next group is open.
    await page.goto(`${web.exchange.url}/`);
    await page.goto(`${web.exchange.url}/capability?sector=${SECTOR}`);
    await page.getByTestId('capability-group-O').waitFor();
    assert.equal(
      await page.getByTestId('capability-step-progress-E').textContent(),
      'Đã trả lời 5/5 · 15/20 điểm',
    );
    assert.equal(await page.getByTestId('capability-incomplete').isVisible(), true);
    await page.getByTestId('capability-step-T').click();
    assert.equal(await page.getByTestId('criterion-T7-band-3').isChecked(), true);
    await page.getByTestId('capability-step-O').click();

    for (const [i, group] of ['O', 'R', 'I'].entries()) {
      await answerGroup(page, group);
      await saveAndContinue(page, ['R', 'I', null][i]);
    }

    // The results: score, coefficient, level, the weakest groups and the radar.
    const level = page.getByTestId('capability-level');
    await level.waitFor();
    assert.equal(await level.textContent(), 'Trung bình tiên tiến');
    assert.equal(await page.getByTestId('capability-score').textContent(), '68/100');
    assert.equal(await page.getByTestId('capability-sync').textContent(), '0,926');
    const weakest = await page.getByTestId('capability-weakest').locator('li').allTextContents();
    assert.match(weakest[0], /^I · Năng lực đổi mới sáng tạo — 25%$/);
    assert.equal(await page.getByTestId('capability-incomplete').count(), 0);
    for (const g of CAPABILITY_GROUPS)
      assert.match(
        (await page.getByTestId(`capability-step-progress-${g}`).textContent()) ?? '',
        /^Đã trả lời (\d+)\/\1 · /,
      );
    await page.locator('[data-testid="capability-radar"] svg.recharts-surface').first().waitFor();

    // What would raise the weakest group: why, and the sector's offer under the transfer that answers it first.
    const reason = page.getByTestId('capability-suggestions').getByTestId('capability-suggestion-reason-I');
    await reason.waitFor();
    assert.equal(
      await reason.textContent(),
      'Nhóm I (Năng lực đổi mới sáng tạo) của doanh nghiệp bạn đạt 3,5/14 điểm: các chào bán dưới đây ' +
        'trong ngành của bạn có thể giúp nâng nhóm này, ưu tiên các chào bán theo hình thức li-xăng không độc quyền.',
    );
    const suggested = page.getByTestId('capability-suggestion-I').locator('li').first();
    const suggestedLink = suggested.getByTestId('capability-suggested-offer');
    assert.equal(await suggestedLink.textContent(), LICENCE_OFFER);
    assert.equal(await suggestedLink.getAttribute('href'), `/offers/${licenceOffer}`);
    assert.match((await suggested.textContent()) ?? '', /TRL 7/);
    // And the expert who could assess and advise the enterprise.
    const experts = page.getByTestId('capability-suggested-experts');
    assert.equal(
      await experts.locator('h3').textContent(),
      'Chuyên gia có thể thẩm định và tư vấn cho doanh nghiệp',
    );
    assert.equal(
      await experts.getByTestId('capability-suggested-expert').textContent(),
      'Trần Thị Lan · Viện Cơ điện Nông nghiệp (Khoa học nông nghiệp)',
    );
    // Against the sector's average (three enterprises now): T's mean share (75%, 50%, 50%) of 30 points.
    const radarHeads = await page.getByTestId('capability-radar').locator('thead th').allTextContents();
    assert.deepEqual(radarHeads, ['Nhóm', 'Doanh nghiệp của bạn', 'Trung bình ngành (3 doanh nghiệp)']);
    const tScores = await page.getByTestId('capability-group-score-T').locator('td').allTextContents();
    assert.deepEqual(tScores, ['7/7', '22,5/30', '75%', '17,5']);
    assert.equal(await page.getByTestId('capability-verified').textContent(), 'Chờ xác minh');

    // The directory may show the scores too.
    await page.getByTestId('capability-visibility-scores').check();
    await page.getByTestId('capability-visibility-save').click();
    await page.getByTestId('capability-visibility').getByText('Đã lưu lựa chọn của bạn.').waitFor();
    await assertNoSeriousAxeFindings(page, 'the capability results');

    // An operator, in English, verifies the assessment and exports the assessments.
    const operator = await signInAdmin(web.exchange.url, 'operator@thuysan-nangluc.example.vn');
    const context = await web.newContext({ locale: 'en-US', acceptDownloads: true });
    const login = await context.request.post(`${web.exchange.url}/api/auth/login`, {
      data: { email: operator.user.email, password: PASSWORD },
    });
    assert.equal(login.status(), 200);
    await context.addInitScript(`localStorage.setItem('techexchange.locale', 'en')`);
    const desk = await context.newPage();
    const errors: string[] = [];
    desk.on('pageerror', (e) => errors.push(e.message));
    await desk.goto(`${web.exchange.url}/admin`);
    await desk.getByTestId('admin-capabilities-link').click();
    await desk.waitForURL(/\/admin\/capabilities$/);
    await desk.getByRole('heading', { level: 1, name: 'Technology capability' }).waitFor();
    const rowId = `${member.orgId}-${SECTOR}`;
    const row = desk.getByTestId(`capability-row-${rowId}`);
    await row.waitFor();
    const cells = await row.locator('th, td').allTextContents();
    assert.equal(cells[0], ENTERPRISE);
    assert.equal(cells[1], 'Food and beverages');
    assert.equal(cells[2], 'Above average');
    assert.equal(cells[3], '68');
    await desk.locator('[data-testid="capability-levels-chart"] svg.recharts-surface').first().waitFor();
    const weakestGroups = await desk.getByTestId('capability-admin-weakest').locator('li').allTextContents();
    // Over the three enterprises: I's mean share is (25% + 50% + 50%) / 3.
    assert.equal(weakestGroups[0], 'I · Innovation — 42%');
    assert.equal(
      await desk.getByTestId(`capability-row-verified-${rowId}`).textContent(),
      'Awaiting verification',
    );
    await desk.getByTestId(`capability-verify-${rowId}`).click();
    await desk.getByTestId(`capability-row-verified-${rowId}`).getByText('Verified').waitFor();
    assert.equal(await desk.getByTestId(`capability-verify-${rowId}`).count(), 0);

    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByTestId('capability-export-csv').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'capability-all.csv');
    const rows = parseCsv(fs.readFileSync((await download.path())!, 'utf8'), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    const exported = rows.find((r) => r.organization === ENTERPRISE);
    assert.ok(exported, `the CSV names ${ENTERPRISE}: ${JSON.stringify(rows)}`);
    assert.equal(exported.sector, SECTOR);
    assert.equal(exported.level, 'above_average');
    assert.equal(Number(exported.score), 68);
    assert.equal(exported.verified, 'yes');
    assert.deepEqual(errors, []);

    // The member sees the verification, and follows the suggested offer to its page.
    await page.reload();
    await page.getByTestId('capability-verified').getByText('Đã xác minh').waitFor();
    await page.getByTestId('capability-suggestion-I').getByRole('link', { name: LICENCE_OFFER }).click();
    await page.waitForURL(new RegExp(`/offers/${licenceOffer}$`));
    assert.equal(await page.getByTestId('listing-title').textContent(), LICENCE_OFFER);

    // A visitor finds the enterprise in the directory, verified, with its scores.
    const visitor = await web.newPage('en-GB');
    await visitor.goto(`${web.exchange.url}/`);
    await visitor.getByTestId('lang-en').click();
    await visitor.getByTestId('nav-capabilities').click();
    await visitor.getByRole('heading', { level: 1, name: 'Technology capability of enterprises' }).waitFor();
    await visitor.getByTestId('capability-filter-sector').selectOption(SECTOR);
    await visitor.getByTestId('capability-filter-apply').click();
    await visitor.waitForURL(new RegExp(`sector=${SECTOR}`));
    const item = visitor.getByTestId(`capability-item-${rowId}`);
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    assert.ok(text.includes(ENTERPRISE), text);
    assert.ok(text.includes('Above average'), text);
    assert.ok(text.includes('68/100'), text);
    assert.equal(await item.getByTestId('capability-item-verified').textContent(), '✓ Verified');
  });

  it('a member of a university is told the assessment is for enterprises', async () => {
    const member = await signUp(web.exchange.url, {
      email: 'giangvien@daihoc-nangluc.example.vn',
      kind: 'university',
    });
    const page = await web.signedInPage(member.user.email);
    assert.equal(await page.getByTestId('nav-capability').count(), 0);
    await page.goto(`${web.exchange.url}/capability`);
    const notice = page.getByTestId('capability-not-enterprise');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /dành cho doanh nghiệp/);
    assert.equal(await page.getByTestId('capability-sector').count(), 0);
  });
});
