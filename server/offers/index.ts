/** Technology offers: their spec, rules, schemas and routes (built on the listings family). */
export { depositOf } from './offer-rules';
export { registerOfferRoutes } from './offer.routes';
export { offerResponse, offerViewSchema } from './offer.schemas';
export { findOfferForViewer, OFFER_SPEC } from './offer.service';
