/**
 * The one writer of technology-capability assessments: each save under the assessment's lock
 * (created on the first save), and the reads others make — by `_id`, or the whole (small)
 * collection kept in memory until an assessment or an organization is written.
 */
import { cachedWhole } from '../common/record-cache';
import { RecordStore, type Plan } from '../common/store';
import { CapabilityAssessmentModel, type CapabilityAssessmentDoc } from './capability.model';

export type { CapabilityAssessmentDoc } from './capability.model';

export const capabilityStore = new RecordStore<CapabilityAssessmentDoc>({
  label: 'Capability assessment',
  model: CapabilityAssessmentModel,
  lockKey: (id) => `capability:${id}`,
  recordType: 'capability',
});

export const assessmentId = (organizationId: string, sector: string) => `${organizationId}:${sector}`;

export function getAssessment(id: string): Promise<CapabilityAssessmentDoc | null> {
  return capabilityStore.get(id);
}

/**
 * Creates the assessment from `initial` when there is none, then lets `plan` change it; both
 * under its lock. The assessment after, and the plan's result.
 */
export function saveAssessment<R>(
  id: string,
  initial: () => Record<string, unknown>,
  plan: Plan<CapabilityAssessmentDoc, R>,
): Promise<{ doc: CapabilityAssessmentDoc; result: R }> {
  return capabilityStore.hold(id, async () => {
    if (!(await capabilityStore.get(id))) await capabilityStore.create({ _id: id, ...initial() });
    const { doc, result } = await capabilityStore.mutate(id, plan);
    return { doc, result };
  });
}

/** Changes an existing assessment (404 when there is none). */
export async function changeAssessment<R>(
  id: string,
  plan: Plan<CapabilityAssessmentDoc, R>,
): Promise<{ doc: CapabilityAssessmentDoc; result: R }> {
  const { doc, result } = await capabilityStore.mutate(id, plan);
  return { doc, result };
}

/**
 * Every assessment (one per enterprise and sector: thousands at most), read in one pass and kept
 * until the next write of one: the directory and the summaries filter this list in memory
 * instead of asking the database to.
 */
export const allAssessments = cachedWhole({
  name: 'capability:all',
  clearOn: ['capability'],
  load: async () => (await CapabilityAssessmentModel.find({}).lean()) as CapabilityAssessmentDoc[],
});
