/**
 * Crash tests: a server process (server/main.ts, as in production) is killed with SIGKILL in the
 * middle of concurrent bids, chat messages, term-sheet acceptances, a listing's approval and
 * Stripe webhook deliveries, then started again on the same database and search index file.
 * What a client was told happened must be there, nothing may be there twice, the restarted
 * process must finish what the dead one left half done, and the search index must catch up.
 *
 * Every wait is on a condition with a generous deadline (a dead process's record locks free
 * themselves only after their 15 s lifetime), never on a timing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Express } from 'express';
import request from 'supertest';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { eventually } from '../helpers/eventually';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { aBid, publishedOffer } from '../api/deals-helpers';
import { offerBody } from '../api/offers-helpers';
import { WEBHOOK_SECRET, agreedDeal, deliver, sessionObject, signedEvent } from '../api/payments-helpers';
import type { SignedEvent } from '../api/payments-helpers';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel, type DealDoc } from '../../server/deals/deal.model';
import { MessageModel } from '../../server/negotiation/message.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { StripeEventModel } from '../../server/payments/stripe-event.model';
import { OfferModel } from '../../server/offers/offer.model';
import { LockModel } from '../../server/common/locks';
import { lockTiming } from '../../server/common/store';

/** Waits for the background work of a restarted exchange: stale locks live 15 s. */
const patiently = { attempts: 600, intervalMs: 100 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One client request and whether its answer (the acknowledgement) arrived. */
interface Sent<T> {
  input: T;
  acked: boolean;
  answer?: any;
}

async function attempt<T>(input: T, send: () => Promise<{ status: number; body: any }>): Promise<Sent<T>> {
  try {
    const res = await send();
    return { input, acked: res.status >= 200 && res.status < 300, answer: res.body };
  } catch {
    return { input, acked: false }; // the connection died with the process
  }
}

/** A session of its own for the member's socket, as a browser tab would have. */
async function cookieOf(url: string, member: Member): Promise<string> {
  const res = await request(url)
    .post('/api/auth/login')
    .send({ email: member.user.email, password: PASSWORD })
    .expect(200);
  return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
}

function socketOf(url: string, cookie: string): Socket {
  return io(`${url}/deals`, {
    forceNew: true,
    extraHeaders: { cookie },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
}

function emitWithAck(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<any> {
  return new Promise((resolve) => {
    const gone = () => done(undefined);
    const timer = setTimeout(gone, timeoutMs);
    const done = (res: unknown) => {
      clearTimeout(timer);
      socket.off('disconnect', gone);
      resolve(res);
    };
    // A send cut by the connection's end is not acknowledged (and not sent again by this socket).
    socket.once('disconnect', gone);
    socket.emit(event, payload, done);
  });
}

async function joinRoom(socket: Socket, dealId: string): Promise<void> {
  await eventually(
    async () => {
      if (!socket.connected) return null;
      const res = await emitWithAck(socket, 'deal:join', { dealId }, 5000);
      return res?.ok ? true : null;
    },
    'the deal room to be joined',
    patiently,
  );
}

/** The deal rules' own notion of "half done": a step whose precondition holds but was not taken. */
async function halfDone(member: Member, deal: DealDoc): Promise<string | null> {
  const latest = deal.termSheets[(deal.latestVersion ?? 0) - 1];
  const roles = new Set((latest?.acceptedBy ?? []).map((a) => a.role));
  if (deal.status === 'negotiating' && roles.has('seller') && roles.has('buyer'))
    return 'negotiating with both acceptances of the latest version';
  if (deal.status === 'agreed') return 'agreed, payment never requested';
  if (deal.status === 'awaiting_payment') {
    const fees = (await member.agent.get(`/api/deals/${String(deal._id)}/fees`).expect(200)).body.fees as {
      status?: string;
    }[];
    if (fees.length > 0 && fees.every((f) => f.status === 'paid'))
      return 'awaiting payment with every fee paid';
  }
  return null;
}

/** Timeline events that may happen once per deal (per version and role for acceptances). */
function doubledTimeline(deal: DealDoc): string[] {
  const seen = new Set<string>();
  const doubled: string[] = [];
  for (const e of deal.timeline) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const key =
      e.event === 'terms_accepted'
        ? `${e.event}:${String(data.version)}:${String(e.actorRole)}`
        : e.event === 'terms_proposed'
          ? `${e.event}:${String(data.version)}`
          : e.event;
    if (seen.has(key)) doubled.push(key);
    seen.add(key);
  }
  return doubled;
}

describe('a server process killed in the middle of writes (kill -9), then restarted', function () {
  this.timeout(120_000);
  let tmp = '';
  let env: Record<string, string>;
  let running: ExchangeProcess | undefined;

  before(connectTestDatabase);
  beforeEach(async () => {
    await resetDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-crash-'));
    env = {
      // The same port after the restart: clients reconnect as they would to a restarted server.
      PORT: String(await freePort()),
      DATA_DIR: tmp,
      SEARCH_INDEX_PATH: path.join(tmp, 'listings.sqlite'),
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: process.env.STRIPE_API_BASE!,
      // The test polls search until the index has caught up.
      SEARCH_RATE_LIMIT: '100000',
    };
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });

  async function start(): Promise<string> {
    running = await spawnExchangeProcess(env);
    return running.url;
  }

  it('when bids, messages, acceptances, an approval and Stripe events are cut short, then every acknowledged write is there once, no deal is left half done and search catches up', async () => {
    const url = await start();
    const [seller, buyer, rival, admin] = await Promise.all([
      signUp(url as unknown as Express, { kind: 'institute' }),
      signUp(url as unknown as Express, { kind: 'enterprise' }),
      signUp(url as unknown as Express, { kind: 'enterprise' }),
      signInAdmin(url as unknown as Express),
    ]);

    // Bids on one offer, each with its own amount so a doubled bid would show.
    const offerId = await publishedOffer(seller);
    // Deals whose latest terms both parties accept at once (agreeing them, then asking for fees).
    // Each on an offer of its own that exists and licenses without exclusivity, as a real deal is.
    const termDeals = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async () =>
        agreedDeal(seller, buyer, {
          status: 'negotiating',
          offerId: await publishedOffer(seller, { transferModes: ['license_non_exclusive'] }),
        }),
      ),
    );
    // Deals awaiting both fees by card; Stripe reports each payment as completed.
    const paidDeals = await Promise.all([1, 2, 3, 4].map(() => agreedDeal(seller, buyer)));
    const payments = [];
    for (const dealId of paidDeals)
      for (const payer of [buyer, seller])
        payments.push(
          (await payer.agent.post(`/api/deals/${dealId}/payments`).send({ provider: 'stripe' }).expect(201))
            .body.payment,
        );
    const events = payments.map((p) => signedEvent('checkout.session.completed', sessionObject(p)));
    // A listing under review whose text was edited: the operator approves it during the crash.
    const word = `crashproof${Date.now().toString(36)}`;
    const draft = (await seller.agent.post('/api/offers').send(offerBody()).expect(201)).body.offer;
    await seller.agent
      .patch(`/api/offers/${draft.id}`)
      .send({ title: `Công nghệ lọc nước ${word} bản cuối` })
      .expect(200);
    await seller.agent.post(`/api/offers/${draft.id}/submit`).expect(200);
    // Both parties in the room of the first deal, sending messages with client ids.
    const chatDeal = termDeals[0];
    const cookies = [await cookieOf(url, seller), await cookieOf(url, buyer)];
    const sockets = cookies.map((cookie) => socketOf(url, cookie));
    await Promise.all(sockets.map((s) => joinRoom(s, chatDeal)));

    const acks = { bid: 0, message: 0, acceptance: 0, delivery: 0, approval: 0 };
    const counted = <T>(kind: keyof typeof acks, p: Promise<Sent<T>>) =>
      p.then((sent) => {
        if (sent.acked) acks[kind]++;
        return sent;
      });
    // Bids and messages keep coming, one after another per client, until the process dies.
    let killed = false;
    const bidStream = async (bidder: Member, lane: number) => {
      const sent: Sent<number>[] = [];
      for (let i = 0; !killed && i < 100; i++) {
        const amount = 100_000_000 + (lane * 100 + i) * 1_000_000;
        const one = await attempt(amount, () =>
          bidder.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)),
        );
        sent.push(one);
        if (!one.acked) break;
        acks.bid++;
      }
      return sent;
    };
    const messageStream = async (socket: Socket, lane: number) => {
      const sent: Sent<{ dealId: string; body: string; clientId: string }>[] = [];
      for (let i = 0; !killed && i < 40; i++) {
        const input = { dealId: chatDeal, body: `tin nhắn ${lane}-${i}`, clientId: `crash-${lane}-${i}` };
        let res = await emitWithAck(socket, 'message:send', input, 20_000);
        // Past the room's send rate the client waits and sends the same message again.
        while (!killed && res && !res.ok && res.error?.code === 'rate_limited') {
          await new Promise((resolve) => setTimeout(resolve, 300));
          res = await emitWithAck(socket, 'message:send', input, 20_000);
        }
        sent.push({ input, acked: Boolean(res?.ok), answer: res });
        if (!res?.ok) break;
        acks.message++;
      }
      return sent;
    };
    const bids = [bidStream(rival, 0), bidStream(buyer, 1)];
    const messages = sockets.map((socket, lane) => messageStream(socket, lane));
    const acceptances = termDeals.flatMap((dealId) =>
      [seller, buyer].map((party) =>
        counted(
          'acceptance',
          attempt({ dealId, party }, () => party.agent.post(`/api/deals/${dealId}/terms/1/accept`)),
        ),
      ),
    );
    const deliveries = events.map((event) =>
      counted(
        'delivery',
        attempt(event, () => deliver(url as unknown as Express, event)),
      ),
    );
    const approval = counted(
      'approval',
      attempt(draft.id, () => admin.agent.post(`/api/admin/offers/${draft.id}/approve`)),
    );

    // Killed once every kind of write has had one acknowledged: the rest are still under way.
    await eventually(
      async () => acks.bid > 0 && acks.message > 0 && acks.acceptance > 0 && acks.delivery > 0,
      'a write of every kind to be acknowledged',
      patiently,
    );
    killed = true;
    await running!.crash();
    const sentBids = (await Promise.all(bids)).flat();
    const sentMessages = (await Promise.all(messages)).flat();
    const sentAcceptances = await Promise.all(acceptances);
    const sentDeliveries = await Promise.all(deliveries);
    const sentApproval = await approval;
    for (const s of sockets) s.close();

    await start();
    // Stripe delivers again every event it got no 2xx for, and may deliver any event twice.
    const redeliver = (event: SignedEvent) =>
      eventually(
        async () => (await deliver(url as unknown as Express, event)).status === 200,
        `Stripe event ${event.id} to be accepted after the restart`,
        patiently,
      );
    for (const sent of sentDeliveries) await redeliver(sent.input);
    // The chat client sends every unacknowledged message again with its clientId.
    const [retry, buyerRetry] = cookies.map((cookie) => socketOf(url, cookie));
    await Promise.all([joinRoom(retry, chatDeal), joinRoom(buyerRetry, chatDeal)]);
    for (const sent of sentMessages) {
      if (sent.acked) continue;
      const sender = sent.input.clientId.startsWith('crash-1-') ? buyerRetry : retry;
      await eventually(
        async () => ((await emitWithAck(sender, 'message:send', sent.input, 10_000))?.ok ? true : null),
        `message ${sent.input.clientId} to be stored on retry`,
        patiently,
      );
    }
    retry.close();
    buyerRetry.close();

    // Bids: each acknowledged one is there; no amount was stored twice.
    const storedBids = await BidModel.find({ listingId: offerId }).lean();
    for (const sent of sentBids.filter((s) => s.acked))
      assert.ok(
        storedBids.some((b) => String(b._id) === sent.answer.bid.id),
        `acknowledged bid ${sent.input}`,
      );
    const amounts = storedBids.map((b) => b.amount);
    assert.equal(new Set(amounts).size, amounts.length, 'a bid stored twice');
    const ownerView = await seller.agent.get(`/api/offers/${offerId}/bids`).expect(200);
    assert.equal(ownerView.body.bids.length, storedBids.length);

    // Messages: every one there exactly once (acknowledged or retried), each with its own seq.
    const stored = await MessageModel.find({ dealId: chatDeal, kind: 'text' }).lean();
    assert.deepEqual(stored.map((m) => m.clientId).sort(), sentMessages.map((s) => s.input.clientId).sort());
    assert.equal(new Set(stored.map((m) => m.seq)).size, stored.length);
    const history = await buyer.agent
      .get(`/api/deals/${chatDeal}/messages`)
      .query({ limit: 100 })
      .expect(200);
    assert.equal(
      history.body.messages.filter((m: { kind: string }) => m.kind === 'text').length,
      sentMessages.length,
    );

    // Acceptances: each acknowledged one is recorded; once recovery has run no deal is half done.
    let stillHalfDone = '';
    const deals = await eventually(
      async () => {
        const docs = (await Promise.all(
          [...termDeals, ...paidDeals].map((id) => DealModel.findById(id).lean()),
        )) as DealDoc[];
        for (const deal of docs) {
          const why = await halfDone(buyer, deal);
          stillHalfDone = why ? `deal ${String(deal._id)}: ${why}` : '';
          if (why) return null;
        }
        return docs;
      },
      'the restarted exchange to finish every half-done deal',
      patiently,
    ).catch((err: Error) => {
      throw new Error(`${err.message} (${stillHalfDone})\n--- the exchange's log ---\n${running?.logTail()}`);
    });
    for (const sent of sentAcceptances.filter((s) => s.acked)) {
      const deal = deals.find((d) => String(d._id) === sent.input.dealId)!;
      const role = sent.input.party === seller ? 'seller' : 'buyer';
      assert.ok(
        deal.termSheets[0].acceptedBy.some((a) => a.role === role),
        `acknowledged acceptance`,
      );
    }
    for (const deal of deals)
      assert.deepEqual(doubledTimeline(deal), [], `deal ${String(deal._id)} timeline`);

    // Payments: every event applied once; every fee paid, one ledger line each; the deals won.
    assert.equal(await StripeEventModel.countDocuments({ appliedAt: null }), 0);
    assert.equal(await StripeEventModel.countDocuments({}), events.length);
    for (const p of payments) {
      assert.equal((await PaymentModel.findById(p.id).lean())?.status, 'paid');
      assert.equal(await LedgerEntryModel.countDocuments({ paymentId: p.id, kind: 'payment_received' }), 1);
    }
    for (const dealId of paidDeals)
      assert.equal(deals.find((d) => String(d._id) === dealId)?.status, 'closed_won');

    // Search: the listing is found (with its latest title) exactly when it is published.
    if (sentApproval.acked) assert.equal((await OfferModel.findById(draft.id).lean())?.status, 'published');
    await eventually(
      async () => {
        const offer = (await OfferModel.findById(draft.id).lean())!;
        const res = await seller.agent.get('/api/search').query({ q: word }).expect(200);
        const hit = res.body.hits.find((h: { id: string }) => h.id === draft.id);
        return offer.status === 'published' ? hit?.title === offer.title : !hit;
      },
      'the search index to hold the listing as the database does',
      patiently,
    );
  });
  it('when a killed process left deals half done, holding their locks, then the restarted exchange finishes each once its locks expire', async () => {
    const url = await start();
    const [seller, buyer, admin] = await Promise.all([
      signUp(url as unknown as Express, { kind: 'institute' }),
      signUp(url as unknown as Express, { kind: 'enterprise' }),
      signInAdmin(url as unknown as Express),
    ]);
    // Both fees of one deal paid by bank transfer: the deal closes won; the kill is made to land
    // right before that last step by putting the deal back to awaiting payment.
    const paid = await agreedDeal(seller, buyer);
    for (const payer of [buyer, seller]) {
      const payment = (
        await payer.agent.post(`/api/deals/${paid}/payments`).send({ provider: 'bank_transfer' }).expect(201)
      ).body.payment;
      await admin.agent.post(`/api/admin/payments/${payment.id}/confirm`).send({}).expect(200);
    }
    await eventually(
      async () => (await DealModel.findById(paid).lean())?.status === 'closed_won',
      'the paid deal to close',
      patiently,
    );
    const accepted = await agreedDeal(seller, buyer, { status: 'negotiating' });
    const agreed = await agreedDeal(seller, buyer, { status: 'agreed' });
    const untouched = await agreedDeal(seller, buyer, { status: 'negotiating' });
    await running!.crash();

    // What the dead process left: both acceptances recorded, not agreed; agreed, payment never
    // requested; every fee paid, not closed. It held the first deal's lock when it died.
    const both = [
      { role: 'seller', userId: seller.user.id, at: new Date() },
      { role: 'buyer', userId: buyer.user.id, at: new Date() },
    ];
    await DealModel.updateOne({ _id: accepted }, { $set: { 'termSheets.0.acceptedBy': both } });
    const closed = (await DealModel.findById(paid).lean())!;
    await DealModel.updateOne(
      { _id: paid },
      {
        $set: { status: 'awaiting_payment', timeline: closed.timeline.filter((e) => e.event !== 'complete') },
        $unset: { closedAt: 1 },
      },
    );
    await LockModel.collection.insertOne({
      _id: `deal:${accepted}`,
      owner: 'the killed process',
      until: new Date(Date.now() + lockTiming.ttlMs),
    } as never);

    await start();
    const finished = await eventually(
      async () => {
        const docs = (await Promise.all(
          [accepted, agreed, paid].map((id) => DealModel.findById(id).lean()),
        )) as DealDoc[];
        return docs.every((d) => d.status !== 'negotiating' && d.status !== 'agreed') &&
          docs[2].status === 'closed_won'
          ? docs
          : null;
      },
      'the restarted exchange to finish the half-done deals',
      patiently,
    );
    assert.deepEqual(
      finished.map((d) => d.status),
      ['awaiting_payment', 'awaiting_payment', 'closed_won'],
    );
    for (const deal of finished) assert.deepEqual(doubledTimeline(deal), []);
    assert.deepEqual(
      finished[0].timeline.map((e) => e.event),
      ['agree', 'request_payment'],
    );
    const fees = await buyer.agent.get(`/api/deals/${accepted}/fees`).expect(200);
    assert.equal(fees.body.fees.length, 2);
    // A deal with one acceptance owes nothing and is left as it was.
    const still = (await DealModel.findById(untouched).lean())!;
    assert.equal(still.status, 'negotiating');
    assert.deepEqual(still.timeline, []);
  });
});
