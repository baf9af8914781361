import assert from 'node:assert/strict';
import {
  computeBrokerCommission,
  computeDealFees,
  computeListingFee,
  computeSuccessFee,
  DEFAULT_FEE_SCHEDULE,
  feeScheduleSchema,
  formatMoney,
  royaltyFeeBrokerShares,
  type FeeLine,
  type FeeSchedule,
  agreedPrice,
  allFeesPaid,
  dealFeeLines,
  paymentForLine,
} from '../../server/fees';
import { newPaymentReference, receiptNumberOf } from '../../server/payments/reference';
import { escapeHtml, renderReceiptHtml } from '../../server/payments/receipt';
import type { PaymentStatus } from '../../server/api-contract/enums';

/** A schedule without min or max, to see the bare percentage. */
function bare(percentBps: number, payer: FeeSchedule['successFee']['payer'] = 'split'): FeeSchedule {
  return {
    successFee: {
      percentBps,
      min: { VND: 0, USD: 0 },
      max: { VND: Number.MAX_SAFE_INTEGER, USD: Number.MAX_SAFE_INTEGER },
      payer,
    },
    brokerShareBps: 3000,
  };
}

function assertIntegers(lines: readonly { amount: number }[]): void {
  for (const l of lines) assert.ok(Number.isInteger(l.amount), `${l.amount} is not an integer`);
}

const total = (lines: readonly FeeLine[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('fees', () => {
  describe('success fee under the default schedule (2 %, split, 30 % to a broker)', () => {
    it('a 500,000,000 VND deal costs 10,000,000 VND, 5,000,000 from each side', () => {
      const fees = computeDealFees(
        { price: 500_000_000, currency: 'VND', hasBroker: false },
        DEFAULT_FEE_SCHEDULE,
      );
      assert.deepEqual(fees, [
        { purpose: 'success_fee', amount: 5_000_000, currency: 'VND', payer: 'buyer' },
        { purpose: 'success_fee', amount: 5_000_000, currency: 'VND', payer: 'seller' },
      ]);
      assertIntegers(fees);
    });

    it('when 2 % is below the minimum, then the minimum is charged', () => {
      assert.equal(computeSuccessFee(50_000_000, 'VND', DEFAULT_FEE_SCHEDULE), 2_000_000);
      assert.equal(computeSuccessFee(0, 'VND', DEFAULT_FEE_SCHEDULE), 2_000_000);
      assert.equal(computeSuccessFee(100, 'USD', DEFAULT_FEE_SCHEDULE), 10_000);
    });

    it('when 2 % is above the maximum, then the maximum is charged', () => {
      assert.equal(computeSuccessFee(100_000_000_000, 'VND', DEFAULT_FEE_SCHEDULE), 500_000_000);
      assert.equal(computeSuccessFee(1_000_000_000, 'USD', DEFAULT_FEE_SCHEDULE), 2_500_000);
    });

    it('at the boundaries the percentage and the limit agree', () => {
      assert.equal(computeSuccessFee(100_000_000, 'VND', DEFAULT_FEE_SCHEDULE), 2_000_000);
      assert.equal(computeSuccessFee(25_000_000_000, 'VND', DEFAULT_FEE_SCHEDULE), 500_000_000);
    });

    it('when the fee is odd, then the buyer pays the extra đồng', () => {
      const fees = computeDealFees(
        { price: 100_000_050, currency: 'VND', hasBroker: false },
        DEFAULT_FEE_SCHEDULE,
      );
      assert.deepEqual(
        fees.map((f) => [f.payer, f.amount]),
        [
          ['buyer', 1_000_001],
          ['seller', 1_000_000],
        ],
      );
      assert.equal(total(fees), 2_000_001);
    });

    it('a USD deal of $12,345.67 costs $246.91, the odd cent paid by the buyer', () => {
      const fees = computeDealFees(
        { price: 1_234_567, currency: 'USD', hasBroker: false },
        DEFAULT_FEE_SCHEDULE,
      );
      assert.deepEqual(
        fees.map((f) => [f.payer, f.amount, f.currency]),
        [
          ['buyer', 12_346, 'USD'],
          ['seller', 12_345, 'USD'],
        ],
      );
      assertIntegers(fees);
    });
  });

  describe('rounding half up to the minor unit', () => {
    it('VND: 2 % of 25 đồng is 0.5, charged as 1; of 24 đồng it is 0.48, charged as 0', () => {
      assert.equal(computeSuccessFee(25, 'VND', bare(200)), 1);
      assert.equal(computeSuccessFee(24, 'VND', bare(200)), 0);
      assert.equal(computeSuccessFee(75, 'VND', bare(200)), 2);
    });

    it('USD: 2 % of $12,345.75 is 24,691.5 cents, charged as 24,692', () => {
      assert.equal(computeSuccessFee(1_234_575, 'USD', bare(200)), 24_692);
      assert.equal(computeSuccessFee(1_234_574, 'USD', bare(200)), 24_691);
    });
  });

  describe('payer', () => {
    it('when the buyer pays, then there is a single buyer line', () => {
      const fees = computeDealFees(
        { price: 1_000_001, currency: 'USD', hasBroker: false },
        bare(200, 'buyer'),
      );
      assert.deepEqual(fees, [{ purpose: 'success_fee', amount: 20_000, currency: 'USD', payer: 'buyer' }]);
    });

    it('when the seller pays, then there is a single seller line', () => {
      const fees = computeDealFees(
        { price: 1_000_000, currency: 'VND', hasBroker: true },
        bare(250, 'seller'),
      );
      assert.deepEqual(fees, [{ purpose: 'success_fee', amount: 25_000, currency: 'VND', payer: 'seller' }]);
    });

    it('when the fee is zero, then nobody owes anything; when it is 1, only the buyer does', () => {
      assert.deepEqual(computeDealFees({ price: 10, currency: 'VND', hasBroker: false }, bare(200)), []);
      assert.deepEqual(
        computeDealFees({ price: 50, currency: 'VND', hasBroker: false }, bare(200)).map((f) => f.payer),
        ['buyer'],
      );
    });
  });

  describe('large amounts stay exact', () => {
    it('2 % of 10^15 đồng is exactly 2 × 10^13', () => {
      const fees = computeDealFees({ price: 1e15, currency: 'VND', hasBroker: true }, bare(200));
      assert.equal(total(fees), 20_000_000_000_000);
      assertIntegers(fees);
    });

    it('where floating point would be off by one, the integer result is exact', () => {
      // 9 007 199 254 740 000 × 49.99 % = 4 502 698 907 444 526 exactly; floats say …527.
      assert.equal(computeSuccessFee(9_007_199_254_740_000, 'VND', bare(4999)), 4_502_698_907_444_526);
    });

    it('the largest safe price at 100 % comes back unchanged', () => {
      assert.equal(computeSuccessFee(Number.MAX_SAFE_INTEGER, 'VND', bare(10_000)), Number.MAX_SAFE_INTEGER);
    });
  });

  describe('broker commission', () => {
    it('when a broker is assigned, then the exchange pays them 30 % of the success fee', () => {
      const deal = { price: 500_000_000, currency: 'VND' as const, hasBroker: true };
      assert.deepEqual(computeBrokerCommission(deal, DEFAULT_FEE_SCHEDULE), {
        purpose: 'broker_commission',
        amount: 3_000_000,
        currency: 'VND',
        payer: 'exchange',
      });
    });

    it('the commission is not among the fees the parties owe', () => {
      const fees = computeDealFees(
        { price: 500_000_000, currency: 'VND', hasBroker: true },
        DEFAULT_FEE_SCHEDULE,
      );
      assert.deepEqual(
        fees.map((f) => f.purpose),
        ['success_fee', 'success_fee'],
      );
    });

    it('when there is no broker, then there is no commission', () => {
      assert.equal(
        computeBrokerCommission({ price: 1, currency: 'USD', hasBroker: false }, DEFAULT_FEE_SCHEDULE),
        null,
      );
    });

    it('the commission rounds half up too and is an integer', () => {
      // fee 2,000,001 × 30 % = 600,000.3 → 600,000; fee 5 × 30 % = 1.5 → 2
      const odd = computeBrokerCommission(
        { price: 100_000_050, currency: 'VND', hasBroker: true },
        DEFAULT_FEE_SCHEDULE,
      );
      assert.equal(odd?.amount, 600_000);
      const half = computeBrokerCommission({ price: 250, currency: 'VND', hasBroker: true }, bare(200));
      assert.equal(half?.amount, 2);
    });

    it('the broker’s shares of a royalty fee’s lines add up to its share of the whole fee', () => {
      // A fee of 7 split 4 / 3: 30 % of 7 = 2.1 → 2; the buyer's 4 × 30 % = 1.2 → 1, the seller the rest.
      assert.deepEqual(royaltyFeeBrokerShares([{ amount: 4 }, { amount: 3 }], DEFAULT_FEE_SCHEDULE), [1, 1]);
      assert.deepEqual(
        royaltyFeeBrokerShares([{ amount: 35_000 }, { amount: 35_000 }], DEFAULT_FEE_SCHEDULE),
        [10_500, 10_500],
      );
      assert.deepEqual(royaltyFeeBrokerShares([{ amount: 1 }], DEFAULT_FEE_SCHEDULE), [0]);
      assert.deepEqual(
        royaltyFeeBrokerShares([{ amount: 35_000 }], { ...DEFAULT_FEE_SCHEDULE, brokerShareBps: 0 }),
        [0],
      );
    });
  });

  describe('listing fee', () => {
    const schedule: FeeSchedule = { ...DEFAULT_FEE_SCHEDULE, listingFee: { offer: { VND: 500_000 } } };

    it('when the schedule sets one, then the owner of an offer pays it as seller', () => {
      assert.deepEqual(computeListingFee('offer', 'VND', schedule), {
        purpose: 'listing_fee',
        amount: 500_000,
        currency: 'VND',
        payer: 'seller',
      });
    });

    it('when the schedule sets none for the kind or currency, then there is no fee', () => {
      assert.equal(computeListingFee('offer', 'USD', schedule), null);
      assert.equal(computeListingFee('demand', 'VND', schedule), null);
      assert.equal(computeListingFee('offer', 'VND', DEFAULT_FEE_SCHEDULE), null);
    });
  });

  it('across prices, currencies and payers every amount is an integer and the lines add up to the fee', () => {
    const prices = [0, 1, 3, 49, 50, 99, 12_345, 999_999, 100_000_050, 123_456_789_013, 1e15];
    for (const currency of ['VND', 'USD'] as const) {
      for (const payer of ['buyer', 'seller', 'split'] as const) {
        for (const schedule of [
          bare(333, payer),
          { ...DEFAULT_FEE_SCHEDULE, successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, payer } },
        ]) {
          for (const price of prices) {
            const fee = computeSuccessFee(price, currency, schedule);
            const lines = computeDealFees({ price, currency, hasBroker: true }, schedule);
            const commission = computeBrokerCommission({ price, currency, hasBroker: true }, schedule);
            assert.ok(Number.isInteger(fee));
            assertIntegers(lines);
            assert.ok(commission && Number.isInteger(commission.amount) && commission.amount <= fee);
            assert.equal(total(lines), fee);
            assert.ok(lines.every((l) => l.amount > 0 && l.currency === currency));
          }
        }
      }
    }
  });

  it('when the price is negative, fractional, NaN or beyond safe integers, then it throws a RangeError', () => {
    for (const price of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Infinity]) {
      assert.throws(() => computeSuccessFee(price, 'VND', DEFAULT_FEE_SCHEDULE), RangeError);
    }
    assert.throws(() => computeSuccessFee(1, 'EUR' as 'VND', DEFAULT_FEE_SCHEDULE), RangeError);
  });

  describe('schedule schema', () => {
    it('accepts the default schedule and one with listing fees', () => {
      assert.equal(feeScheduleSchema.validate(DEFAULT_FEE_SCHEDULE).error, undefined);
      const withListing = {
        ...DEFAULT_FEE_SCHEDULE,
        listingFee: { offer: { VND: 500_000 }, demand: { USD: 2_000 } },
      };
      assert.equal(feeScheduleSchema.validate(withListing).error, undefined);
    });

    const invalid: [string, unknown][] = [
      ['fractional basis points', { ...DEFAULT_FEE_SCHEDULE, brokerShareBps: 12.5 }],
      [
        'more than 100 %',
        { ...DEFAULT_FEE_SCHEDULE, successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, percentBps: 10_001 } },
      ],
      [
        'a minimum above the maximum',
        {
          ...DEFAULT_FEE_SCHEDULE,
          successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, min: { VND: 9e8, USD: 0 } },
        },
      ],
      [
        'a missing currency',
        { ...DEFAULT_FEE_SCHEDULE, successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, max: { VND: 1 } } },
      ],
      [
        'an unknown payer',
        { ...DEFAULT_FEE_SCHEDULE, successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, payer: 'broker' } },
      ],
      ['a negative listing fee', { ...DEFAULT_FEE_SCHEDULE, listingFee: { offer: { VND: -1 } } }],
      ['a fractional amount', { ...DEFAULT_FEE_SCHEDULE, listingFee: { demand: { USD: 1.5 } } }],
    ];
    for (const [what, schedule] of invalid) {
      it(`rejects ${what}`, () => {
        assert.ok(feeScheduleSchema.validate(schedule).error);
      });
    }
  });

  describe('formatMoney', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

    it('writes đồng without decimals, Vietnamese style', () => {
      assert.equal(plain(formatMoney(2_000_000, 'VND', 'vi')), '2.000.000 ₫');
      assert.equal(plain(formatMoney(1e15, 'VND', 'vi')), '1.000.000.000.000.000 ₫');
    });

    it('writes dollars from cents, English style', () => {
      assert.equal(formatMoney(10_000, 'USD', 'en'), '$100.00');
      assert.equal(formatMoney(5, 'USD', 'en'), '$0.05');
      assert.equal(formatMoney(-123_456_789, 'USD', 'en'), '-$1,234,567.89');
    });

    it('writes dollars Vietnamese style and đồng English style', () => {
      assert.equal(plain(formatMoney(10_000, 'USD', 'vi')), '100,00 US$');
      assert.equal(formatMoney(2_000_000, 'VND', 'en'), '₫2,000,000');
    });

    it('keeps every digit of the largest safe amount', () => {
      assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en'), '$90,071,992,547,409.91');
    });

    it('when the amount is not an integer, then it throws', () => {
      assert.throws(() => formatMoney(1.5, 'USD', 'en'), RangeError);
    });
  });
});

describe('the fee lines of a deal', () => {
  const sheets = [
    { version: 1, price: 900_000_000, currency: 'VND' },
    { version: 2, price: 500_000_000, currency: 'VND' },
  ];

  it('when no version is agreed, then nothing is owed', () => {
    assert.deepEqual(dealFeeLines({ termSheets: sheets }, DEFAULT_FEE_SCHEDULE), []);
  });

  it('when version 2 is agreed, then the fees come from its price, not the latest or the first', () => {
    const lines = dealFeeLines({ termSheets: sheets, agreedVersion: 2 }, DEFAULT_FEE_SCHEDULE);
    assert.deepEqual(
      lines.map((l) => [l.payer, l.amount, l.currency]),
      [
        ['buyer', 5_000_000],
        ['seller', 5_000_000],
      ].map(([p, a]) => [p, a, 'VND']),
    );
    assert.deepEqual(agreedPrice({ termSheets: sheets, agreedVersion: 1 }), {
      price: 900_000_000,
      currency: 'VND',
    });
  });

  it('when the buyer holds an auction deposit, then it is credited against the buyer’s line only, up to what it comes to', () => {
    const deal = { termSheets: sheets, agreedVersion: 2 };
    const partly = dealFeeLines(
      { ...deal, depositCredit: { amount: 2_000_000, currency: 'VND' } },
      DEFAULT_FEE_SCHEDULE,
    );
    assert.deepEqual(
      partly.map((l) => [l.payer, l.amount, l.credited]),
      [
        ['buyer', 3_000_000, 2_000_000],
        ['seller', 5_000_000, undefined],
      ],
    );
    const whole = dealFeeLines(
      { ...deal, depositCredit: { amount: 9_000_000, currency: 'VND' } },
      DEFAULT_FEE_SCHEDULE,
    );
    assert.deepEqual(
      whole.map((l) => [l.payer, l.amount, l.credited]),
      [
        ['buyer', 0, 5_000_000],
        ['seller', 5_000_000, undefined],
      ],
    );
    // A line the deposit covers is settled without a payment; the seller's still needs one.
    assert.equal(allFeesPaid(whole, []), false);
    assert.equal(allFeesPaid(whole.slice(0, 1), []), true);
    // A deposit in another currency is not converted.
    const other = dealFeeLines(
      { ...deal, depositCredit: { amount: 500, currency: 'USD' } },
      DEFAULT_FEE_SCHEDULE,
    );
    assert.deepEqual(
      other.map((l) => l.amount),
      [5_000_000, 5_000_000],
    );
  });

  const payment = (payer: string, status: PaymentStatus, minutesAgo: number, live = false) => ({
    purpose: 'success_fee',
    payer,
    status,
    openKey: live ? `d:success_fee:${payer}` : undefined,
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
  });

  it('then a line is represented by its live payment, else its latest one', () => {
    const failed = payment('buyer', 'failed', 10);
    const pending = payment('buyer', 'pending', 20, true);
    assert.equal(paymentForLine({ purpose: 'success_fee', payer: 'buyer' }, [failed, pending]), pending);
    const older = payment('buyer', 'failed', 30);
    assert.equal(paymentForLine({ purpose: 'success_fee', payer: 'buyer' }, [older, failed]), failed);
    assert.equal(paymentForLine({ purpose: 'success_fee', payer: 'seller' }, [failed]), undefined);
  });

  it('then all fees are paid only when every line has a paid payment', () => {
    const lines = dealFeeLines({ termSheets: sheets, agreedVersion: 2 }, DEFAULT_FEE_SCHEDULE);
    assert.equal(allFeesPaid(lines, [payment('buyer', 'paid', 1)]), false);
    assert.equal(allFeesPaid(lines, [payment('buyer', 'paid', 1), payment('seller', 'refunded', 1)]), false);
    assert.equal(allFeesPaid(lines, [payment('buyer', 'paid', 1), payment('seller', 'paid', 1)]), true);
  });
});

describe('payment references and receipts', () => {
  it('then a reference is TX- and six unambiguous characters, and its receipt number follows from it', () => {
    for (let i = 0; i < 50; i++) assert.match(newPaymentReference(), /^TX-[A-HJKMNP-Z2-9]{6}$/);
    assert.equal(receiptNumberOf('TX-7K3QZP'), 'RC-7K3QZP');
  });

  it('when a receipt is rendered, then every value is escaped and the amount formatted for the locale', () => {
    const data = {
      receiptNumber: 'RC-7K3QZP',
      paidAt: new Date('2025-07-01T03:00:00Z'),
      payerOrgName: 'Công ty "A" <B>',
      dealId: 'd1',
      dealTitle: '<img src=x onerror=alert(1)>',
      purpose: 'success_fee',
      amount: 5_000_000,
      currency: 'VND' as const,
      provider: 'bank_transfer',
      reference: 'TX-7K3QZP',
      status: 'paid',
    };
    const vi = renderReceiptHtml(data, 'vi');
    assert.ok(!vi.includes('<img'));
    assert.ok(vi.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(vi.includes('Công ty &quot;A&quot; &lt;B&gt;'));
    assert.ok(vi.includes(formatMoney(5_000_000, 'VND', 'vi')));
    assert.ok(vi.includes('Phí giao dịch thành công'));
    const en = renderReceiptHtml({ ...data, amount: 12_345, currency: 'USD' }, 'en');
    assert.ok(en.includes('$123.45'));
    assert.ok(en.includes('Success fee'));
    assert.equal(escapeHtml(`<a href='x'>&</a>`), '&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });
});
