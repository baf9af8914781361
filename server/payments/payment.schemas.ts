import Joi from 'joi';
import {
  CURRENCIES,
  LISTING_KINDS,
  LOCALES,
  type Locale,
  PAYMENT_PROVIDERS,
  PAYMENT_PURPOSES,
  PAYMENT_STATUSES,
  type PaymentProvider,
  type PaymentPurpose,
  type PaymentStatus,
} from '../api-contract/enums';
import { objectId } from '../common/ids';
import { PAYMENT_PAYERS } from './payment.model';
import { LEDGER_KINDS } from './ledger.model';

export interface StartPaymentBody {
  provider: PaymentProvider;
  purpose?: 'success_fee' | 'listing_fee';
  payer?: 'buyer' | 'seller';
  milestone?: number;
}

export const startPaymentBody = Joi.object<StartPaymentBody>({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
  purpose: Joi.string().valid('success_fee', 'listing_fee'),
  payer: Joi.string().valid('buyer', 'seller'),
  milestone: Joi.number()
    .integer()
    .min(1)
    .description("A delivering deal's fee on this accepted milestone; by default the first fee owed"),
});

/** Paying an appraisal's fee: the requester chooses the provider. */
export interface StartSubjectPaymentBody {
  provider: PaymentProvider;
}

export const startSubjectPaymentBody = Joi.object<StartSubjectPaymentBody>({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export interface ReceiptQuery {
  lang?: Locale;
}

export const receiptQuery = Joi.object<ReceiptQuery>({ lang: Joi.string().valid(...LOCALES) });

export interface PaymentListQuery {
  status?: PaymentStatus;
  provider?: PaymentProvider;
  purpose?: PaymentPurpose;
  dealId?: string;
  attention?: 'surplus_refund';
  page: number;
  limit: number;
}

export const paymentListQuery = Joi.object<PaymentListQuery>({
  status: Joi.string().valid(...PAYMENT_STATUSES),
  provider: Joi.string().valid(...PAYMENT_PROVIDERS),
  purpose: Joi.string()
    .valid(...PAYMENT_PURPOSES)
    .description('Only payments of this purpose (listing_fee: the listing fees)'),
  dealId: objectId(),
  attention: Joi.string()
    .valid('surplus_refund')
    .description('surplus_refund: deposits whose surplus refund kept failing and waits for an operator'),
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

/**
 * What the operator read on the bank statement. Optional for API callers (as before); when given,
 * the amount must be the payment's and the date not in the future. The exchange's own screen asks
 * for all three.
 */
export interface ConfirmBody {
  note?: string;
  amount?: number;
  bankReference?: string;
  receivedOn?: Date;
}

export const confirmBody = Joi.object<ConfirmBody>({
  note: Joi.string().trim().max(500).allow(''),
  amount: Joi.number()
    .integer()
    .min(1)
    .description('The amount the bank statement shows, in the currency’s unit'),
  bankReference: Joi.string()
    .trim()
    .min(3)
    .max(100)
    .description('The bank’s reference of the incoming transfer'),
  receivedOn: Joi.date().iso().max('now').description('When the transfer arrived (not in the future)'),
});

export interface RefundBody {
  reason: string;
}

export const refundBody = Joi.object<RefundBody>({ reason: Joi.string().trim().min(3).max(500).required() });

const money = {
  amount: Joi.number().integer().min(0).required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
};

export const feeLineResponse = Joi.object({
  purpose: Joi.string()
    .valid(...PAYMENT_PURPOSES)
    .required(),
  ...money,
  payer: Joi.string()
    .valid(...PAYMENT_PAYERS)
    .required(),
  status: Joi.string().valid(...PAYMENT_STATUSES),
  paymentId: Joi.string(),
  provider: Joi.string().valid(...PAYMENT_PROVIDERS),
  credited: Joi.number()
    .integer()
    .description(
      "The part of the line the payer's deposit (an auction's or a call's) covers (`amount` is what is left to pay)",
    ),
  milestone: Joi.number()
    .integer()
    .description(
      'The milestone whose acceptance made this share of the success fee due (absent: due on signing)',
    ),
});

export const paymentResponse = Joi.object({
  id: Joi.string().required(),
  dealId: Joi.string().description("The deal whose fee this is (absent for an appraisal's fee)"),
  appraisalId: Joi.string().description('The appraisal whose fee this is'),
  offerId: Joi.string().description('The auction a bid deposit lets its payer bid on'),
  demandId: Joi.string().description('The call for proposals a deposit lets its payer propose on'),
  listingId: Joi.string().description(
    'The offer or demand a listing fee lets its organization submit for review',
  ),
  listingKind: Joi.string()
    .valid(...LISTING_KINDS)
    .description("A listing fee's listing: an offer or a demand"),
  royaltyReportId: Joi.string().description("The deal's royalty report a royalty fee is owed on"),
  milestone: Joi.number().integer().description("The deal's milestone a share of the success fee is owed on"),
  deposit: Joi.object({
    outcome: Joi.string().valid('credited', 'forfeited'),
    dealId: Joi.string(),
    at: Joi.string().isoDate(),
    reason: Joi.string(),
    surplusRefunded: Joi.number()
      .integer()
      .description(
        "What of a credited deposit was refunded as its surplus over the deal's fees (minor units)",
      ),
    surplusRefundPending: Joi.number()
      .integer()
      .description('What of its surplus is being refunded and not done yet (minor units)'),
    surplusRefundNeedsOperator: Joi.object({
      key: Joi.string().required(),
      amount: Joi.number().integer().required(),
      error: Joi.string(),
      since: Joi.string().isoDate(),
      retries: Joi.number().integer().required(),
    }).description(
      'A surplus refund that kept failing, handed to the operators: they retry it or record it made',
    ),
    forfeitedAmount: Joi.number()
      .integer()
      .description('What a forfeit took: what the deposit still held beyond the surplus due'),
    keptForRunnerUpAt: Joi.string()
      .isoDate()
      .description(
        "An auction's runner-up deposit kept at the close until the winner's deal is signed or ends",
      ),
    keepDays: Joi.number()
      .integer()
      .description(
        "A kept runner-up deposit (its payer's and the owner's lists): the days it is still kept after the winner's deal ended without an offer (RUNNER_UP_DEPOSIT_KEEP_DAYS)",
      ),
    keptUntil: Joi.string()
      .isoDate()
      .description(
        "A kept runner-up deposit whose winner's deal ended: refunded then, unless the owner offers its bidder the technology first (then credited to that deal); absent while the winner may still sign (which refunds it)",
      ),
    runnerUp: Joi.object({ bidId: Joi.string().required(), dealId: Joi.string() }).description(
      'A forfeited deposit: the runner-up the owner then offered the technology to (its bid, and the deal opened)',
    ),
  }).description(
    "A paid deposit after its auction or call closed: credited to the winning bidder's (or chosen proposer's) deal, forfeited, or kept for the runner-up (a refunded one is `status: refunded`)",
  ),
  title: Joi.string().description('What the payment is for'),
  purpose: Joi.string().required(),
  payer: Joi.string().required(),
  payerOrgId: Joi.string().required(),
  ...money,
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
  status: Joi.string()
    .valid(...PAYMENT_STATUSES)
    .required(),
  reference: Joi.string().required(),
  receiptNumber: Joi.string(),
  checkoutUrl: Joi.string(),
  paidAt: Joi.string(),
  refundedAt: Joi.string(),
  bankReceipt: Joi.object({
    amount: Joi.number().integer(),
    bankReference: Joi.string(),
    receivedOn: Joi.string(),
  }).description('What the confirming operator read on the bank statement'),
  payees: Joi.array()
    .items(Joi.object({ userId: Joi.string(), purpose: Joi.string(), amount: Joi.number().integer() }))
    .description('The shares of this fee the exchange owes once it is paid (broker, experts)'),
  history: Joi.array().items(Joi.object()),
}).unknown(true);

export const bankInstructionsResponse = Joi.object({
  bankName: Joi.string().required(),
  accountName: Joi.string().required(),
  accountNumber: Joi.string().required(),
  ...money,
  reference: Joi.string().required(),
});

export const ledgerEntryResponse = Joi.object({
  id: Joi.string().required(),
  at: Joi.string().required(),
  kind: Joi.string()
    .valid(...LEDGER_KINDS)
    .required(),
  purpose: Joi.string().valid(...PAYMENT_PURPOSES),
  payer: Joi.string(),
  dealId: Joi.string(),
  appraisalId: Joi.string(),
  listingId: Joi.string().description("A listing fee's offer or demand"),
  payeeUserId: Joi.string().description('For a payout: the broker or expert it is owed to'),
  paymentId: Joi.string(),
  ...money,
  provider: Joi.string(),
  reference: Joi.string(),
  providerIds: Joi.object(),
  actorId: Joi.string(),
  source: Joi.string(),
  line: Joi.string().description(
    "A broker's share of a fee line the winner's deposit covered: the line (`signing`, or `m<n>` for milestone n)",
  ),
}).unknown(true);

export const payoutResponse = ledgerEntryResponse.keys({
  kind: Joi.string().valid('payout_due').required(),
  purpose: Joi.string().valid('broker_commission', 'expert_share').required(),
  payeeUserId: Joi.string().required(),
  reference: Joi.string().required(),
  paymentId: Joi.string().required(),
  amount: Joi.number().integer().min(0).required(),
  payeeName: Joi.string().allow('').required(),
  status: Joi.string().valid('due', 'paid', 'cancelled').required(),
  paidAt: Joi.string(),
  paidReference: Joi.string(),
  cancelledAt: Joi.string(),
});

export const payoutListResponse = Joi.object({
  payouts: Joi.array().items(payoutResponse).required(),
  totals: Joi.array()
    .items(
      Joi.object({
        payeeUserId: Joi.string().required(),
        name: Joi.string().allow('').required(),
        currency: Joi.string()
          .valid(...CURRENCIES)
          .required(),
        owed: Joi.number().integer().required(),
        paid: Joi.number().integer().required(),
      }),
    )
    .required(),
});

export interface DepositBody {
  provider: PaymentProvider;
}

export const depositBody = Joi.object<DepositBody>({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export const myDepositResponse = Joi.object({
  required: Joi.boolean()
    .required()
    .description('Whether the auction (or the call for proposals) asks a deposit of its bidders (proposers)'),
  amount: Joi.number().integer().description('The deposit, in minor units'),
  currency: Joi.string().valid(...CURRENCIES),
  status: Joi.string()
    .valid('none', ...PAYMENT_STATUSES)
    .required()
    .description("Your organization's deposit: none yet, pending, paid or (after the close) refunded"),
  payment: paymentResponse,
});

/** What starting (or resuming) a payment answers: the payment, and its Checkout URL or the bank instructions. */
export const startedPaymentResponse = Joi.object({
  payment: paymentResponse,
  checkoutUrl: Joi.string(),
  instructions: bankInstructionsResponse,
});

/** A listing's fee as its organization and operators see it (payments/listing-fee-rules.ts). */
export const listingFeeResponse = Joi.object({
  required: Joi.boolean()
    .required()
    .description("Whether the fee schedule asks a listing fee of this listing's kind and currency"),
  amount: Joi.number().integer().min(1).description('The fee, in minor units (when required)'),
  currency: Joi.string().valid(...CURRENCIES),
  payer: Joi.string()
    .valid('seller', 'buyer')
    .description('Who owes it: the seller of an offer, the buyer of a demand'),
  status: Joi.string()
    .valid('none', 'pending', 'paid', 'refunding', 'refunded', 'failed')
    .required()
    .description(
      'paid: a received fee covers the listing; refunding: refunded after a rejection, the refund under way; pending: a payment awaits confirmation; refunded, failed: the latest attempt; none: nothing started',
    ),
  due: Joi.boolean()
    .required()
    .description('The draft may not be submitted for review until the fee is paid'),
  payment: paymentResponse.description('The latest payment of the fee'),
  payments: Joi.array()
    .items(paymentResponse)
    .required()
    .description('Every payment of the fee, newest first'),
  ledger: Joi.array()
    .items(ledgerEntryResponse)
    .required()
    .description("The fee's money record: payments started, received, failed and refunded"),
});
