import assert from 'node:assert/strict';
import { unsettledDealEntries } from '../../server/read-models';

const sheet = (...roles: string[]) => ({ acceptedBy: roles.map((role) => ({ role })) });
const deal = (status: string, latestVersion: number, ...sheets: ReturnType<typeof sheet>[]) => ({
  _id: 'd1',
  status,
  latestVersion,
  termSheets: sheets,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
});
const listed = (doc: ReturnType<typeof deal>) => unsettledDealEntries(doc as never).length > 0;

describe('which deals the sweeper keeps on its list', () => {
  it('when both parties accepted the latest version of a negotiating deal, then it is listed (owed its agreement)', () => {
    assert.equal(listed(deal('negotiating', 2, sheet('seller'), sheet('buyer', 'seller'))), true);
  });

  it('when only one party accepted, or both accepted an older version, then it is not listed', () => {
    assert.equal(listed(deal('negotiating', 1, sheet('seller'))), false);
    assert.equal(listed(deal('negotiating', 2, sheet('seller', 'buyer'), sheet('buyer'))), false);
    assert.equal(listed(deal('negotiating', 0)), false);
  });

  it('when agreed or awaiting payment, then it is listed (owed its payment request, or its close once paid)', () => {
    assert.equal(listed(deal('agreed', 1, sheet('seller', 'buyer'))), true);
    assert.equal(listed(deal('awaiting_payment', 1, sheet('seller', 'buyer'))), true);
  });

  it('when closed won, then it is not listed; when cancelled or lost, it is (its hold and payments to release)', () => {
    assert.equal(listed(deal('closed_won', 1, sheet('seller', 'buyer'))), false);
    assert.equal(listed(deal('closed_lost', 1, sheet('seller', 'buyer'))), true);
    assert.equal(listed(deal('cancelled', 1, sheet('seller', 'buyer'))), true);
  });
});
