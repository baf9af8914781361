/**
 * A pull cut short by killing the pulling exchange (SIGKILL, in the middle of its feed) resumes
 * after a restart on the same database from the cursor it recorded: every listing is imported
 * exactly once and none is lost. The publishing exchange runs here and holds back the second
 * page of its feed until the pulling one, a separate process, has been killed.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { OfferModel } from '../../server/offers/offer.model';

type Agent = ReturnType<typeof request.agent>;

const PULLER_ADMIN = 'operator@puller-resume.example.vn';
const PULLER_PASSWORD = 'puller-Password-2027';
const LISTINGS = 300;

describe('federation: a pull interrupted by killing the pulling exchange', function () {
  this.timeout(120_000);
  let home: TestApp;
  let server: http.Server;
  let homeUrl: string;
  let puller: ExchangeProcess | undefined;
  const pullerEnv = () => ({
    MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fedresume_${process.pid}`),
    ADMIN_EMAIL: PULLER_ADMIN,
    ADMIN_PASSWORD: PULLER_PASSWORD,
    FEDERATION_NAME: 'Sàn Đà Nẵng',
    FEDERATION_PULL_INTERVAL_MS: '0',
  });
  /** The `since` of every feed request the home exchange was asked, in order. */
  const asked: (string | null)[] = [];
  /** While set, a feed request with a cursor waits for it (the pull stands still mid-feed). */
  let gate: { reached: () => void; open: Promise<void> } | null = null;

  before(async () => {
    home = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội' });
    await resetDatabase();
    forgetOwnIdentity();
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/federation/listings') {
        const since = url.searchParams.get('since');
        asked.push(since);
        const held = gate;
        if (since && held) {
          held.reached();
          void held.open.then(() => home.app(req, res));
          return;
        }
      }
      home.app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    homeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await puller?.stop();
    await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
  });

  async function signedIn(url: string): Promise<Agent> {
    const agent = request.agent(url);
    await agent.post('/api/auth/login').send({ email: PULLER_ADMIN, password: PULLER_PASSWORD }).expect(200);
    return agent;
  }

  it('resumes from its cursor after a restart: every listing imported exactly once', async () => {
    // The home exchange shares 300 listings.
    const owner = await signUp(home.app, { kind: 'institute', orgName: 'Viện Công nghệ Sinh học' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    const base = Date.now() - 60_000;
    await OfferModel.insertMany(
      Array.from({ length: LISTINGS }, (_, i) => ({
        organizationId: owner.orgId,
        createdBy: owner.user.id,
        status: 'published',
        publishedAt: new Date(base + i),
        title: `Công nghệ số ${i + 1}`,
        summary: 'Quy trình đã chuyển giao cho doanh nghiệp',
        field: 'engineering_technology',
        trl: 7,
        transferModes: ['license_non_exclusive'],
        pricing: { model: 'negotiable', amount: 100_000_000, currency: 'VND' },
        ndaText: 'Giữ bí mật tài liệu kỹ thuật.',
      })),
    );

    // The two exchanges register each other.
    puller = await spawnExchangeProcess(pullerEnv());
    let operator = await signedIn(puller.url);
    for (const p of (await operator.get('/api/admin/partners').expect(200)).body.partners)
      await operator.delete(`/api/admin/partners/${p.id}`).expect(204);
    const homeKey = (await request(homeUrl).get('/api/federation/key').expect(200)).body;
    const pullerKey = (await request(puller.url).get('/api/federation/key').expect(200)).body;
    const partner = (
      await operator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: homeUrl, publicKey: homeKey.publicKey })
        .expect(201)
    ).body.partner;
    const homeOperator = await signInAdmin(home.app);
    await homeOperator.agent
      .post('/api/admin/partners')
      .send({ name: 'Sàn Đà Nẵng', baseUrl: puller.url, publicKey: pullerKey.publicKey })
      .expect(201);

    // A pull: its first page is stored, the second is held back, and the puller is killed then.
    let reached!: () => void;
    const atSecondPage = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    gate = { reached, open: new Promise<void>((resolve) => (open = resolve)) };
    const pulling = operator.post(`/api/admin/partners/${partner.id}/pull`).then(
      () => 'answered',
      () => 'cut',
    );
    await atSecondPage;
    const heldCursor = asked.at(-1);
    assert.ok(heldCursor, 'the second page was asked for with a cursor');
    await puller.crash();
    assert.equal(await pulling, 'cut', 'the pull died with its exchange');
    gate = null;
    open();

    // Restarted on the same database: the cursor it recorded before dying is where it stands.
    puller = await spawnExchangeProcess(pullerEnv());
    operator = await signedIn(puller.url);
    const stood = (await operator.get('/api/admin/partners').expect(200)).body.partners[0];
    assert.equal(stood.cursor, heldCursor);
    assert.equal(stood.counts.importedListings, 100, 'the first page, stored before the kill');

    // The killed process's lock on the partner frees itself; the pull then goes on from the cursor.
    const resumedFrom = asked.length;
    let pull: { ok: boolean; imported: number; reason?: string } | undefined;
    for (let tries = 0; tries < 40 && !pull; tries++) {
      const res = await operator.post(`/api/admin/partners/${partner.id}/pull`);
      if (res.status === 200) pull = res.body.pull;
      else if (res.status === 409) await new Promise((r) => setTimeout(r, 500));
      else assert.fail(`pull answered ${res.status}: ${JSON.stringify(res.body)}${puller.logTail()}`);
    }
    assert.ok(pull, 'the pull went on');
    assert.equal(pull.ok, true, JSON.stringify(pull) + puller.logTail());
    assert.equal(asked[resumedFrom], heldCursor, 'resumed from the recorded cursor, not the beginning');
    assert.equal(pull.imported, LISTINGS - 100, 'only the listings not imported yet');

    const after = (await operator.get('/api/admin/partners').expect(200)).body.partners[0];
    assert.equal(after.counts.importedListings, LISTINGS, 'every listing, exactly once');
    const again = (await operator.post(`/api/admin/partners/${partner.id}/pull`).expect(200)).body.pull;
    assert.deepEqual([again.ok, again.imported, again.removed], [true, 0, 0], 'nothing is imported twice');
    assert.equal(
      (await operator.get('/api/admin/partners').expect(200)).body.partners[0].counts.importedListings,
      LISTINGS,
    );
  });
});
