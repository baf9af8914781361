import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import { paymentDeps } from '../payments/payment-deps';
import { confirmBankTransfer } from '../payments/bank-transfer.service';
import { refundPayment } from '../payments/refund.service';
import { listPayments } from '../payments/payment-queries.service';
import { listPayouts } from '../payments/payout.service';
import {
  confirmBody,
  ledgerEntryResponse,
  paymentListQuery,
  paymentResponse,
  refundBody,
} from '../payments/payment.schemas';

export function registerAdminPaymentRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'admin';
  const deps = paymentDeps(ctx);
  api.add({
    method: 'get',
    path: '/admin/payments',
    tag,
    summary: 'Payments, newest first, by status, provider or deal',
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
      "What the exchange owes brokers and experts: each share of a paid fee (due when the fee is paid, cancelled by its refund), newest first, with each person's total",
    access: ['admin'],
    response: Joi.object({
      payouts: Joi.array().items(ledgerEntryResponse.keys({ payeeName: Joi.string().allow('') })),
      totals: Joi.array().items(
        Joi.object({
          payeeUserId: Joi.string(),
          name: Joi.string().allow(''),
          currency: Joi.string(),
          owed: Joi.number().integer(),
        }),
      ),
    }),
    handler: () => listPayouts(),
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
}
