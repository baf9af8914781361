import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { expectedFigures, seedStatistics, type Seed } from './stats-seed';
import { createListingDoc, listingStore } from '../../server/listings/listing.store';
import { createBid } from '../../server/bids/bid.store';
import { createDealDoc, dealStore } from '../../server/deals/deal.store';
import { createPaymentDoc, paymentStore } from '../../server/payments/payment.store';
import { ensureStatsRollups, rebuildStatsRollups } from '../../server/stats';
import { clearRecordCaches } from '../../server/common/record-cache';
import { transitionDeal } from '../../server/deals/deal.service';
import type { CommandStartedEvent } from 'mongodb';

const PERIOD = ['2026-01', '2026-02', '2026-03'];
const PREVIOUS = ['2025-10', '2025-11', '2025-12'];
const RANGE = 'from=2026-01-01&to=2026-04-01';

/** The CSV's rows as objects, numbers as numbers. */
function csvRecords(text: string): Record<string, string | number>[] {
  const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, v !== '' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]),
    ),
  );
}

async function xlsxRecords(body: Buffer): Promise<Record<string, string | number>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, string | number>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, (values[i] ?? '') as string | number])));
  });
  return out;
}

const binary = (res: import('superagent').Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('statistics: rollups, operator figures, exports and open data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });

  describe('on a database seeded across months, fields and provinces', () => {
    let seed: Seed;
    let admin: Awaited<ReturnType<typeof signInAdmin>>;
    before(async () => {
      await resetDatabase();
      seed = await seedStatistics();
      admin = await signInAdmin(t.app);
    });

    it('when the operator asks for a period, then every figure equals the one counted from the records', async () => {
      const res = await admin.agent.get(`/api/admin/stats?${RANGE}`).expect(200);
      const want = expectedFigures(seed, PERIOD);
      assert.equal(res.body.from, '2026-01-01T00:00:00.000Z');
      assert.equal(res.body.to, '2026-04-01T00:00:00.000Z');
      assert.deepEqual(res.body.offers, want.offers);
      assert.deepEqual(res.body.demands, want.demands);
      assert.deepEqual(res.body.deals, want.deals);
      assert.deepEqual(res.body.funnel, want.funnel);
      assert.ok(want.funnel.published > 10 && want.funnel.agreed > 2 && want.funnel.closedWon > 0);
      assert.deepEqual(res.body.medianDays, want.medianDays);
      assert.deepEqual(res.body.dealValue, want.dealValue);
      assert.deepEqual(res.body.agreedValueByField, want.agreedValueByField);
      assert.deepEqual(res.body.agreedValueByMonth, want.agreedValueByMonth);
      assert.equal(res.body.paidFees.count, want.paidFees.count);
      assert.deepEqual(res.body.paidFees.byCurrency, want.paidFees.byCurrency);
      assert.deepEqual(
        [...res.body.brokers].sort((a: { userId: string }, b: { userId: string }) =>
          a.userId.localeCompare(b.userId),
        ),
        [...want.brokers].sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      assert.deepEqual(res.body.supplyDemand, want.supplyDemand);
      assert.deepEqual(res.body.subFields, want.subFields);
      assert.ok(want.subFields.length >= 4);
      assert.deepEqual(res.body.transferModes, want.transferModes);
      assert.ok(want.transferModes.length >= 3);
      // Agreements signed apart from transfers completed: a deal still delivering its milestones
      // signed its agreement and completed no transfer.
      assert.deepEqual(res.body.transfers, want.transfers);
      const delivering = seed.deals.filter(
        (d) => d.status === 'delivering' && PERIOD.includes(d.agreedAt!.toISOString().slice(0, 7)),
      );
      assert.ok(delivering.length > 0 && want.transfers.transfersCompleted > 0);
      assert.deepEqual(
        res.body.transfers.byMonth.map((r: { key: string }) => r.key),
        PERIOD,
      );
      const f = want.funnel;
      assert.equal(res.body.conversion.agreed, Math.round((f.agreed / f.dealsOpened) * 10_000) / 10_000);
      // by month: one row per month of the period, created listings and published ones
      assert.deepEqual(
        res.body.series.map((r: { key: string }) => r.key),
        PERIOD,
      );
      for (const row of res.body.series) {
        assert.equal(row.offers, want.offers.byMonth[row.key] ?? 0, row.key);
        assert.equal(row.dealsOpened, want.deals.byMonth[row.key] ?? 0, row.key);
      }
    });

    it('when the figures are read with every cache emptied, then the database is asked by _id only', async () => {
      await admin.agent.get(`/api/admin/stats?${RANGE}`).expect(200); // the rollups exist
      clearRecordCaches();
      const asked: { command: string; filter: unknown }[] = [];
      const client = mongoose.connection.getClient();
      const listener = (e: CommandStartedEvent) => {
        if (!['find', 'count', 'aggregate', 'distinct', 'findAndModify'].includes(e.commandName)) return;
        const body = e.command as Record<string, any>;
        asked.push({ command: e.commandName, filter: body.filter ?? body.query ?? body.pipeline ?? {} });
      };
      client.on('commandStarted', listener);
      try {
        await admin.agent.get(`/api/admin/stats?${RANGE}&groupBy=field`).expect(200);
        await admin.agent.get('/api/admin/stats').expect(200);
        await admin.agent.get(`/api/admin/stats/export?format=xlsx&report=deals&${RANGE}`).expect(200);
        await request(t.app).get('/api/public/stats').expect(200);
      } finally {
        client.off('commandStarted', listener);
      }
      assert.ok(asked.length > 0);
      const notById = asked.filter(
        (a) => a.command !== 'find' || !a.filter || typeof a.filter !== 'object' || !('_id' in a.filter),
      );
      assert.deepEqual(notById, []);
    });

    it('when the operator groups by province, then the series are the same counts by province', async () => {
      const res = await admin.agent.get(`/api/admin/stats?${RANGE}&groupBy=province`).expect(200);
      const want = expectedFigures(seed, PERIOD);
      for (const row of res.body.series) {
        assert.equal(row.offers, want.offers.byProvince[row.key] ?? 0, row.key);
        assert.equal(row.demands, want.demands.byProvince[row.key] ?? 0, row.key);
        assert.equal(row.dealsOpened, want.deals.byProvince[row.key] ?? 0, row.key);
      }
      assert.equal(
        res.body.series.reduce((a: number, r: { offers: number }) => a + r.offers, 0),
        want.offers.total,
      );
    });

    it('then the previous period of the same length is compared', async () => {
      const res = await admin.agent.get(`/api/admin/stats?${RANGE}`).expect(200);
      const want = expectedFigures(seed, PREVIOUS);
      assert.equal(res.body.previous.from, '2025-10-01T00:00:00.000Z');
      assert.equal(res.body.previous.to, '2026-01-01T00:00:00.000Z');
      assert.equal(res.body.previous.offers, want.offers.total);
      assert.equal(res.body.previous.deals, want.deals.total);
      assert.deepEqual(res.body.previous.funnel, want.funnel);
      assert.deepEqual(res.body.previous.dealValue, want.dealValue);
      assert.deepEqual(res.body.previous.transfers, {
        agreementsSigned: want.transfers.agreementsSigned,
        transfersCompleted: want.transfers.transfersCompleted,
      });
      assert.ok(want.offers.total > 0);
    });

    it('when the operator exports each report as CSV and XLSX, then both read back to the same figures', async () => {
      const want = expectedFigures(seed, PERIOD);
      for (const report of ['listings', 'deals', 'fees', 'funnel', 'transfers']) {
        const csv = await admin.agent
          .get(`/api/admin/stats/export?format=csv&report=${report}&${RANGE}`)
          .expect(200);
        assert.match(csv.headers['content-type'], /^text\/csv/);
        assert.match(
          csv.headers['content-disposition'],
          new RegExp(`^attachment; filename="statistics-${report}-.*\\.csv"$`),
        );
        const xlsx = await admin.agent
          .get(`/api/admin/stats/export?format=xlsx&report=${report}&${RANGE}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        assert.match(xlsx.headers['content-disposition'], /^attachment; filename=".*\.xlsx"$/);
        const fromCsv = csvRecords(csv.text);
        const fromXlsx = await xlsxRecords(xlsx.body as Buffer);
        assert.deepEqual(fromXlsx, fromCsv, report);
        const sum = (col: string, rows = fromCsv) => rows.reduce((a, r) => a + Number(r[col] || 0), 0);
        if (report === 'listings') {
          assert.equal(
            sum(
              'created',
              fromCsv.filter((r) => r.kind === 'offer'),
            ),
            want.offers.total,
          );
          assert.equal(
            sum(
              'created',
              fromCsv.filter((r) => r.kind === 'demand'),
            ),
            want.demands.total,
          );
          assert.equal(sum('published'), want.funnel.published);
          assert.equal(sum('with_bids'), want.funnel.withBids);
          const haNoiOffers = fromCsv.filter((r) => r.kind === 'offer' && r.province === 'ha_noi');
          assert.equal(sum('created', haNoiOffers), want.offers.byProvince.ha_noi ?? 0);
        } else if (report === 'deals') {
          assert.equal(sum('opened'), want.deals.total);
          assert.equal(sum('agreed'), want.funnel.agreed);
          assert.equal(sum('closed_won'), want.funnel.closedWon);
          assert.equal(sum('agreed_value_VND'), want.dealValue.VND);
          assert.equal(sum('agreed_value_USD'), want.dealValue.USD);
        } else if (report === 'fees') {
          assert.equal(sum('paid_fees'), want.paidFees.count);
          assert.equal(sum('amount_VND'), want.paidFees.byCurrency.VND);
        } else if (report === 'transfers') {
          assert.deepEqual(
            fromCsv.map((r) => [r.month, r.agreements_signed, r.transfers_completed]),
            want.transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
          );
        } else {
          assert.deepEqual(
            fromCsv.map((r) => [r.stage, r.count]),
            [
              ['published', want.funnel.published],
              ['with_bids', want.funnel.withBids],
              ['deals_opened', want.funnel.dealsOpened],
              ['agreed', want.funnel.agreed],
              ['closed_won', want.funnel.closedWon],
            ],
          );
          assert.equal(fromCsv[3].median_days, want.medianDays.agreed);
        }
      }
    });

    it('when the operator exports sub-fields, transfer modes and the raw records, then they read back to the records of the period', async () => {
      const want = expectedFigures(seed, PERIOD);
      const both = async (report: string) => {
        const csv = await admin.agent
          .get(`/api/admin/stats/export?format=csv&report=${report}&${RANGE}`)
          .expect(200);
        const xlsx = await admin.agent
          .get(`/api/admin/stats/export?format=xlsx&report=${report}&${RANGE}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        const rows = csvRecords(csv.text);
        assert.deepEqual(await xlsxRecords(xlsx.body as Buffer), rows, report);
        return rows;
      };
      const sum = (rows: Record<string, string | number>[], col: string) =>
        rows.reduce((a, r) => a + Number(r[col] || 0), 0);

      const subFields = await both('sub-fields');
      for (const row of want.subFields) {
        const mine = subFields.filter((r) => r.sub_field === row.subField);
        assert.equal(
          sum(
            mine.filter((r) => r.kind === 'offer'),
            'created',
          ),
          row.offers,
          row.subField,
        );
        assert.equal(
          sum(
            mine.filter((r) => r.kind === 'demand'),
            'published',
          ),
          row.demandsPublished,
          row.subField,
        );
      }
      const modes = await both('transfer-modes');
      for (const row of want.transferModes) {
        const mine = modes.filter((r) => r.transfer_mode === row.transferMode);
        assert.equal(sum(mine, 'agreed'), row.agreed, row.transferMode);
        assert.equal(sum(mine, 'closed_won'), row.closedWon, row.transferMode);
        assert.equal(sum(mine, 'agreed_value_VND'), row.agreedValue.VND ?? 0, row.transferMode);
      }

      const inPeriod = (at: Date) => PERIOD.includes(at.toISOString().slice(0, 7));
      const offers = await both('records-offers');
      const seededOffers = seed.listings.filter((l) => l.kind === 'offer' && inPeriod(l.createdAt));
      assert.deepEqual(offers.map((r) => r.id).sort(), seededOffers.map((l) => String(l._id)).sort());
      const first = seededOffers.find((l) => String(l._id) === offers[0].id)!;
      assert.equal(offers[0].field, first.field);
      assert.equal(offers[0].sub_field, first.subField ?? '');
      assert.equal(offers[0].created, first.createdAt.toISOString().slice(0, 10));
      const demands = await both('records-demands');
      assert.equal(
        demands.length,
        seed.listings.filter((l) => l.kind === 'demand' && inPeriod(l.createdAt)).length,
      );
      const deals = await both('records-deals');
      const seededDeals = seed.deals.filter((d) => inPeriod(d.createdAt));
      assert.deepEqual(deals.map((r) => r.id).sort(), seededDeals.map((d) => String(d._id)).sort());
      assert.equal(
        sum(
          deals.filter((r) => r.currency === 'VND'),
          'agreed_value',
        ),
        seededDeals.filter((d) => d.currency === 'VND').reduce((a, d) => a + d.price!, 0),
      );
      assert.deepEqual(
        deals
          .filter((r) => r.transfer_mode === 'co_development')
          .map((r) => r.id)
          .sort(),
        seededDeals
          .filter((d) => d.transferMode === 'co_development')
          .map((d) => String(d._id))
          .sort(),
      );
    });

    it('when anyone reads the open data, then totals and series match the records and no single price or name is shown', async () => {
      const member = await signUp(t.app);
      const open = await member.agent.get(`/api/public/stats?${RANGE}`).expect(200);
      const want = expectedFigures(seed, PERIOD);
      assert.equal(
        open.body.totals.offersPublished,
        want.supplyDemand.reduce((a, r) => a + r.offers, 0),
      );
      assert.equal(
        open.body.totals.demandsPublished,
        want.supplyDemand.reduce((a, r) => a + r.demands, 0),
      );
      assert.equal(open.body.totals.dealsOpened, want.funnel.dealsOpened);
      assert.equal(open.body.totals.agreed, want.funnel.agreed);
      assert.equal(open.body.totals.agreementsSigned, want.transfers.agreementsSigned);
      assert.equal(open.body.totals.transfersCompleted, want.transfers.transfersCompleted);
      assert.deepEqual(
        open.body.byMonth.map((r: { key: string; agreementsSigned: number; transfersCompleted: number }) => [
          r.key,
          r.agreementsSigned,
          r.transfersCompleted,
        ]),
        want.transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
      );
      for (const row of open.body.byField) {
        const sd = want.supplyDemand.find((r) => r.field === row.key);
        assert.equal(row.offers, sd?.offers ?? 0, row.key);
        assert.equal(row.dealsOpened, want.deals.byField[row.key] ?? 0, row.key);
      }
      // A month with fewer than three agreed deals shows no value (it would reveal a price).
      for (const row of open.body.byMonth) {
        const agreedThere = seed.deals.filter((d) => d.agreedAt?.toISOString().startsWith(row.key)).length;
        assert.equal(row.agreed, agreedThere, row.key);
        if (agreedThere < 3) assert.equal(row.agreedValue, undefined, row.key);
        else assert.deepEqual(row.agreedValue, want.agreedValueByMonth[row.key], row.key);
      }
      const text = JSON.stringify(open.body);
      for (const b of seed.brokers) assert.ok(!text.includes(b.name) && !text.includes(String(b._id)));
      const csv = await member.agent.get(`/api/public/stats/export?${RANGE}&by=field`).expect(200);
      assert.match(csv.headers['content-disposition'], /^attachment; filename="open-data-field-.*\.csv"$/);
      const rows = csvRecords(csv.text);
      assert.deepEqual(
        rows.map((r) => [r.field, r.offers_published, r.deals_opened]),
        open.body.byField.map((r: { key: string; offers: number; dealsOpened: number }) => [
          r.key,
          r.offers,
          r.dealsOpened,
        ]),
      );
      const byMonthCsv = csvRecords(
        (await member.agent.get(`/api/public/stats/export?${RANGE}&by=month`).expect(200)).text,
      );
      assert.deepEqual(
        byMonthCsv.map((r) => [r.month, r.agreements_signed, r.transfers_completed]),
        want.transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
      );
    });
  });

  describe('refusals', () => {
    before(resetDatabase);

    it('when a member or a visitor asks for the operator figures or an export, then 403 or 401', async () => {
      const member = await signUp(t.app);
      await member.agent.get('/api/admin/stats').expect(403);
      await member.agent.get('/api/admin/stats/export?format=csv&report=deals').expect(403);
      await request(t.app).get('/api/admin/stats/export?format=csv&report=deals').expect(401);
    });

    it('when the parameters are wrong, then 400 naming the field', async () => {
      const admin = await signInAdmin(t.app);
      const field = async (url: string) =>
        (await admin.agent.get(url).expect(400)).body.error.details[0].field;
      assert.equal(await field('/api/admin/stats?groupBy=year'), 'groupBy');
      assert.equal(await field('/api/admin/stats?from=yesterday'), 'from');
      assert.equal(await field('/api/admin/stats?from=2001-01-01&to=2030-01-01'), 'from');
      assert.equal(await field('/api/admin/stats/export?format=pdf&report=deals'), 'format');
      assert.equal(await field('/api/admin/stats/export?format=csv&report=everything'), 'report');
      assert.equal(await field('/api/admin/stats/export?report=deals'), 'format');
      assert.equal(await field('/api/public/stats?from=2026-03-01&to=2026-02-01'), 'to');
    });
  });

  describe("kept by the stores' writes", () => {
    before(resetDatabase);

    it('when listings, bids, deals and payments are written through their stores, then the figures follow and equal a rebuild', async () => {
      await ensureStatsRollups();
      const org = new mongoose.Types.ObjectId();
      const user = new mongoose.Types.ObjectId();
      const broker = new mongoose.Types.ObjectId();
      const offer = await createListingDoc('offer', {
        organizationId: org,
        createdBy: user,
        title: 'Công nghệ sấy lạnh',
        field: 'agricultural_sciences',
        province: '=HYPERLINK("http://x")',
        trl: 6,
      });
      await createListingDoc('demand', {
        organizationId: org,
        createdBy: user,
        title: 'Cần công nghệ lọc nước',
        field: 'engineering_technology',
        province: 'ha_noi',
      });
      const publishedAt = new Date();
      await listingStore('offer').mutate(offer._id, () => ({
        change: { $set: { status: 'published', publishedAt } },
        result: null,
      }));
      for (let i = 0; i < 2; i++) {
        await createBid({
          listingKind: 'offer',
          listingId: offer._id,
          listingTitle: 'x',
          listingOwnerOrgId: org,
          bidderOrgId: new mongoose.Types.ObjectId(),
          createdBy: user,
          amount: 5000,
          currency: 'VND',
          transferMode: 'assignment',
        });
      }
      const deal = await createDealDoc({
        listingKind: 'offer',
        offerId: offer._id,
        listingTitle: 'x',
        sellerOrgId: org,
        buyerOrgId: new mongoose.Types.ObjectId(),
        createdBy: user,
        field: 'agricultural_sciences',
        brokerUserId: broker,
      });
      const sheet = {
        version: 1,
        price: 250_000_000,
        currency: 'VND',
        exclusivity: false,
        proposedBy: user,
        proposedByRole: 'seller',
      };
      await dealStore.mutate(deal._id, () => ({
        change: {
          $set: { status: 'agreed', agreedVersion: 1, latestVersion: 1 },
          $push: {
            termSheets: sheet,
            timeline: { at: new Date(), event: 'agree', from: 'negotiating', to: 'agreed' },
          },
        },
        result: null,
      }));
      const payment = await createPaymentDoc({
        dealId: deal._id,
        purpose: 'success_fee',
        payer: 'buyer',
        payerOrgId: org,
        amount: 5_000_000,
        currency: 'VND',
        provider: 'bank_transfer',
        reference: `TX-${String(deal._id).slice(-6)}`,
        idempotencyKey: `stats-${deal._id}`,
        createdBy: user,
      });
      await paymentStore.mutate(payment._id, () => ({
        change: { $set: { status: 'paid', paidAt: new Date() } },
        result: null,
      }));
      await dealStore.mutate(deal._id, () => ({
        change: { $set: { status: 'closed_won', closedAt: new Date() } },
        result: null,
      }));

      const admin = await signInAdmin(t.app);
      const followed = (await admin.agent.get('/api/admin/stats?groupBy=province').expect(200)).body;
      assert.deepEqual(followed.funnel, {
        published: 1,
        withBids: 1,
        dealsOpened: 1,
        agreed: 1,
        closedWon: 1,
      });
      assert.deepEqual(followed.dealValue, { VND: 250_000_000 });
      assert.deepEqual(followed.paidFees.byCurrency, { VND: 5_000_000 });
      assert.deepEqual(followed.offers.byStatus, { published: 1 });
      assert.deepEqual(followed.deals.byStatus, { closed_won: 1 });
      assert.deepEqual(
        followed.brokers.map((b: { userId: string; deals: number; closedWon: number }) => [
          b.userId,
          b.deals,
          b.closedWon,
        ]),
        [[String(broker), 1, 1]],
      );

      await rebuildStatsRollups();
      const rebuilt = (await admin.agent.get('/api/admin/stats?groupBy=province').expect(200)).body;
      assert.deepEqual(followed, rebuilt);

      // A province that reads as a formula is neutralised in the export.
      const csv = await admin.agent.get('/api/admin/stats/export?format=csv&report=listings').expect(200);
      const provinces = csvRecords(csv.text).map((r) => r.province);
      assert.ok(provinces.includes(`'=HYPERLINK("http://x")`), provinces.join(', '));
      assert.ok(!provinces.some((p) => String(p).startsWith('=')));
    });

    it('when a deal signs its agreement, delivers its milestones and completes, then agreements signed and transfers completed follow each step apart and equal a rebuild', async () => {
      await resetDatabase();
      await ensureStatsRollups();
      const user = new mongoose.Types.ObjectId();
      const offer = await createListingDoc('offer', {
        organizationId: new mongoose.Types.ObjectId(),
        createdBy: user,
        title: 'Công nghệ màng lọc',
        field: 'engineering_technology',
        province: 'ha_noi',
        trl: 7,
      });
      const deal = await createDealDoc({
        listingKind: 'offer',
        offerId: offer._id,
        listingTitle: 'Công nghệ màng lọc',
        sellerOrgId: new mongoose.Types.ObjectId(),
        buyerOrgId: new mongoose.Types.ObjectId(),
        createdBy: user,
        field: 'engineering_technology',
      });
      const milestones = [
        { title: 'Bản vẽ', dueDate: new Date(Date.now() + 86_400_000), amount: 100_000_000 },
        { title: 'Lắp đặt', dueDate: new Date(Date.now() + 2 * 86_400_000), amount: 100_000_000 },
      ];
      await dealStore.mutate(deal._id, () => ({
        change: {
          $set: { status: 'awaiting_payment', agreedVersion: 1, latestVersion: 1 },
          $push: {
            termSheets: {
              version: 1,
              price: 300_000_000,
              currency: 'VND',
              exclusivity: false,
              milestones,
              proposedBy: user,
              proposedByRole: 'seller',
            },
            timeline: { at: new Date(), event: 'agree', from: 'negotiating', to: 'agreed' },
          },
        },
        result: null,
      }));
      const admin = await signInAdmin(t.app);
      const transfers = async () => {
        const body = (await admin.agent.get('/api/admin/stats').expect(200)).body;
        assert.deepEqual(
          [body.transfers.agreementsSigned, body.transfers.transfersCompleted],
          [body.funnel.agreed, body.funnel.closedWon],
        );
        const open = (await request(t.app).get('/api/public/stats').expect(200)).body.totals;
        return [
          body.transfers.agreementsSigned,
          body.transfers.transfersCompleted,
          open.agreementsSigned,
          open.transfersCompleted,
        ];
      };
      assert.deepEqual(await transfers(), [1, 0, 1, 0]);

      // The fees settled, the deal delivers its plan (the service's transition, through the store).
      await transitionDeal(String(deal._id), 'start_delivery', { role: 'system' }, { bus: t.ctx.bus });
      assert.deepEqual(await transfers(), [1, 0, 1, 0]);
      // A milestone accepted changes neither figure; the last one closes the deal as won.
      await dealStore.mutate(deal._id, () => ({
        change: { $set: { 'delivery.0.status': 'accepted' } },
        result: null,
      }));
      assert.deepEqual(await transfers(), [1, 0, 1, 0]);
      await dealStore.mutate(deal._id, () => ({
        change: { $set: { 'delivery.1.status': 'accepted', status: 'closed_won', closedAt: new Date() } },
        result: null,
      }));
      assert.deepEqual(await transfers(), [1, 1, 1, 1]);

      const followed = (await admin.agent.get('/api/admin/stats?groupBy=field').expect(200)).body;
      await rebuildStatsRollups();
      const rebuilt = (await admin.agent.get('/api/admin/stats?groupBy=field').expect(200)).body;
      assert.deepEqual(followed, rebuilt);
      assert.deepEqual(followed.transfers.byField, [
        { key: 'engineering_technology', agreementsSigned: 1, transfersCompleted: 1 },
      ]);
    });
  });
});
