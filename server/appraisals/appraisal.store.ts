/**
 * The one writer of appraisal requests, each change under the request's lock; the whole
 * collection (requests are counted in hundreds a year) is read in one pass and kept until one is
 * written, for the queues, the lists and the badges.
 */
import { cachedWhole } from '../common/record-cache';
import { RecordStore, type Plan } from '../common/store';
import { AppraisalModel, type AppraisalDoc } from './appraisal.model';

export type { AppraisalDoc } from './appraisal.model';

export const appraisalStore = new RecordStore<AppraisalDoc>({
  label: 'Appraisal',
  model: AppraisalModel,
  lockKey: (id) => `appraisal:${id}`,
  recordType: 'appraisal',
});

export function createAppraisal(fields: Record<string, unknown>): Promise<AppraisalDoc> {
  return appraisalStore.create(fields);
}

export function getAppraisal(id: string): Promise<AppraisalDoc | null> {
  return appraisalStore.get(id);
}

/** Lets `plan` change the request under its lock; the request after, and the plan's result. */
export async function changeAppraisal<R>(id: string, plan: Plan<AppraisalDoc, R>) {
  const { doc, result, written } = await appraisalStore.mutate(id, plan);
  return { doc, result, written };
}

export const allAppraisals = cachedWhole({
  name: 'appraisals:all',
  clearOn: ['appraisal'],
  load: async () => (await AppraisalModel.find({}).lean()) as unknown as AppraisalDoc[],
});
