/** joi parts shared by the offer and demand schemas. Rules between fields live in *-rules.ts. */
import Joi from 'joi';
import { objectId } from '../common/ids';
import { FIELD_CODES, SUB_FIELD_CODES, type FieldCode } from '../api-contract/taxonomy';
import {
  CONFIDENTIAL_ACCESS_POLICIES,
  type ConfidentialAccessPolicy,
  CURRENCIES,
  LISTING_LANGUAGES,
  LISTING_STATUSES,
  PROVINCE_CODES,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
  type TransferMode,
} from '../api-contract/enums';
import type { ListingListQuery } from './listing-queries.service';

/** An amount in the currency's minor unit: a positive whole number. */
export const money = () => Joi.number().integer().positive().max(Number.MAX_SAFE_INTEGER);
export const trl = () => Joi.number().integer().min(TRL_MIN).max(TRL_MAX);
export const currency = () => Joi.string().valid(...CURRENCIES);
const text = (max: number) => Joi.string().trim().max(max).allow('');

export const commonListingKeys = {
  title: Joi.string().trim().min(5).max(200),
  summary: text(1000),
  language: Joi.string().valid(...LISTING_LANGUAGES),
  field: Joi.string().valid(...FIELD_CODES),
  subField: Joi.string()
    .valid(...SUB_FIELD_CODES)
    .allow(null),
  keywords: Joi.array().items(Joi.string().trim().min(1).max(80)).max(30),
  transferModes: Joi.array()
    .items(Joi.string().valid(...TRANSFER_MODES))
    .unique()
    .max(TRANSFER_MODES.length),
  province: Joi.string()
    .valid(...PROVINCE_CODES)
    .allow(null),
  ndaText: text(20_000).allow(null),
  confidentialAccess: Joi.string()
    .valid(...CONFIDENTIAL_ACCESS_POLICIES)
    .description('on_request: the owner approves each counterparty; nda: the NDA alone opens them'),
};

/** A listing's fields both kinds take, as validated on create (a patch gives any of them). */
export interface ListingInput {
  title: string;
  summary?: string;
  language?: (typeof LISTING_LANGUAGES)[number];
  field: FieldCode;
  subField?: string | null;
  keywords?: string[];
  transferModes?: TransferMode[];
  province?: string | null;
  ndaText?: string | null;
  confidentialAccess?: ConfidentialAccessPolicy;
}

/** The create schema (with `required` keys) and the patch schema (everything optional, at least one key). */
export function createAndPatchSchemas<Create extends ListingInput>(
  keys: Record<string, Joi.Schema>,
  required: (keyof Create & string)[],
): { create: Joi.ObjectSchema<Create>; patch: Joi.ObjectSchema<Partial<Create>> } {
  const base = Joi.object<Create>(keys);
  return { create: base.fork(required, (s) => s.required()), patch: base.min(1) };
}

export const listingListQuery = Joi.object<ListingListQuery>({
  mine: Joi.boolean().default(false),
  organizationId: objectId().description('the published listings of this organization (not with mine=true)'),
  status: Joi.string().valid(...LISTING_STATUSES),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

export interface RejectInput {
  reason: string;
}

const rejectKeys = { reason: Joi.string().trim().min(3).max(2000).required() };
export const rejectBody = Joi.object<RejectInput>(rejectKeys);

export const organizationSummarySchema = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().allow('').required(),
  kind: Joi.string().required(),
  verified: Joi.boolean().required(),
});

export const attachmentSchema = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  size: Joi.number().integer().min(0).required(),
  contentType: Joi.string().required(),
  confidential: Joi.boolean().required(),
});

export const listingImageSchema = Joi.object({
  id: Joi.string().required(),
  width: Joi.number().integer().required(),
  height: Joi.number().integer().required(),
  alt: Joi.string(),
  url: Joi.string().required().description('the large WebP (at most 1600 px on the long side)'),
  thumbUrl: Joi.string().required().description('the 400×300 WebP thumbnail'),
});

const isoTime = () => Joi.string().isoDate();

/** A currency in an answer: one the exchange takes. */
export const currencyView = () => Joi.string().valid(...CURRENCIES);

/** Response keys common to both kinds (listingView's shape; checked on every answer in tests). */
export const commonViewKeys = {
  id: Joi.string().required(),
  status: Joi.string()
    .valid(...LISTING_STATUSES)
    .required(),
  organization: organizationSummarySchema.required(),
  title: Joi.string().required(),
  summary: Joi.string().allow('').required(),
  language: Joi.string().valid(...LISTING_LANGUAGES),
  field: Joi.string().required(),
  subField: Joi.string().allow(null),
  keywords: Joi.array().items(Joi.string()).required(),
  transferModes: Joi.array()
    .items(Joi.string().valid(...TRANSFER_MODES))
    .required(),
  province: Joi.string().allow(null),
  attachments: Joi.array().items(attachmentSchema).required(),
  images: Joi.array().items(listingImageSchema).required(),
  appraisal: Joi.object({
    id: Joi.string().required(),
    type: Joi.string().valid('technology', 'valuation').required(),
    trlAssessed: Joi.number().integer().min(1).max(9).required(),
    at: Joi.string().isoDate().required(),
    summary: Joi.string().allow('').required(),
  }).description('the "appraised" badge: a published appraisal’s assessed TRL, date and summary'),
  ndaText: Joi.string().description('the listing’s own NDA text, when it has one'),
  confidentialAccess: Joi.string()
    .valid(...CONFIDENTIAL_ACCESS_POLICIES)
    .required(),
  rejectionReason: Joi.string(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
  submittedAt: isoTime(),
  publishedAt: isoTime(),
  closedAt: isoTime(),
  withdrawnAt: isoTime(),
  expiredAt: isoTime(),
};

/**
 * A published listing's pending revision, shown to its owner and operators only: the fields it
 * changes, and the listing as it would read once approved (`proposed`, the kind's view).
 */
export function revisionSchema(proposed: Joi.ObjectSchema) {
  return Joi.object({
    fields: Joi.array().items(Joi.string()).required(),
    submittedAt: isoTime().required(),
    submittedBy: Joi.string().required(),
    proposed: proposed.required(),
  }).description('changes awaiting review; the owner and operators only');
}

export interface RevisionDecisionInput {
  submittedAt?: Date;
}

export const revisionDecisionBody = Joi.object<RevisionDecisionInput>({
  submittedAt: Joi.date()
    .iso()
    .description('the revision the operator read: a revision replaced meanwhile is refused with 409'),
});

export type RevisionRefusalInput = RejectInput & RevisionDecisionInput;

export const revisionRefusalBody = Joi.object<RevisionRefusalInput>({
  ...rejectKeys,
  submittedAt: revisionDecisionBody.extract('submittedAt'),
});
