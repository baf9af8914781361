import assert from 'node:assert/strict';
import { systemMessageFor, userIdsNamedBy } from '../../server/negotiation/system-messages';

const names = new Map([
  ['u-broker', 'Phạm Môi Giới'],
  ['u-seller', 'Trần Thị Bán'],
]);

describe('system messages for deal events', () => {
  it('when terms are proposed, then a terms message names the proposer and carries the version and price', () => {
    const payload = {
      termSheet: {
        version: 2,
        price: 450_000_000,
        currency: 'VND',
        proposedBy: 'u-seller',
        proposedByRole: 'seller',
      },
    };
    assert.deepEqual(userIdsNamedBy(payload), ['u-seller']);
    const message = systemMessageFor('terms:proposed', payload, names);
    assert.equal(message?.kind, 'terms');
    assert.equal(message?.body, 'Trần Thị Bán proposed term sheet version 2.');
    assert.deepEqual(message?.event, {
      name: 'terms:proposed',
      data: {
        version: 2,
        price: 450_000_000,
        currency: 'VND',
        proposedBy: 'u-seller',
        proposedByRole: 'seller',
        name: 'Trần Thị Bán',
      },
    });
  });

  it('when both parties have accepted, then the acceptance says they agreed', () => {
    const message = systemMessageFor(
      'terms:accepted',
      { version: 1, role: 'seller', userId: 'u-seller', agreed: true },
      names,
    );
    assert.equal(
      message?.body,
      'Trần Thị Bán (seller) accepted term sheet version 1. Both parties have agreed.',
    );
    assert.equal(message?.event.data.agreed, true);
  });

  it('when the status changes with a reason, then the message gives the status and the reason', () => {
    const message = systemMessageFor(
      'deal:status',
      { status: 'cancelled', from: 'negotiating', reason: 'Hết ngân sách' },
      names,
    );
    assert.equal(message?.kind, 'system');
    assert.equal(message?.body, 'The deal is now cancelled. Reason: Hết ngân sách');
    assert.deepEqual(message?.event.data, {
      status: 'cancelled',
      from: 'negotiating',
      reason: 'Hết ngân sách',
    });
  });

  it('when a broker is assigned or removed, then the message names them, or says "Someone" for an unknown user', () => {
    assert.equal(
      systemMessageFor('broker:assigned', { brokerUserId: 'u-broker' }, names)?.body,
      'Phạm Môi Giới is now the broker of this deal.',
    );
    assert.equal(
      systemMessageFor('broker:removed', { brokerUserId: 'u-gone' }, names)?.body,
      'Someone is no longer the broker of this deal.',
    );
  });

  it('when an event is not one the room records, then there is no message', () => {
    assert.equal(systemMessageFor('listing.changed', {}, names), null);
  });
});
