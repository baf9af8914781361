import assert from 'node:assert/strict';
import {
  demandPayload,
  emptyDemandValues,
  validateDemand,
} from '../../../client/src/features/listings/demandForm';
import {
  emptyOfferValues,
  offerPayload,
  validateOffer,
  type OfferValues,
} from '../../../client/src/features/listings/offerForm';

const NOW = new Date('2026-01-01T00:00:00Z');

function validOffer(overrides: Partial<OfferValues> = {}): OfferValues {
  return {
    ...emptyOfferValues('vi'),
    title: 'Công nghệ xử lý nước thải',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    trl: '7',
    transferModes: ['license_exclusive'],
    pricingModel: 'fixed',
    amount: '1.500.000.000',
    ...overrides,
  };
}

describe('client listing forms', () => {
  it('when an offer is complete, then it has no issues and its price is sent as an integer', () => {
    const values = validOffer();
    assert.deepEqual(validateOffer(values, NOW), {});
    const payload = offerPayload(values);
    assert.deepEqual(payload.pricing, {
      model: 'fixed',
      currency: 'VND',
      amount: 1500000000,
      reservePrice: undefined,
      closesAt: undefined,
    });
    assert.equal(payload.trl, 7);
  });

  it('when an offer is empty, then title, field, sub-field, TRL and transfer modes are asked for', () => {
    const issues = validateOffer(emptyOfferValues('vi'), NOW);
    assert.deepEqual(Object.keys(issues).sort(), ['field', 'subField', 'title', 'transferModes', 'trl']);
  });

  it('when the title is too short or the sub-field belongs to another field, then both are flagged', () => {
    const issues = validateOffer(validOffer({ title: 'abc', subField: 'crop_science' }), NOW);
    assert.deepEqual(issues.title, { key: 'minLength', params: { min: 5 } });
    assert.deepEqual(issues.subField, { key: 'invalidChoice' });
  });

  it('when an offer has more than 20 keywords, then the keywords are flagged', () => {
    const keywords = Array.from({ length: 21 }, (_, i) => `k${i}`);
    assert.equal(validateOffer(validOffer({ keywords }), NOW).keywords?.key, 'maxItems');
  });

  it('when an auction has no closing time in the future, then the closing time is flagged', () => {
    const issues = validateOffer(validOffer({ pricingModel: 'auction', closesAt: '2025-06-01T10:00' }), NOW);
    assert.deepEqual(issues['pricing.closesAt'], { key: 'inFuture' });
  });

  it('when a USD auction is valid, then amounts go out in cents with its closing time', () => {
    const values = validOffer({
      pricingModel: 'auction',
      currency: 'USD',
      amount: '2500.50',
      reservePrice: '3000',
      closesAt: '2026-03-01T10:00',
    });
    assert.deepEqual(validateOffer(values, NOW), {});
    const { pricing } = offerPayload(values);
    assert.equal(pricing.amount, 250050);
    assert.equal(pricing.reservePrice, 300000);
    assert.equal(pricing.closesAt, new Date('2026-03-01T10:00').toISOString());
  });

  it('when a negotiable price has no amount, then that is fine', () => {
    assert.deepEqual(validateOffer(validOffer({ pricingModel: 'negotiable', amount: '' }), NOW), {});
  });

  it('when a demand budget minimum is above its maximum, then the maximum is flagged', () => {
    const values = {
      ...emptyDemandValues('en'),
      title: 'Greenhouse IoT system',
      field: 'agricultural_sciences',
      subField: 'high_tech_agriculture',
      minTrl: '6',
      transferModes: ['turnkey'],
      budgetMin: '900',
      budgetMax: '100',
    };
    assert.deepEqual(validateDemand(values, NOW)['budget.max'], { key: 'minAboveMax' });
    const fixed = { ...values, budgetMax: '1,000,000' };
    assert.deepEqual(validateDemand(fixed, NOW), {});
    assert.deepEqual(demandPayload(fixed).budget, { min: 900, max: 1000000, currency: 'VND' });
  });

  it('when a demand is a call for proposals, then it needs a deadline', () => {
    const values = {
      ...emptyDemandValues('vi'),
      title: 'Cần hệ thống IoT nhà kính',
      field: 'agricultural_sciences',
      subField: 'high_tech_agriculture',
      minTrl: '6',
      transferModes: ['turnkey'],
      budgetMin: '0',
      budgetMax: '500000000',
      mode: 'call_for_proposals' as const,
    };
    assert.deepEqual(validateDemand(values, NOW).deadline, { key: 'required' });
    assert.equal(
      demandPayload({ ...values, mode: 'open', deadline: '2026-05-01T00:00' }).deadline,
      undefined,
    );
  });

  it('when a call for proposals asks a deposit, then it goes out in minor units; a percentage it was set as is kept; an open demand clears both', () => {
    const call = {
      ...emptyDemandValues('vi'),
      title: 'Cần hệ thống IoT nhà kính',
      field: 'agricultural_sciences',
      subField: 'high_tech_agriculture',
      minTrl: '6',
      transferModes: ['turnkey'],
      budgetMin: '0',
      budgetMax: '500000000',
      mode: 'call_for_proposals' as const,
      deadline: '2026-05-01T00:00',
    };
    assert.deepEqual(validateDemand({ ...call, deposit: 'mười triệu' }, NOW).deposit, {
      key: 'amount',
      params: { currency: 'VND' },
    });
    const fixed = { ...call, deposit: '10.000.000' };
    assert.deepEqual(validateDemand(fixed, NOW), {});
    const sent = demandPayload(fixed);
    assert.deepEqual([sent.deposit, sent.depositPct], [10_000_000, null]);
    const pct = demandPayload({ ...call, depositPct: 5 });
    assert.deepEqual([pct.deposit, pct.depositPct], [null, 5]);
    const none = demandPayload(call);
    assert.deepEqual([none.deposit, none.depositPct], [null, null]);
    const open = demandPayload({ ...fixed, mode: 'open' });
    assert.deepEqual([open.deposit, open.depositPct], [null, null]);
  });
});
