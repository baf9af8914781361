import Joi from 'joi';
import {
  APPRAISAL_STATUSES,
  APPRAISAL_TYPES,
  ASSIGNMENT_STATUSES,
  CURRENCIES,
  LISTING_KINDS,
  PAYMENT_PROVIDERS,
  VALUATION_METHODS,
  type PaymentProvider,
} from '../api-contract/enums';
import { objectId } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import type { AppraisalReport } from './appraisal-rules';
import type { AppraisalListQuery, AppraisalRequest } from './appraisal.service';

const text = (max: number) => Joi.string().trim().max(max);
const time = () => Joi.string().isoDate();

export const requestBody = Joi.object<AppraisalRequest>({
  listingKind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  listingId: objectId().required(),
  type: Joi.string()
    .valid(...APPRAISAL_TYPES)
    .required(),
  note: text(2000).allow(''),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .description('the currency the fee is charged in (VND unless given)'),
});

export interface PayBody {
  provider: PaymentProvider;
}

export const payBody = Joi.object<PayBody>({
  provider: Joi.string()
    .valid(...PAYMENT_PROVIDERS)
    .required(),
});

export interface AssignBody {
  expertIds: string[];
}

export const assignBody = Joi.object<AssignBody>({
  expertIds: Joi.array().items(objectId()).min(1).max(5).unique().required(),
});

export interface DeclineBody {
  reason?: string;
}

export const declineBody = Joi.object<DeclineBody>({ reason: text(1000).allow('') });

const valuation = Joi.object({
  low: Joi.number().integer().min(0).required(),
  high: Joi.number().integer().min(0).required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  method: Joi.string()
    .valid(...VALUATION_METHODS)
    .required(),
  assumptions: text(4000).allow(''),
}).description(
  'a value range (integers in the currency’s minor unit) by the cost, market or income approach',
);

export const reportBody = Joi.object<AppraisalReport>({
  trlAssessed: Joi.number().integer().min(1).max(9).required(),
  findings: text(8000).min(1).required(),
  risks: text(8000).min(1).required(),
  valuation,
  recommendation: text(2000).min(1).required().description('the summary the listing shows once published'),
});

export const listQuery = Joi.object<AppraisalListQuery>({
  status: Joi.string().valid(...APPRAISAL_STATUSES),
  listingId: objectId().description('only the requests about this listing'),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

const appraisal = Joi.object({
  id: objectId().required(),
  listingKind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  listingId: objectId().required(),
  listingTitle: Joi.string().required(),
  listingOrgId: objectId().required(),
  field: Joi.string().allow(null).required(),
  type: Joi.string()
    .valid(...APPRAISAL_TYPES)
    .required(),
  note: Joi.string().allow('').required(),
  status: Joi.string()
    .valid(...APPRAISAL_STATUSES)
    .required(),
  requestedBy: objectId().required(),
  requesterOrgId: objectId().required(),
  requesterRole: Joi.string().valid('owner', 'deal_party').required(),
  assignments: Joi.array()
    .items(
      Joi.object({
        expertId: objectId().required(),
        name: Joi.string().allow('').required(),
        status: Joi.string()
          .valid(...ASSIGNMENT_STATUSES)
          .required(),
        assignedAt: time().required(),
        decidedAt: time(),
        declineReason: Joi.string(),
      }),
    )
    .required(),
  documentAccess: Joi.array()
    .items(Joi.object({ userId: objectId().required(), at: time().required() }))
    .required()
    .description('experts given the listing’s confidential documents for this request, and when'),
  report: Joi.object({
    expertId: objectId().required(),
    trlAssessed: Joi.number().integer().required(),
    findings: Joi.string().required(),
    risks: Joi.string().required(),
    valuation,
    recommendation: Joi.string().required(),
    submittedAt: time().required(),
  }),
  fee: Joi.object({
    amount: Joi.number().integer().min(0).required(),
    currency: Joi.string()
      .valid(...CURRENCIES)
      .required(),
    status: Joi.string().valid('unpaid', 'pending', 'paid').required(),
    paymentId: objectId(),
  }).description(
    'the fee set by the schedule when the request was made, paid by the requester once an expert takes it on',
  ),
  reportWithheld: Joi.boolean().description(
    'a report is filed and is shown to the requester and the listing’s owner once the fee is paid',
  ),
  publishedAt: time(),
  timeline: Joi.array()
    .items(Joi.object({ at: time().required(), event: Joi.string().required(), by: Joi.string() }))
    .required(),
  createdAt: time().required(),
  updatedAt: time().required(),
});

export const appraisalResponse = Joi.object({ appraisal: appraisal.required() });
export const appraisalListResponse = Joi.object({
  appraisals: Joi.array().items(appraisal).required(),
  ...pageAnswerKeys,
});
