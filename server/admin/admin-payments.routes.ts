import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import {
  paymentDeps,
  confirmBankTransfer,
  refundPayment,
  forfeitDeposit,
  recordSurplusRefundMade,
  retrySurplusRefund,
  listPayments,
  listPayouts,
  markPayoutPaid,
  confirmBody,
  payoutListResponse,
  payoutResponse,
  paymentListQuery,
  paymentResponse,
  refundBody,
} from '../payments';

/** The reference of a payment made outside the exchange (a transfer, Stripe's dashboard). */
export interface ReferenceBody {
  reference: string;
}

export function registerAdminPaymentRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'admin';
  const deps = paymentDeps(ctx);
  api.add({
    method: 'get',
    path: '/admin/payments',
    tag,
    summary:
      'Payments, newest first, by status, provider, purpose (listing fees…), deal, or what waits for an operator (attention=surplus_refund)',
    access: ['admin'],
    query: paymentListQuery,
    response: Joi.object({
      payments: Joi.array().items(paymentResponse),
      total: Joi.number(),
      page: Joi.number(),
      limit: Joi.number(),
    }),
    handler: ({ query }) => listPayments(query),
  });
  api.add({
    method: 'get',
    path: '/admin/payouts',
    tag,
    summary:
      "What the exchange owes brokers and experts: each share of a paid fee (due when the fee is paid, cancelled by its refund, paid when recorded so), newest first, with each person's totals owed and paid",
    access: ['admin'],
    response: payoutListResponse,
    handler: () => listPayouts(),
  });
  api.add({
    method: 'post',
    path: '/admin/payouts/:id/paid',
    tag,
    summary: "Record that the exchange paid a share that is due, with the transfer's reference (once)",
    access: ['admin'],
    params: idParams,
    body: Joi.object<ReferenceBody>({ reference: Joi.string().trim().min(3).max(100).required() }),
    response: Joi.object({ payout: payoutResponse }),
    handler: ({ user, params, body }) => markPayoutPaid(user, params.id, body.reference),
  });
  api.add({
    method: 'post',
    path: '/admin/payments/:id/confirm',
    tag,
    summary: 'Record that a bank transfer arrived: pending → paid',
    access: ['admin'],
    params: idParams,
    body: confirmBody,
    response: Joi.object({ payment: paymentResponse }),
    handler: ({ user, params, body }) =>
      confirmBankTransfer(user, params.id, { ...body, note: body.note || undefined }, deps),
  });
  api.add({
    method: 'post',
    path: '/admin/payments/:id/refund',
    tag,
    summary:
      'Refund a paid fee of a cancelled deal (Stripe refund, or a recorded bank refund): paid → refunded',
    access: ['admin'],
    params: idParams,
    body: refundBody,
    response: Joi.object({ payment: paymentResponse }),
    handler: ({ user, params, body }) => refundPayment(user, params.id, body.reason, deps),
  });
  api.add({
    method: 'post',
    path: '/admin/payments/:id/forfeit',
    tag,
    summary:
      "Decide that an auction's winner (or a call's chosen proposer) who walked away from its deal forfeits the deposit held against it: the exchange keeps it (recorded in the ledger), and the listing's owner may then offer the technology to the runner-up",
    access: ['admin'],
    params: idParams,
    body: refundBody,
    response: Joi.object({ payment: paymentResponse }),
    handler: ({ user, params, body }) => forfeitDeposit(ctx, user, params.id, body.reason),
  });
  api.add({
    method: 'post',
    path: '/admin/payments/:id/surplus-refund/retry',
    tag,
    summary:
      "Retry a winner's deposit surplus refund that kept failing and was handed to the operators: asked of Stripe again at once under a key of its own (503 naming the error when it fails again, and it stays with the operators)",
    access: ['admin'],
    params: idParams,
    response: Joi.object({ payment: paymentResponse }),
    handler: ({ user, params }) => retrySurplusRefund(ctx, user, params.id),
  });
  api.add({
    method: 'post',
    path: '/admin/payments/:id/surplus-refund/recorded',
    tag,
    summary:
      "Record that a winner's deposit surplus refund handed to the operators was made outside the exchange (a transfer, Stripe's dashboard), with its reference: ledger deposit_surplus_refunded and the payer told, once",
    access: ['admin'],
    params: idParams,
    body: Joi.object<ReferenceBody>({ reference: Joi.string().trim().min(3).max(100).required() }),
    response: Joi.object({ payment: paymentResponse }),
    handler: ({ user, params, body }) => recordSurplusRefundMade(ctx, user, params.id, body.reference),
  });
}
