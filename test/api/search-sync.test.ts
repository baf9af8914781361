import request from 'supertest';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import {
  rebuildSearchIndex,
  requestSearchRebuild,
  syncSearchIndex,
} from '../../server/search-sync/search-sync.service';
import {
  searchSyncWorkerOf,
  startSearchSyncWorker,
  type SearchSyncWorker,
} from '../../server/search-sync/search-sync.worker';
import { startTestExchange } from '../helpers/running-exchange';
import type { SearchDoc } from '../../search';
import { demandBody, offerBody, published } from './offers-helpers';

describe('the search index follows the database', () => {
  let t: TestApp;
  let member: Member;
  let admin: Member;
  let worker: SearchSyncWorker | undefined;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    t.ctx.searchNeedsRebuild = false;
    member = await signUp(t.app, { kind: 'institute' });
    admin = await signInAdmin(t.app);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  const found = async (q: string) => (await t.ctx.search.search({ q })).hits.map((h) => h.id);

  /** A published offer written straight to the database, the way a crash would leave it: marked, never indexed. */
  async function storedOffer(title: string, marks: { searchDirty: boolean; rev?: number }) {
    const doc = await OfferModel.create({
      ...(offerBody({ title }) as Record<string, unknown>),
      organizationId: member.orgId,
      createdBy: member.user.id,
      status: 'published',
      publishedAt: new Date(),
      rev: marks.rev ?? 1,
      searchDirty: marks.searchDirty,
    });
    return String(doc._id);
  }

  it('when a change was stored but the process died before indexing it, then the worker catches up from the dirty mark at start', async () => {
    const id = await storedOffer('Công nghệ ủ phân compost từ bã mía', { searchDirty: true });
    assert.deepEqual(await found('compost ba mia'), []);

    worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
    await worker.idle();

    assert.deepEqual(await found('compost ba mia'), [id]);
    assert.equal((await OfferModel.findById(id).lean())!.searchDirty, false);
  });

  it('when the indexer is catching up at start, then readiness says so (and stays 200) until its pass is done', async () => {
    await storedOffer('Máy ép viên nén mùn cưa', { searchDirty: true });
    const before = await request(t.app).get('/readyz').expect(200);
    assert.equal(before.body.searchIndex, undefined, 'no indexer, nothing to report');

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const upsert = t.ctx.search.upsert.bind(t.ctx.search);
    t.ctx.search.upsert = async (docs: SearchDoc[]) => {
      await held;
      return upsert(docs);
    };
    try {
      worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
      const during = await request(t.app).get('/readyz').expect(200);
      assert.equal(during.body.status, 'ready');
      assert.equal(during.body.searchIndex, 'catching-up');
      release();
      await worker.idle();
      const after = await request(t.app).get('/readyz').expect(200);
      assert.equal(after.body.searchIndex, 'current');
    } finally {
      release();
      t.ctx.search.upsert = upsert;
    }
  });

  it('when a pass over the dirty marks has succeeded, then the next one waits its gap instead of scanning the listings every poll', async () => {
    const scans: string[] = [];
    const client = mongoose.connection.getClient();
    const onCommand = (e: { commandName: string; command: Record<string, any> }) => {
      if (e.commandName === 'find' && e.command.filter?.searchDirty === true) scans.push(e.command.find);
    };
    client.on('commandStarted', onCommand);
    try {
      worker = startSearchSyncWorker(t.ctx, { pollMs: 20, maxScanShare: 0.0001 });
      await worker.idle();
      await new Promise((resolve) => setTimeout(resolve, 400)); // twenty polls
    } finally {
      client.off('commandStarted', onCommand);
    }
    assert.deepEqual(scans.sort(), ['demands', 'offers'], 'one pass, at start');
  });

  it('when polls come while a slow pass runs, then no second pass follows it at once', async () => {
    await storedOffer('Lò đốt trấu cấp nhiệt cho máy sấy', { searchDirty: true });
    const scans: string[] = [];
    const client = mongoose.connection.getClient();
    const onCommand = (e: { commandName: string; command: Record<string, any> }) => {
      if (e.commandName === 'find' && e.command.filter?.searchDirty === true) scans.push(e.command.find);
    };
    const upsert = t.ctx.search.upsert.bind(t.ctx.search);
    t.ctx.search.upsert = async (docs: SearchDoc[]) => {
      await new Promise((resolve) => setTimeout(resolve, 300)); // fifteen polls
      return upsert(docs);
    };
    client.on('commandStarted', onCommand);
    try {
      worker = startSearchSyncWorker(t.ctx, { pollMs: 20, maxScanShare: 0.0001 });
      await worker.idle();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      client.off('commandStarted', onCommand);
      t.ctx.search.upsert = upsert;
    }
    assert.deepEqual(scans.sort(), ['demands', 'offers'], 'one pass, at start');
  });

  it('when the worker runs, then listings published, withdrawn and closed through the API reach search without a manual pass', async () => {
    worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
    const offer = await published(
      member,
      admin,
      'offers',
      offerBody({ title: 'Máy sấy nông sản bằng bơm nhiệt' }),
    );
    const demand = await published(
      member,
      admin,
      'demands',
      demandBody({ title: 'Cần máy sấy nông sản bơm nhiệt' }),
    );
    await worker.idle();
    assert.deepEqual((await found('may say bom nhiet')).sort(), [offer.id, demand.id].sort());

    await member.agent.delete(`/api/offers/${offer.id}`).expect(200);
    await member.agent.post(`/api/demands/${demand.id}/close`).expect(200);
    await worker.idle();
    assert.deepEqual(await found('may say bom nhiet'), []);
    const marks = await Promise.all([
      OfferModel.findById(offer.id).lean(),
      DemandModel.findById(demand.id).lean(),
    ]);
    assert.deepEqual(
      marks.map((d) => d!.searchDirty),
      [false, false],
    );
  });

  it('when the exchange starts, then its indexer starts with it and follows changes made through the API', async () => {
    const exchange = await startTestExchange();
    try {
      const indexer = searchSyncWorkerOf(exchange.ctx);
      assert.ok(indexer, 'the exchange started an indexer');
      const seller = await signUp(exchange.httpServer as never, { kind: 'institute' });
      const operator = await signInAdmin(exchange.httpServer as never);
      const offer = await published(
        seller,
        operator,
        'offers',
        offerBody({ title: 'Thiết bị quan trắc khí thải lò hơi' }),
      );
      await indexer!.idle();
      const res = await fetch(`${exchange.url}/api/search?q=quan+trac+khi+thai`);
      const body = (await res.json()) as { hits: { id: string }[] };
      assert.deepEqual(
        body.hits.map((h) => h.id),
        [offer.id],
      );
    } finally {
      await exchange.stop();
    }
  });

  it('when a listing changes while it is being indexed, then its mark stays and the next pass indexes the new revision', async () => {
    const id = await storedOffer('Vật liệu composite sợi đay', { searchDirty: true });
    const upsert = t.ctx.search.upsert.bind(t.ctx.search);
    let changedMeanwhile = false;
    t.ctx.search.upsert = async (docs: SearchDoc[]) => {
      await upsert(docs);
      if (!changedMeanwhile) {
        changedMeanwhile = true;
        await OfferModel.updateOne(
          { _id: id },
          { $set: { title: 'Vật liệu composite sợi chuối', searchDirty: true }, $inc: { rev: 1 } },
        );
      }
    };
    try {
      await syncSearchIndex(t.ctx);
      const after = await OfferModel.findById(id).lean();
      assert.equal(after!.rev, 2);
      assert.equal(after!.searchDirty, true, 'the newer revision is still marked');
      assert.deepEqual(await found('composite soi day'), [id], 'the index still holds the older text');

      await syncSearchIndex(t.ctx);
      assert.deepEqual(await found('composite soi chuoi'), [id]);
      assert.equal((await OfferModel.findById(id).lean())!.searchDirty, false);
    } finally {
      t.ctx.search.upsert = upsert;
    }
  });

  it('when the engine reports that the index must be rebuilt, then the worker rebuilds it from the database', async () => {
    const id = await storedOffer('Chế phẩm vi sinh xử lý mùi chuồng trại', { searchDirty: false });
    await t.ctx.search.upsert([
      {
        ...ghostDoc(),
        id: new mongoose.Types.ObjectId().toString(),
        title: 'Chế phẩm vi sinh đã bị xóa khỏi sàn',
      },
    ]);
    t.ctx.searchNeedsRebuild = true;

    worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
    await worker.idle();

    assert.deepEqual(await found('che pham vi sinh'), [id]);
  });

  it('when a bulk load asks for a rebuild, then the running worker rebuilds and finds listings that carry no mark', async () => {
    worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
    await worker.idle();
    const id = await storedOffer('Robot hàn tự động cho nhà máy đóng tàu', { searchDirty: false });
    await requestSearchRebuild();
    await waitUntil(async () => (await found('robot han tu dong')).includes(id));
    await worker.idle();
  });

  it('when the index is rebuilt (npm run reindex), then it holds exactly the published listings and reports its progress', async () => {
    const live = await storedOffer('Cảm biến IoT đo độ ẩm đất', { searchDirty: true });
    const draftId = String(
      (
        await DemandModel.create({
          ...(demandBody({ title: 'Cảm biến IoT cho nhà kính, bản nháp' }) as Record<string, unknown>),
          organizationId: member.orgId,
          createdBy: member.user.id,
          status: 'draft',
        })
      )._id,
    );
    await t.ctx.search.upsert([{ ...ghostDoc(), title: 'Cảm biến IoT của tin đã gỡ' }]);

    const progress: [number, number][] = [];
    const count = await rebuildSearchIndex(t.ctx, (done, total) => progress.push([done, total]));

    assert.equal(count, 2);
    assert.deepEqual(await found('cam bien iot'), [live]);
    assert.deepEqual(progress.at(-1), [2, 2]);
    assert.deepEqual(progress[0], [0, 2]);
    assert.equal((await OfferModel.findById(live).lean())!.searchDirty, false);
    assert.equal((await DemandModel.findById(draftId).lean())!.searchDirty, false);
  });

  it('when the engine refuses one listing of a batch, then the others are indexed and that one keeps its mark', async () => {
    const good = await storedOffer('Màng lọc nano xử lý asen trong nước giếng', { searchDirty: true });
    const bad = await storedOffer('Màng lọc nano bị động cơ tìm kiếm từ chối', { searchDirty: true });
    const upsert = t.ctx.search.upsert.bind(t.ctx.search);
    t.ctx.search.upsert = async (docs: SearchDoc[]) => {
      if (docs.some((d) => d.id === bad)) throw new Error('refused');
      await upsert(docs);
    };
    try {
      await syncSearchIndex(t.ctx);
    } finally {
      t.ctx.search.upsert = upsert;
    }
    assert.deepEqual(await found('mang loc nano'), [good]);
    assert.equal((await OfferModel.findById(good).lean())!.searchDirty, false);
    assert.equal((await OfferModel.findById(bad).lean())!.searchDirty, true);
  });

  it('when the engine fails, then the listing stays marked and a later attempt indexes it', async () => {
    const id = await storedOffer('Giống lúa chịu mặn OM cho đồng bằng', { searchDirty: true });
    const upsert = t.ctx.search.upsert.bind(t.ctx.search);
    t.ctx.search.upsert = async () => {
      throw new Error('engine down');
    };
    worker = startSearchSyncWorker(t.ctx, { pollMs: 50 });
    await assert.rejects(worker.idle(), /engine down/);
    assert.equal((await OfferModel.findById(id).lean())!.searchDirty, true);

    t.ctx.search.upsert = upsert;
    await waitUntil(async () => (await found('giong lua chiu man')).includes(id));
    await worker.idle();
    assert.equal((await OfferModel.findById(id).lean())!.searchDirty, false);
  });
});

function ghostDoc(): SearchDoc {
  return {
    id: new mongoose.Types.ObjectId().toString(),
    kind: 'offer',
    title: 'Tin đã gỡ',
    summary: '',
    body: '',
    keywords: [],
    field: 'engineering_technology',
    trl: 5,
    transferModes: [],
    province: 'ha_noi',
    language: 'vi',
    organizationId: new mongoose.Types.ObjectId().toString(),
    publishedAt: new Date().toISOString(),
  };
}

/** Polls a condition that background work makes true (the test's own timeout bounds it). */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 25));
}
