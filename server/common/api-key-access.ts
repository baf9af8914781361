/**
 * Partner API keys as callers (the keys themselves: server/api-keys/): a request that came with
 * `Authorization: Bearer <key>` carries the key's id and scopes, and may call only the routes
 * declared with one of its scopes (`apiKeyScope`); any other route is a 403 to it.
 */
import type { Request } from 'express';
import { AppError } from './errors';

/**
 * listings: read published offers and demands (and imported ones); search: the public search;
 * federation: read the federation feed as a partner would.
 */
export const API_KEY_SCOPES = ['listings', 'search', 'federation'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKeyCaller {
  id: string;
  name: string;
  scopes: readonly ApiKeyScope[];
}

interface WithApiKey {
  apiKey?: ApiKeyCaller;
}

export function apiKeyCaller(req: Request): ApiKeyCaller | undefined {
  return (req as WithApiKey).apiKey;
}

export function setApiKeyCaller(req: Request, caller: ApiKeyCaller): void {
  (req as WithApiKey).apiKey = caller;
}

/** Whether a key with `scopes` may call a route declared with `routeScope`. Pure. */
export function apiKeyMayCall(scopes: readonly ApiKeyScope[], routeScope: ApiKeyScope | undefined): boolean {
  return routeScope !== undefined && scopes.includes(routeScope);
}

/** Refuses (403) a key-authenticated request to a route its scopes do not open. */
export function checkApiKeyScope(req: Request, routeScope: ApiKeyScope | undefined): void {
  const caller = apiKeyCaller(req);
  if (caller && !apiKeyMayCall(caller.scopes, routeScope))
    throw AppError.forbidden(
      routeScope
        ? `This API key's scopes do not include "${routeScope}"`
        : 'API keys may only read listings, search and the federation feed; sign in for anything else',
    );
}
