/**
 * What other features may use of the appraisals feature (the lint wall: .dependency-cruiser.cjs):
 * the "appraised" badge (listings, search hits) and the request card (listing and deal pages).
 * App.tsx loads the pages lazily, by their files.
 */
export { AppraisedBadge } from './AppraisedBadge';
export { RequestAppraisalCard } from './RequestAppraisalCard';
export type { AppraisalBadgeFacts } from './appraisalsApi';
