/** Appraisal experts: their profiles and directory, and who may be assigned to what. */
export { registerExpertRoutes } from './expert.routes';
export { expertEntries, type Expert } from './expert.service';
