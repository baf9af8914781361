/** Technology offers: their spec, rules, schemas and routes (built on the listings family). */
export { registerOfferRoutes } from './offer.routes';
export { offerResponse, offerViewSchema } from './offer.schemas';
export { findOfferForViewer, OFFER_SPEC } from './offer.service';
