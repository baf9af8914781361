/** The statistics: monthly rollups kept by the stores' writes, and the routes that read them. */
export { registerStatsRoutes } from './stats.routes';
export { registerPriceGuidanceRoutes } from './price-guidance.routes';
export {
  ensureStatsRollups,
  followStatsChanges,
  rebuildStatsRollups,
  statsCaughtUp,
} from './stats-rollup-sync';
export { markRollupsStale as markStatsRollupsStale } from './stats-rollup.store';
