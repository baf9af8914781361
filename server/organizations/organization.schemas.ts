import Joi from 'joi';
import { EVIDENCE_KINDS } from '../api-contract/organization-evidence';
import { ORGANIZATION_KINDS, PROVINCE_CODES, type OrganizationKind } from '../api-contract/enums';
import { FIELD_CODES, type FieldCode } from '../api-contract/taxonomy';
import { pageAnswerKeys } from '../common/page-schema';
import type { OrganizationListQuery } from './organization.service';

export interface NewOrganizationInput {
  name: string;
  kind: OrganizationKind;
  province?: string;
  taxCode?: string;
  website?: string;
  description?: string;
}

export const newOrganizationSchema = Joi.object<NewOrganizationInput>({
  name: Joi.string().trim().min(2).max(200).required(),
  kind: Joi.string()
    .valid(...ORGANIZATION_KINDS)
    .required(),
  province: Joi.string().valid(...PROVINCE_CODES),
  taxCode: Joi.string()
    .pattern(/^\d{10}(-\d{3})?$/)
    .message('taxCode must be 10 digits, optionally -NNN'),
  website: Joi.string().uri({ scheme: ['http', 'https'] }),
  description: Joi.string().max(5000).allow(''),
});

/** A type, not an interface: updateOrganization takes it as a record. */
export type OrganizationPatch = {
  name?: string;
  taxCode?: string;
  province?: string;
  website?: string;
  description?: string;
  capability?: {
    fields?: FieldCode[];
    keywords?: string[];
    staff?: number;
    labs?: string[];
  };
};

export const organizationPatchSchema = Joi.object<OrganizationPatch>({
  name: Joi.string().trim().min(2).max(200),
  taxCode: Joi.string()
    .pattern(/^\d{10}(-\d{3})?$/)
    .message('taxCode must be 10 digits, optionally -NNN'),
  province: Joi.string().valid(...PROVINCE_CODES),
  website: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .allow(''),
  description: Joi.string().max(5000).allow(''),
  capability: Joi.object({
    fields: Joi.array()
      .items(Joi.string().valid(...FIELD_CODES))
      .max(6)
      .unique(),
    keywords: Joi.array().items(Joi.string().trim().min(1).max(60)).max(40),
    staff: Joi.number().integer().min(0).max(1_000_000),
    labs: Joi.array().items(Joi.string().trim().max(200)).max(50),
  }),
}).min(1);

export const organizationListQuery = Joi.object<OrganizationListQuery>({
  q: Joi.string().trim().max(200).allow(''),
  kind: Joi.string().valid(...ORGANIZATION_KINDS),
  field: Joi.string().valid(...FIELD_CODES),
  verified: Joi.boolean(),
  joinable: Joi.boolean().description(
    'with q of 2 characters or more: also organizations awaiting verification (name, kind, province only), verified ones first',
  ),
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

const organizationItem = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  kind: Joi.string()
    .valid(...ORGANIZATION_KINDS)
    .required(),
  province: Joi.string(),
  website: Joi.string(),
  description: Joi.string().allow('').required(),
  verified: Joi.boolean().required(),
  verifiedAt: Joi.string().isoDate(),
  taxCode: Joi.string().description('members of the organization and operators only'),
  capability: Joi.object({
    fields: Joi.array().items(Joi.string()).required(),
    keywords: Joi.array().items(Joi.string()).required(),
    staff: Joi.number().integer(),
    labs: Joi.array().items(Joi.string()).required(),
  }).required(),
  createdAt: Joi.string().isoDate(),
  verificationState: Joi.string()
    .valid('verified', 'refused', 'pending')
    .description('members of the organization and operators only'),
  refusal: Joi.object({
    reason: Joi.string().required(),
    at: Joi.string().isoDate().required(),
  }).description(
    'members of the organization and operators only: the operator’s standing refusal to verify it, until the profile is edited',
  ),
});

export const organizationResponse = Joi.object({ organization: organizationItem.required() });

/** The directory (verified organizations, no tax codes) and the operators' list (all, with them). */
export const organizationListResponse = Joi.object({
  organizations: Joi.array().items(organizationItem).required(),
  ...pageAnswerKeys,
});

/** A reason an operator gives (suspending a user, refusing an organization). */
export interface ReasonInput {
  reason: string;
}

export const suspendBody = Joi.object<ReasonInput>({
  reason: Joi.string().trim().min(3).max(500).required(),
});

/** An operator's refusal to verify an organization: the reason its members will read. */
export const refuseBody = Joi.object<ReasonInput>({
  reason: Joi.string().trim().min(10).max(1000).required(),
});

const refusalItem = Joi.object({
  reason: Joi.string().required(),
  at: Joi.string().isoDate().required(),
  by: Joi.object({ id: Joi.string().required(), name: Joi.string().required() }).allow(null).required(),
});

const reviewMember = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  email: Joi.string().required(),
  membershipStatus: Joi.string().valid('active', 'pending').required(),
  organizationAdmin: Joi.boolean().required(),
  joinedAt: Joi.string().isoDate(),
});

/** What an operator sees before verifying or refusing an organization. */
/** An evidence document for verification, as its administrators and operators list it. */
export const evidenceSchema = Joi.object({
  id: Joi.string().required(),
  kind: Joi.string()
    .valid(...EVIDENCE_KINDS)
    .required(),
  name: Joi.string().required(),
  size: Joi.number().integer().required(),
  contentType: Joi.string().required(),
  uploadedAt: Joi.string().required(),
  url: Joi.string().required(),
});

export const organizationReviewResponse = Joi.object({
  organization: organizationItem.required(),
  members: Joi.object({
    active: Joi.number().integer().min(0).required(),
    pending: Joi.number().integer().min(0).required(),
    list: Joi.array().items(reviewMember).required(),
  }).required(),
  registeredBy: reviewMember
    .allow(null)
    .required()
    .description('the member who registered the organization (its first member still in it), if any'),
  refusals: Joi.array().items(refusalItem).required().description('every refusal, oldest first'),
  verifiedBy: Joi.object({ id: Joi.string().required(), name: Joi.string().required() }).allow(null),
  evidence: Joi.array()
    .items(evidenceSchema)
    .required()
    .description('the evidence documents its administrators uploaded, oldest first'),
});

export const refusalResponse = Joi.object({
  organization: organizationItem.required(),
  refusal: refusalItem.required(),
  notified: Joi.number().integer().min(0).required().description('members told of the refusal'),
});
