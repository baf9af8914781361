/**
 * Partner API keys: issuing one (the key returned once, its hash stored), listing and revoking
 * them; and finding the key a bearer request names (unknown or revoked: none), its last use
 * written at most once a minute per process.
 */
import type { SessionUser } from '../common/session-user';
import type { ApiKeyCaller, ApiKeyScope } from '../common/api-key-access';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import {
  LAST_USE_EVERY_MS,
  apiKeyMatches,
  apiKeyPrefix,
  apiKeyRecordId,
  hashApiKey,
  makeApiKey,
} from './api-key-rules';
import {
  createApiKey,
  getApiKey,
  listApiKeys,
  newApiKeyId,
  revokeApiKey,
  touchApiKey,
  type ApiKeyDoc,
} from './api-key.store';

function apiKeyView(doc: ApiKeyDoc) {
  const iso = (t?: Date) => (t ? new Date(t).toISOString() : null);
  return {
    id: String(doc._id),
    name: doc.name,
    scopes: doc.scopes,
    prefix: doc.prefix,
    createdAt: new Date(doc.createdAt).toISOString(),
    lastUsedAt: iso(doc.lastUsedAt),
    revokedAt: iso(doc.revokedAt),
  };
}

export async function issueApiKey(user: SessionUser, input: { name: string; scopes: ApiKeyScope[] }) {
  const id = newApiKeyId();
  const key = makeApiKey(id);
  const doc = await createApiKey({
    _id: id as unknown as ApiKeyDoc['_id'],
    name: input.name,
    scopes: input.scopes,
    hash: hashApiKey(key),
    prefix: apiKeyPrefix(key),
    createdBy: user.id,
  });
  return { apiKey: apiKeyView(doc), key };
}

export async function apiKeyList() {
  return { apiKeys: (await listApiKeys()).map(apiKeyView) };
}

export async function revokeKey(user: SessionUser, id: string): Promise<void> {
  if (!(await getApiKey(id))) throw AppError.notFound('API key');
  await revokeApiKey(id, user.id);
}

const touched = new Map<string, number>();

/** The caller a bearer key stands for; null when the key is unknown or revoked. */
export async function callerOfKey(key: string, now = new Date()): Promise<ApiKeyCaller | null> {
  const id = apiKeyRecordId(key);
  const doc = id && (await getApiKey(id));
  if (!doc || doc.revokedAt || !apiKeyMatches(key, doc.hash)) return null;
  const last = touched.get(id!) ?? 0;
  if (now.getTime() - last >= LAST_USE_EVERY_MS) {
    touched.set(id!, now.getTime());
    touchApiKey(id!, now).catch((err: unknown) =>
      logger.warn({ err }, 'an API key’s last use was not recorded'),
    );
  }
  return { id: id!, name: doc.name, scopes: doc.scopes };
}
