/** The exchange's demo data: organizations, users, offers, demands and the experts' match labels. */
export { DEMO_ORGANIZATIONS } from './organizations';
export { DEMO_PASSWORD, DEMO_USERS } from './users';
export { DEMO_OFFERS } from './offers';
export { DEMO_DEMANDS } from './demands';
export { MATCH_LABELS } from './match-labels';
export type * from './types';
export { DEMO_CAPABILITY_ASSESSMENTS } from './capability-assessments';
