import assert from 'node:assert/strict';
import { pendingDealStep } from '../../server/deals/deal-recovery';
import type { DealDoc } from '../../server/deals/deal.model';

type Sheets = DealDoc['termSheets'];
const sheet = (...roles: string[]) => ({ acceptedBy: roles.map((role) => ({ role })) });
const deal = (status: string, latestVersion: number, ...sheets: ReturnType<typeof sheet>[]) =>
  ({ status, latestVersion, termSheets: sheets as unknown as Sheets }) as Parameters<
    typeof pendingDealStep
  >[0];

describe('the step a half-done deal is owed', () => {
  it('when both parties accepted the latest version of a negotiating deal, then it is owed its agreement', () => {
    assert.equal(pendingDealStep(deal('negotiating', 2, sheet('seller'), sheet('buyer', 'seller'))), 'agree');
  });

  it('when only one party accepted, or both accepted an older version, then it is owed nothing', () => {
    assert.equal(pendingDealStep(deal('negotiating', 1, sheet('seller'))), null);
    assert.equal(pendingDealStep(deal('negotiating', 2, sheet('seller', 'buyer'), sheet('buyer'))), null);
    assert.equal(pendingDealStep(deal('negotiating', 0)), null);
  });

  it('when agreed, then payment is owed; when awaiting payment, the check that every fee is paid', () => {
    assert.equal(pendingDealStep(deal('agreed', 1, sheet('seller', 'buyer'))), 'request_payment');
    assert.equal(pendingDealStep(deal('awaiting_payment', 1, sheet('seller', 'buyer'))), 'complete_if_paid');
  });

  it('when the deal is closed or cancelled, then it is owed nothing', () => {
    for (const status of ['closed_won', 'closed_lost', 'cancelled'])
      assert.equal(pendingDealStep(deal(status, 1, sheet('seller', 'buyer'))), null);
  });
});
