/**
 * What other features may use of the experts feature (the lint wall: .dependency-cruiser.cjs):
 * the directory's API and the availability badge. App.tsx loads its pages lazily, by their files.
 */
export { expertKeys, listExperts, type Expert, type ExpertQuery } from './expertsApi';
export { AvailabilityBadge } from './AvailabilityBadge';
