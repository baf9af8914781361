/**
 * The one writer of experts' profiles, each save under the profile's lock; the whole (small)
 * collection is read in one pass and kept until a profile is written, for the directory and
 * for assignment checks.
 */
import { cachedWhole } from '../common/record-cache';
import { RecordStore } from '../common/store';
import { ExpertProfileModel, type ExpertProfileDoc } from './expert-profile.model';

export type { ExpertProfileDoc } from './expert-profile.model';

export const expertProfileStore = new RecordStore<ExpertProfileDoc>({
  label: 'Expert profile',
  model: ExpertProfileModel,
  lockKey: (id) => `expert:${id}`,
  recordType: 'expert',
});

/** Creates or replaces the fields of a user's profile; the profile after. */
export function saveExpertProfile(
  userId: string,
  fields: Record<string, unknown>,
): Promise<ExpertProfileDoc> {
  return expertProfileStore.hold(userId, async () => {
    if (!(await expertProfileStore.get(userId))) return expertProfileStore.create({ _id: userId, ...fields });
    const { doc } = await expertProfileStore.mutate(userId, () => ({
      change: { $set: fields },
      result: null,
    }));
    return doc;
  });
}

/** Every expert profile: a city has tens or hundreds of experts. */
export const allExpertProfiles = cachedWhole({
  name: 'expert-profiles:all',
  clearOn: ['expert'],
  load: async () => (await ExpertProfileModel.find({}).lean()) as ExpertProfileDoc[],
});

export function getExpertProfile(userId: string): Promise<ExpertProfileDoc | null> {
  return expertProfileStore.get(userId);
}
