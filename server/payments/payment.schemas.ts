import Joi from 'joi';
import {
  CURRENCIES,
  LOCALES,
  PAYMENT_PROVIDERS,
  PAYMENT_PURPOSES,
  PAYMENT_STATUSES,
} from '../api-contract/enums';
import { objectId } from '../common/ids';
import { PAYMENT_PAYERS } from './payment.model';
import { LEDGER_KINDS } from './ledger.model';

export const startPaymentBody = Joi.object({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
  purpose: Joi.string().valid('success_fee', 'listing_fee'),
  payer: Joi.string().valid('buyer', 'seller'),
});

/** Paying an appraisal's fee: the requester chooses the provider. */
export const startSubjectPaymentBody = Joi.object({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export const receiptQuery = Joi.object({ lang: Joi.string().valid(...LOCALES) });

export const paymentListQuery = Joi.object({
  status: Joi.string().valid(...PAYMENT_STATUSES),
  provider: Joi.string().valid(...PAYMENT_PROVIDERS),
  dealId: objectId(),
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

/**
 * What the operator read on the bank statement. Optional for API callers (as before); when given,
 * the amount must be the payment's and the date not in the future. The exchange's own screen asks
 * for all three.
 */
export const confirmBody = Joi.object({
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
export const refundBody = Joi.object({ reason: Joi.string().trim().min(3).max(500).required() });

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
    .description("The part of the line the buyer's auction deposit covers (`amount` is what is left to pay)"),
});

export const paymentResponse = Joi.object({
  id: Joi.string().required(),
  dealId: Joi.string().description("The deal whose fee this is (absent for an appraisal's fee)"),
  appraisalId: Joi.string().description('The appraisal whose fee this is'),
  offerId: Joi.string().description('The auction a bid deposit lets its payer bid on'),
  royaltyReportId: Joi.string().description("The deal's royalty report a royalty fee is owed on"),
  deposit: Joi.object({
    outcome: Joi.string().valid('credited', 'forfeited').required(),
    dealId: Joi.string(),
    at: Joi.string().isoDate(),
    reason: Joi.string(),
  }).description(
    "A paid deposit after its auction closed: credited to the winner's deal, or forfeited (a refunded one is `status: refunded`)",
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
  payeeUserId: Joi.string().description('For a payout: the broker or expert it is owed to'),
  paymentId: Joi.string(),
  ...money,
  provider: Joi.string(),
  reference: Joi.string(),
  providerIds: Joi.object(),
  actorId: Joi.string(),
  source: Joi.string(),
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

export const depositBody = Joi.object({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export const myDepositResponse = Joi.object({
  required: Joi.boolean().required().description('Whether the auction asks a deposit of its bidders'),
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
