/** The appraisal desk: requests, assignment, the experts' reports, and the listings' badges. */
export { registerAppraisalRoutes } from './appraisal.routes';
export { appraisalBadges, appraisedValuations, appraisersOf } from './appraisal.service';
export { startAppraisalFeeNotices } from './appraisal-fee-notices.starter';
