/** Joins and typing signals are rate-limited per user, like messages: a flood is refused, nothing relayed. */
import assert from 'node:assert/strict';
import { startTestExchange } from '../helpers/running-exchange';
import { resetDatabase } from '../helpers/test-app';
import type { Exchange } from '../../server/exchange';
import { DEFAULT_JOIN_RATE, DEFAULT_TYPING_RATE } from '../../server/realtime/realtime-server';
import { call, callOk, connect, dealBetween, person, type RoomClient } from './room-fixtures';

describe('realtime: rate limits on joining and typing', () => {
  let exchange: Exchange;
  const sockets: RoomClient[] = [];
  before(async () => {
    exchange = await startTestExchange();
  });
  after(async () => {
    await exchange?.stop();
  });
  beforeEach(resetDatabase);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  it('when a user floods deal:join, then joins past the burst are refused with rate_limited', async () => {
    const seller = await person(exchange.url, { kind: 'institute' });
    const buyer = await person(exchange.url, { kind: 'enterprise' });
    const dealId = await dealBetween(seller, buyer);
    const socket = await connect(exchange.url, buyer);
    sockets.push(socket);
    const flood = DEFAULT_JOIN_RATE.burst * 3;
    const acks = await Promise.all(
      Array.from({ length: flood }, () => call(socket, 'deal:join', { dealId })),
    );
    const refused = acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    const joined = acks.filter((a) => a.ok).length;
    assert.ok(joined >= 1, `joined ${joined}`);
    assert.ok(refused >= flood - DEFAULT_JOIN_RATE.burst - 5, `refused ${refused} of ${flood}`);
  });

  it('when a user floods typing, then signals past the burst are refused and not relayed to the room', async () => {
    const seller = await person(exchange.url, { kind: 'institute' });
    const buyer = await person(exchange.url, { kind: 'enterprise' });
    const dealId = await dealBetween(seller, buyer);
    const typist = await connect(exchange.url, buyer);
    const reader = await connect(exchange.url, seller);
    sockets.push(typist, reader);
    await callOk(typist, 'deal:join', { dealId });
    await callOk(reader, 'deal:join', { dealId });
    let relayed = 0;
    reader.on('typing', () => relayed++);
    const flood = DEFAULT_TYPING_RATE.burst * 6;
    const acks = await Promise.all(Array.from({ length: flood }, () => call(typist, 'typing', { dealId })));
    const allowed = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    assert.ok(allowed <= DEFAULT_TYPING_RATE.burst + 2, `allowed ${allowed}`);
    assert.equal(allowed + refused, flood);
    // Whatever was relayed was allowed: wait for the allowed ones to arrive, then count.
    const deadline = Date.now() + 3000;
    while (relayed < allowed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(relayed, allowed);
  });
});
