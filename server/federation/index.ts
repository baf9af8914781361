/** Federation between exchanges: the exchange's signing key, partner exchanges, the signed feed, importing partners' listings. */
export { registerFederationRoutes } from './federation.routes';
export { prepareOwnIdentity } from './identity.service';
export { homeExchanges, type HomeExchanges } from './partner.service';
export { pullAllPartners } from './import.service';
export { reindexImportedListings } from './imported-reindex';
export { deliverInquiry } from './inquiry.service';
export { deliverAnswer } from './answer.service';
export type { ImportedListingDoc } from './imported-listing.store';
export { findImportedMatches } from './imported-matches';
export { federationPullJobHandlers } from './federation-pull-jobs';
export { federationInquiryJobHandlers } from './federation-inquiry-jobs';
export { federationAnswerJobHandlers } from './federation-answer-jobs';
