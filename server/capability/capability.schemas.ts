import Joi from 'joi';
import {
  CAPABILITY_BAND_COUNT,
  CAPABILITY_CRITERION_CODES,
  CAPABILITY_GROUPS,
  CAPABILITY_LEVELS,
  CAPABILITY_SECTOR_CODES,
  CAPABILITY_VISIBILITIES,
} from '../api-contract/capability-criteria';
import { PROVINCE_CODES, TRANSFER_MODES } from '../api-contract/enums';
import { objectId } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import type { ExportFormat } from '../common/table-export';
import type { CapabilitySave, DirectoryQuery } from './capability.service';

const sector = () => Joi.string().valid(...CAPABILITY_SECTOR_CODES);
const band = Joi.number()
  .integer()
  .min(0)
  .max(CAPABILITY_BAND_COUNT - 1);

export const capabilitySaveSchema = Joi.object<CapabilitySave>({
  sector: sector().required(),
  answers: Joi.object(Object.fromEntries(CAPABILITY_CRITERION_CODES.map((code) => [code, band.allow(null)])))
    .prefs({ stripUnknown: false })
    .description('the band chosen per criterion code, 0 (weakest) to 4; null clears an answer'),
  visibility: Joi.string().valid(...CAPABILITY_VISIBILITIES),
});

/** A sector, when the answer is about one sector alone. */
export interface SectorQuery {
  sector?: string;
}

export const capabilityOfQuery = Joi.object<SectorQuery>({ sector: sector() });

export interface AssessmentIdParams {
  id: string;
}

export const assessmentIdParams = Joi.object<AssessmentIdParams>({
  id: Joi.string()
    .pattern(new RegExp(`^[0-9a-f]{24}:(${CAPABILITY_SECTOR_CODES.join('|')})$`))
    .required()
    .messages({
      'string.pattern.base': '"id" must be an organization id and a sector, as "<organizationId>:<sector>"',
    }),
});

export const directoryQuery = Joi.object<DirectoryQuery>({
  sector: sector(),
  level: Joi.string().valid(...CAPABILITY_LEVELS),
  province: Joi.string().valid(...PROVINCE_CODES),
  q: Joi.string().trim().max(100),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

export const summaryQuery = Joi.object<SectorQuery>({ sector: sector() });

export interface VerifyBody {
  note?: string;
}

export const verifyBody = Joi.object<VerifyBody>({ note: Joi.string().trim().max(1000).allow('') });

export interface ExportQuery extends SectorQuery {
  format: ExportFormat;
}

export const exportQuery = Joi.object<ExportQuery>({
  sector: sector(),
  format: Joi.string().valid('csv', 'xlsx').required(),
});

const level = Joi.string().valid(...CAPABILITY_LEVELS);
const perGroup = (value: Joi.Schema) =>
  Joi.object(Object.fromEntries(CAPABILITY_GROUPS.map((g) => [g, value.required()])));
const groupScore = Joi.object({
  score: Joi.number().min(0).required(),
  max: Joi.number().integer().required(),
  ratio: Joi.number().min(0).max(1).required(),
  answered: Joi.number().integer().min(0).required(),
  criteria: Joi.number().integer().min(1).required(),
});
const date = Joi.date().allow(null);

const assessment = Joi.object({
  id: Joi.string().required(),
  organizationId: objectId().required(),
  sector: sector().required(),
  answers: Joi.object().pattern(Joi.string(), band).required(),
  groups: perGroup(groupScore).required(),
  score: Joi.number().min(0).max(100).required(),
  answered: Joi.number().integer().min(0).required(),
  complete: Joi.boolean().required(),
  synchronisation: Joi.number().min(0).max(1).allow(null).required(),
  level: level.allow(null).required(),
  weakestGroups: Joi.array()
    .items(Joi.string().valid(...CAPABILITY_GROUPS))
    .required(),
  visibility: Joi.string()
    .valid(...CAPABILITY_VISIBILITIES)
    .required(),
  completedAt: date.required(),
  verified: Joi.boolean().required(),
  verifiedAt: date.required(),
  updatedAt: date.required(),
});

const sectorAverage = Joi.object({
  count: Joi.number().integer().min(1).required(),
  groups: perGroup(Joi.number().min(0)).required(),
  total: Joi.number().min(0).required(),
})
  .allow(null)
  .description('mean points per group of the sector’s complete assessments; null with fewer than 3');

export const assessmentResponse = Joi.object({
  assessment: assessment.keys({ sectorAverage: sectorAverage.required() }).required(),
});

export const assessmentsResponse = Joi.object({
  assessments: Joi.array()
    .items(assessment.keys({ sectorAverage: sectorAverage.required() }))
    .required(),
});

export const directoryResponse = Joi.object({
  items: Joi.array()
    .items(
      Joi.object({
        organization: Joi.object({
          id: objectId().required(),
          name: Joi.string().required(),
          province: Joi.string().allow(null).required(),
        }).required(),
        sector: sector().required(),
        level: level.required(),
        verified: Joi.boolean().required(),
        completedAt: date.required(),
        score: Joi.number().min(0).max(100).description('only when the enterprise shows its scores'),
        groups: perGroup(Joi.number().min(0)).description(
          'points per group, only when the enterprise shows its scores',
        ),
      }),
    )
    .required(),
  ...pageAnswerKeys,
});

const sectorSummary = Joi.object({
  count: Joi.number().integer().min(0).required(),
  verified: Joi.number().integer().min(0).required(),
  levels: Joi.object(
    Object.fromEntries(CAPABILITY_LEVELS.map((l) => [l, Joi.number().integer().min(0).required()])),
  ).required(),
  averages: Joi.object({
    ...Object.fromEntries(CAPABILITY_GROUPS.map((g) => [g, Joi.number().min(0).required()])),
    total: Joi.number().min(0).required(),
  }).required(),
  weakestGroups: Joi.array()
    .items(
      Joi.object({
        group: Joi.string()
          .valid(...CAPABILITY_GROUPS)
          .required(),
        ratio: Joi.number().min(0).max(1).required(),
      }),
    )
    .required(),
});

export const summaryResponse = Joi.object({
  sector: sector(),
  overall: sectorSummary.required(),
  bySector: Joi.array()
    .items(sectorSummary.keys({ sector: sector().required() }))
    .required(),
  assessments: Joi.array()
    .items(
      assessment.keys({
        organization: Joi.object({
          id: Joi.string().required(),
          name: Joi.string().allow('').required(),
          province: Joi.string().allow(null).required(),
        })
          .unknown(true)
          .required(),
      }),
    )
    .required(),
});

export const criteriaResponse = Joi.object({
  groups: Joi.array().items(Joi.object().unknown(true)).required(),
  criteria: Joi.array().items(Joi.object().unknown(true)).required(),
  levels: Joi.array().items(Joi.object().unknown(true)).required(),
  sectors: Joi.array().items(Joi.object().unknown(true)).required(),
});

export interface SuggestionsQuery {
  sector: string;
}

export const suggestionsQuery = Joi.object<SuggestionsQuery>({ sector: sector().required() });

export const suggestionsResponse = Joi.object({
  sector: sector().required(),
  experts: Joi.array()
    .items(
      Joi.object({
        id: objectId().required(),
        name: Joi.string().required(),
        affiliation: Joi.string().allow('').required(),
        fields: Joi.array().items(Joi.string()).required(),
        availability: Joi.string().valid('available', 'busy').required(),
      }),
    )
    .required()
    .description('experts of the sector’s fields, never one in conflict with the enterprise'),
  suggestions: Joi.array()
    .items(
      Joi.object({
        group: Joi.string()
          .valid(...CAPABILITY_GROUPS)
          .required(),
        score: Joi.number().min(0).required(),
        max: Joi.number().integer().required(),
        transferMode: Joi.string()
          .valid(...TRANSFER_MODES)
          .required(),
        offers: Joi.array()
          .items(
            Joi.object({
              id: objectId().required(),
              title: Joi.string().required(),
              summary: Joi.string().allow('').required(),
              field: Joi.string().required(),
              trl: Joi.number().integer().required(),
              province: Joi.string().allow('').required(),
            }),
          )
          .required(),
      }),
    )
    .required(),
});
