/** The one writer of partner API keys. */
import mongoose from 'mongoose';
import { RecordStore } from '../common/store';
import { isObjectId } from '../common/ids';
import { ApiKeyModel, type ApiKeyDoc } from './api-key.model';

export type { ApiKeyDoc } from './api-key.model';

const apiKeyStore = new RecordStore<ApiKeyDoc>({
  label: 'API key',
  model: ApiKeyModel,
  lockKey: (id) => `api-key:${id}`,
});

export function newApiKeyId(): string {
  return new mongoose.Types.ObjectId().toHexString();
}

export function createApiKey(fields: Omit<ApiKeyDoc, 'createdAt' | 'updatedAt'>): Promise<ApiKeyDoc> {
  return apiKeyStore.create(fields);
}

export function getApiKey(id: string): Promise<ApiKeyDoc | null> {
  return isObjectId(id) ? apiKeyStore.get(id) : Promise.resolve(null);
}

/** Every key (a handful: read whole), newest first. */
export async function listApiKeys(): Promise<ApiKeyDoc[]> {
  const docs = (await ApiKeyModel.find({}).lean()) as ApiKeyDoc[];
  return docs.sort((a, b) => +b.createdAt - +a.createdAt);
}

/** Revokes the key (once: a second revocation changes nothing). */
export async function revokeApiKey(id: string, by: string, at = new Date()): Promise<ApiKeyDoc> {
  const { doc } = await apiKeyStore.mutate(id, (k) => ({
    change: k.revokedAt ? null : { $set: { revokedAt: at, revokedBy: by } },
    result: null,
  }));
  return doc;
}

export async function touchApiKey(id: string, at: Date): Promise<void> {
  await apiKeyStore.mutate(id, () => ({ change: { $set: { lastUsedAt: at } }, result: null }));
}
