import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { capabilitySuggestions } from './capability-suggestions';
import { idParams } from '../common/ids';
import {
  CAPABILITY_CRITERIA,
  CAPABILITY_GROUPS,
  CAPABILITY_GROUP_INFO,
  CAPABILITY_LEVELS,
  CAPABILITY_LEVEL_LABELS,
  CAPABILITY_SECTORS,
} from '../api-contract/capability-criteria';
import { EXPORT_TYPES, writeTable } from '../common/table-export';
import { LEVEL_THRESHOLDS } from './capability-rules';
import {
  assessmentIdParams,
  assessmentResponse,
  assessmentsResponse,
  capabilityOfQuery,
  capabilitySaveSchema,
  criteriaResponse,
  directoryQuery,
  directoryResponse,
  exportQuery,
  summaryQuery,
  summaryResponse,
  suggestionsQuery,
  suggestionsResponse,
  verifyBody,
} from './capability.schemas';
import {
  capabilityDirectory,
  capabilitySummary,
  organizationCapabilities,
  saveCapability,
  verifyCapability,
} from './capability.service';
import { capabilityTable } from './capability-export';

export function registerCapabilityRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'capability';
  api.add({
    method: 'get',
    path: '/capabilities/criteria',
    tag,
    summary:
      'The technology-capability questionnaire (after Circular 17/2019/TT-BKHCN): five groups, 26 criteria, their bands and points, the levels and their thresholds, the sectors',
    access: 'public',
    response: criteriaResponse,
    handler: () => ({
      groups: CAPABILITY_GROUPS.map((code) => ({ code, ...CAPABILITY_GROUP_INFO[code] })),
      criteria: CAPABILITY_CRITERIA,
      levels: CAPABILITY_LEVELS.map((code) => ({
        code,
        label: CAPABILITY_LEVEL_LABELS[code],
        ...LEVEL_THRESHOLDS[code],
      })),
      sectors: CAPABILITY_SECTORS,
    }),
  });
  api.add({
    method: 'put',
    path: '/organizations/:id/capability',
    tag,
    summary:
      'Save answers of your enterprise’s technology-capability assessment for a sector (save and resume; a null clears an answer): scored per group and overall, with the level once all 26 criteria are answered; changing an answer withdraws an operator’s verification',
    access: 'user',
    params: idParams,
    body: capabilitySaveSchema,
    response: assessmentResponse,
    handler: async ({ user, params, body }) => ({ assessment: await saveCapability(user, params.id, body) }),
  });
  api.add({
    method: 'get',
    path: '/organizations/:id/capability',
    tag,
    summary:
      'Your enterprise’s capability assessments (one per sector, or the one of `sector`), each with its sector’s average when three or more enterprises make it up',
    access: 'user',
    params: idParams,
    query: capabilityOfQuery,
    response: assessmentsResponse,
    handler: ({ user, params, query }) => organizationCapabilities(user, params.id, query.sector),
  });
  api.add({
    method: 'get',
    path: '/organizations/:id/capability/suggestions',
    tag,
    summary:
      'For a complete assessment, its two weakest groups as implicit demands: what each scores, and published offers in the sector that would raise it (the transfer that answers the group first)',
    access: 'user',
    params: idParams,
    query: suggestionsQuery,
    response: suggestionsResponse,
    handler: ({ user, params, query }) => capabilitySuggestions(ctx.search, user, params.id, query.sector),
  });
  api.add({
    method: 'get',
    path: '/capabilities',
    tag,
    summary:
      'Directory of verified enterprises that completed a capability assessment and chose to show it: level always, scores only when they chose to; strongest first',
    access: 'public',
    query: directoryQuery,
    response: directoryResponse,
    cacheAnswers: { clearOn: ['capability', 'organization'] },
    handler: ({ query }) => capabilityDirectory(query),
  });
  api.add({
    method: 'get',
    path: '/admin/capabilities/summary',
    tag: 'admin',
    summary:
      'Complete capability assessments summed up overall and per sector: enterprises at each level, mean points per group, the weakest groups; with every assessment',
    access: ['admin'],
    query: summaryQuery,
    response: summaryResponse,
    handler: ({ query }) => capabilitySummary(query.sector),
  });
  api.add({
    method: 'post',
    path: '/admin/capabilities/:id/verify',
    tag: 'admin',
    summary: 'Mark a complete capability assessment (`<organizationId>:<sector>`) verified after a visit',
    access: ['admin'],
    params: assessmentIdParams,
    body: verifyBody,
    response: assessmentResponse,
    handler: async ({ user, params, body }) => ({
      assessment: await verifyCapability(user, params.id, body.note || undefined),
    }),
  });
  api.add({
    method: 'get',
    path: '/admin/capabilities/export',
    tag: 'admin',
    summary:
      'Complete capability assessments (one sector, or all) as a CSV or XLSX file, one row per enterprise and sector',
    access: ['admin'],
    query: exportQuery,
    answers: `${EXPORT_TYPES.csv}, ${EXPORT_TYPES.xlsx}`,
    handler: async ({ query, res }) => {
      const body = await writeTable(await capabilityTable(query.sector), query.format);
      res.set('Content-Type', EXPORT_TYPES[query.format]);
      res.set(
        'Content-Disposition',
        `attachment; filename="capability-${query.sector ?? 'all'}.${query.format}"`,
      );
      res.set('Cache-Control', 'no-store');
      res.send(body);
    },
  });
}
