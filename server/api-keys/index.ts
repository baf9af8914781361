/** Partner API keys: issued by operators, bearer authentication, per-key rate limits. */
export { registerApiKeyRoutes } from './api-key.routes';
export { apiKeyAuthentication } from './api-key.auth';
