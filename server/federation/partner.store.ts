/** The one writer of partner exchanges (registration, keys learned, suspension, removal, each pull's cursor and outcome). */
import { isObjectId } from '../common/ids';
import { RecordStore } from '../common/store';
import { PartnerModel, type PartnerDoc, type PartnerStatus, type PullOutcome } from './partner.model';
import { keyNamed, type RetiringKey } from './key-rules';

export type { PartnerDoc, PartnerStatus, PullOutcome } from './partner.model';
export { PARTNER_STATUSES } from './partner.model';

const partnerStore = new RecordStore<PartnerDoc>({
  label: 'Partner',
  model: PartnerModel,
  lockKey: (id) => `federation-partner:${id}`,
});

export function createPartner(fields: Omit<PartnerDoc, '_id' | 'createdAt' | 'updatedAt' | 'status'>) {
  return partnerStore.create(fields);
}

export function getPartner(id: string): Promise<PartnerDoc | null> {
  return isObjectId(id) ? partnerStore.get(id) : Promise.resolve(null);
}

/** Every registered partner (a handful: read whole), oldest first. */
export async function listPartners(): Promise<PartnerDoc[]> {
  const docs = (await PartnerModel.find({}).lean()) as PartnerDoc[];
  return docs.sort((a, b) => +a.createdAt - +b.createdAt || String(a._id).localeCompare(String(b._id)));
}

export async function setPartnerStatus(id: string, status: PartnerStatus): Promise<PartnerDoc> {
  const { doc } = await partnerStore.mutate(id, (p) => ({
    change: p.status === status ? null : { $set: { status } },
    result: null,
  }));
  return doc;
}

/**
 * Records one pull: its outcome, and the cursor to resume from when it moved on. `from` is the
 * cursor the pull started at: a pull that raced another one (or a re-registration) leaves the
 * cursor alone unless it still stands where this pull started.
 */
export async function recordPull(
  id: string,
  from: string | undefined,
  outcome: PullOutcome,
  cursor: string | undefined,
): Promise<void> {
  await partnerStore.mutate(id, (p) => {
    const moveOn = cursor !== undefined && (p.cursor ?? undefined) === from;
    return { change: { $set: { lastPull: outcome, ...(moveOn ? { cursor } : {}) } }, result: null };
  });
}

/** Records why a signed request of the partner's (a feed request, an inquiry) was refused. */
export async function recordRefusal(id: string, at: Date, reason: string): Promise<void> {
  await partnerStore.mutate(id, () => ({ change: { $set: { lastRefusal: { at, reason } } }, result: null }));
}

/**
 * The partner whose key `keyId` is at `now` (its current key, or the previous one before it
 * retires), seen as signing with that key: its `keyId` and `publicKey` are that key's. Null when
 * no partner has it.
 */
export async function partnerByKeyId(keyId: string, now = new Date()): Promise<PartnerDoc | null> {
  for (const p of await listPartners()) {
    const key = keyNamed(p, keyId, now);
    if (key) return { ...p, keyId: key.keyId, publicKey: key.publicKey };
  }
  return null;
}

/** Takes the partner's new key (its current `fromKeyId` kept as the previous one), unless it changed meanwhile. */
export async function setPartnerKeys(
  id: string,
  fromKeyId: string,
  keys: { keyId: string; publicKey: string; fingerprint: string; previousKey: RetiringKey },
): Promise<PartnerDoc> {
  const { doc } = await partnerStore.mutate(id, (p) => ({
    change: p.keyId === fromKeyId ? { $set: keys } : null,
    result: null,
  }));
  return doc;
}

/** Takes the partner's lock for a whole pull: two pulls of one partner never overlap. */
export function holdPartner<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return partnerStore.hold(id, fn);
}

export function removePartner(id: string): Promise<boolean> {
  return partnerStore.remove(id);
}
