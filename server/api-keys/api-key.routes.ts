import type { ApiRouter } from '../common/api-router';
import { apiKeyBody, apiKeyIdParams, apiKeyListResponse, createdApiKeyResponse } from './api-key.schemas';
import { apiKeyList, issueApiKey, revokeKey } from './api-key.service';

export function registerApiKeyRoutes(api: ApiRouter): void {
  const tag = 'admin';
  api.add({
    method: 'post',
    path: '/admin/api-keys',
    tag,
    summary:
      'Issue a partner API key, named and scoped (listings, search, federation): the key is in this answer only, its hash alone is kept',
    access: ['admin'],
    body: apiKeyBody,
    status: 201,
    response: createdApiKeyResponse,
    handler: ({ user, body }) => issueApiKey(user, body),
  });
  api.add({
    method: 'get',
    path: '/admin/api-keys',
    tag,
    summary: 'The partner API keys issued, newest first, with their last use and revocation (never the keys)',
    access: ['admin'],
    response: apiKeyListResponse,
    handler: () => apiKeyList(),
  });
  api.add({
    method: 'delete',
    path: '/admin/api-keys/:id',
    tag,
    summary: 'Revoke a partner API key: requests with it are refused (401) from then on',
    access: ['admin'],
    params: apiKeyIdParams,
    status: 204,
    handler: ({ user, params }) => revokeKey(user, params.id),
  });
}
