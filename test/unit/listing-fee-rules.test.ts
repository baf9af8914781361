import assert from 'node:assert/strict';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../../server/fees';
import {
  chargesListingFees,
  coversListing,
  listingFeeCurrency,
  listingFeeDue,
  listingFeeOwed,
  listingFeeStatus,
  paymentsToRefundOnRejection,
  rejectionRefundsFee,
  submissionBlocker,
  type ListingFeePaymentFacts,
} from '../../server/payments/listing-fee-rules';

const schedule: FeeSchedule = {
  ...DEFAULT_FEE_SCHEDULE,
  listingFee: { offer: { VND: 500_000, USD: 2_000 }, demand: { VND: 0 } },
};

const pay = (status: string, extra: Partial<ListingFeePaymentFacts> = {}): ListingFeePaymentFacts => ({
  status,
  refundRequested: false,
  provider: 'bank_transfer',
  reference: 'TX-ABC123',
  ...extra,
});

describe('listing fees (pure rules)', () => {
  describe('what a listing owes', () => {
    it('takes the schedule’s fee for the kind and the listing’s currency, owed by the seller of an offer', () => {
      assert.deepEqual(listingFeeOwed('offer', { pricing: { currency: 'USD' } }, schedule), {
        purpose: 'listing_fee',
        amount: 2_000,
        currency: 'USD',
        payer: 'seller',
      });
      assert.equal(listingFeeOwed('offer', {}, schedule)?.amount, 500_000);
    });

    it('owes nothing where the schedule sets no fee, or a fee of zero', () => {
      assert.equal(listingFeeOwed('offer', {}, DEFAULT_FEE_SCHEDULE), null);
      assert.equal(listingFeeOwed('demand', { budget: { currency: 'VND' } }, schedule), null);
      assert.equal(listingFeeOwed('demand', { budget: { currency: 'USD' } }, schedule), null);
      const demands = { ...schedule, listingFee: { demand: { USD: 1_500 } } };
      assert.equal(listingFeeOwed('demand', { budget: { currency: 'USD' } }, demands)?.payer, 'buyer');
    });

    it('knows whether the schedule charges any listing fee at all', () => {
      assert.ok(chargesListingFees(schedule));
      assert.ok(!chargesListingFees(DEFAULT_FEE_SCHEDULE));
      assert.ok(!chargesListingFees({ ...schedule, listingFee: { offer: { VND: 0 }, demand: {} } }));
    });

    it('reads the currency from the offer’s price or the demand’s budget, VND when none is named', () => {
      assert.equal(listingFeeCurrency('offer', { pricing: { currency: 'USD' } }), 'USD');
      assert.equal(listingFeeCurrency('offer', { budget: { currency: 'USD' } }), 'VND');
      assert.equal(listingFeeCurrency('demand', { budget: { currency: 'USD' } }), 'USD');
      assert.equal(listingFeeCurrency('demand', {}), 'VND');
    });
  });

  describe('how the fee stands', () => {
    it('a received payment without a refund asked covers the listing, whatever came before', () => {
      assert.equal(listingFeeStatus([]), 'none');
      assert.equal(listingFeeStatus([pay('pending')]), 'pending');
      assert.equal(listingFeeStatus([pay('paid'), pay('refunded')]), 'paid');
      assert.equal(listingFeeStatus([pay('failed'), pay('paid')]), 'paid');
      assert.ok(coversListing(pay('paid')));
      assert.ok(!coversListing(pay('paid', { refundRequested: true })));
    });

    it('a paid fee whose refund is under way covers nothing; the latest attempt speaks otherwise', () => {
      assert.equal(listingFeeStatus([pay('paid', { refundRequested: true })]), 'refunding');
      assert.equal(listingFeeStatus([pay('refunded'), pay('failed')]), 'refunded');
      assert.equal(listingFeeStatus([pay('failed'), pay('refunded')]), 'failed');
    });

    it('is due on a draft the schedule charges and nothing covers', () => {
      const owed = listingFeeOwed('offer', {}, schedule);
      assert.ok(listingFeeDue(owed, 'draft', 'none'));
      assert.ok(listingFeeDue(owed, 'draft', 'refunded'));
      assert.ok(!listingFeeDue(owed, 'draft', 'paid'));
      assert.ok(!listingFeeDue(owed, 'pending_review', 'none'));
      assert.ok(!listingFeeDue(null, 'draft', 'none'));
    });
  });

  describe('submitting for review', () => {
    const owed = listingFeeOwed('offer', {}, schedule);

    it('goes through without a fee, or with a paid one (also after a resubmission)', () => {
      assert.equal(submissionBlocker('offer', null, []), null);
      assert.equal(submissionBlocker('offer', owed, [pay('paid')]), null);
    });

    it('is refused naming the fee to pay, a payment not yet received, or a refund under way', () => {
      assert.match(
        submissionBlocker('offer', owed, [])!,
        /^A listing fee of ₫500,000 \(VND\) must be paid before this offer is submitted for review/,
      );
      assert.match(
        submissionBlocker('offer', owed, [pay('pending')])!,
        /^The listing fee of ₫500,000 \(VND\) is not paid yet: your bank transfer TX-ABC123 awaits an operator's confirmation/,
      );
      assert.match(
        submissionBlocker('offer', owed, [pay('pending', { provider: 'stripe' })])!,
        /your card payment is not confirmed yet/,
      );
      assert.match(
        submissionBlocker('offer', owed, [pay('paid', { refundRequested: true })])!,
        /is being refunded after its rejection/,
      );
      assert.match(submissionBlocker('offer', owed, [pay('refunded')])!, /must be paid/);
    });
  });

  describe('a rejection', () => {
    it('refunds the fee of a listing still rejected or withdrawn since, not of one submitted again or published', () => {
      assert.ok(rejectionRefundsFee('draft'));
      assert.ok(rejectionRefundsFee('withdrawn'));
      assert.ok(!rejectionRefundsFee('pending_review'));
      assert.ok(!rejectionRefundsFee('published'));
    });

    it('refunds every received payment, one whose refund was asked too (asking again is idempotent)', () => {
      const payments = [pay('paid'), pay('paid', { refundRequested: true }), pay('refunded'), pay('failed')];
      assert.deepEqual(paymentsToRefundOnRejection(payments), payments.slice(0, 2));
    });
  });
});
