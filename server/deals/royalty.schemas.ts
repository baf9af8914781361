import Joi from 'joi';
import { objectId } from '../common/ids';
import {
  CURRENCIES,
  type Currency,
  PAYMENT_PROVIDERS,
  PAYMENT_STATUSES,
  type PaymentProvider,
} from '../api-contract/enums';

export interface RoyaltyReportParams {
  id: string;
  reportId: string;
}

export const royaltyReportParams = Joi.object<RoyaltyReportParams>({
  id: objectId().required(),
  reportId: objectId().required(),
});

export interface RoyaltyReportBody {
  period: string;
  netSales: number;
  currency: Currency;
  note?: string;
}

export const royaltyReportBody = Joi.object<RoyaltyReportBody>({
  period: Joi.string()
    .pattern(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)
    .required()
    .messages({ 'string.pattern.base': 'period must be a month (2026-07) or a quarter (2026-Q3)' }),
  netSales: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER).required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  note: Joi.string().trim().max(2000).allow(''),
});

export interface RoyaltyPaymentBody {
  provider: PaymentProvider;
}

export const royaltyPaymentBody = Joi.object<RoyaltyPaymentBody>({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export const royaltyReport = Joi.object({
  id: Joi.string().required(),
  period: Joi.string().required(),
  netSales: Joi.number().integer().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  royaltyPct: Joi.number().required(),
  royalty: Joi.number().integer().required().description('netSales × royaltyPct, rounded half up'),
  note: Joi.string().allow(''),
  fees: Joi.array()
    .items(
      Joi.object({
        purpose: Joi.string().valid('royalty_fee').required(),
        payer: Joi.string().valid('buyer', 'seller').required(),
        amount: Joi.number().integer().required(),
        currency: Joi.string().required(),
        status: Joi.string().valid(...PAYMENT_STATUSES),
        paymentId: Joi.string(),
      }),
    )
    .required()
    .description("The exchange's fee on the royalty, per payer"),
  filedAt: Joi.string().isoDate(),
  confirmedAt: Joi.string().isoDate(),
  status: Joi.string().valid('filed', 'confirmed').required(),
});

export const royaltyReportResponse = Joi.object({ report: royaltyReport.required() });
export const royaltyReportListResponse = Joi.object({
  royaltyPct: Joi.number().description("The agreed terms' royalty, when they set one"),
  reports: Joi.array().items(royaltyReport).required(),
});
