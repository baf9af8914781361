/** Liveness and readiness, outside /api. */
export { registerHealthRoutes } from './health.routes';
