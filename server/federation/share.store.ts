/** The one writer of organizations' sharing choices. */
import { isDuplicateKeyError } from '../common/duplicate-key';
import { RecordStore } from '../common/store';
import { ShareModel, type ShareDoc } from './share.model';

export type { ShareDoc } from './share.model';

const shareStore = new RecordStore<ShareDoc>({
  label: 'Sharing choice',
  model: ShareModel,
  lockKey: (orgId) => `federation-share:${orgId}`,
});

export function getShare(orgId: string): Promise<ShareDoc | null> {
  return shareStore.get(orgId);
}

/** Every organization that ever chose (few: read whole). */
export async function listShares(): Promise<ShareDoc[]> {
  return (await ShareModel.find({}).lean()) as ShareDoc[];
}

/** Sets the organization's choice; its time changes only when the choice does. */
export async function setShare(
  orgId: string,
  shared: boolean,
  userId: string,
  now = new Date(),
): Promise<ShareDoc> {
  return shareStore.hold(orgId, async () => {
    const current = await shareStore.get(orgId);
    if (!current) {
      try {
        return await shareStore.create({ _id: orgId, shared, changedAt: now, changedBy: userId });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    const { doc } = await shareStore.mutate(orgId, (s) => ({
      change: s.shared === shared ? null : { $set: { shared, changedAt: now, changedBy: userId } },
      result: null,
    }));
    return doc;
  });
}
