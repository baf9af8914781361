/** Every demo technology offer, in one list. */
import { OFFERS_AGRICULTURE_BIO } from './offers-agriculture-bio';
import { OFFERS_ENGINEERING_DIGITAL } from './offers-engineering-digital';
import { OFFERS_ENVIRONMENT_ENERGY } from './offers-environment-energy';
import { OFFERS_HEALTH_SOCIETY } from './offers-health-society';
import type { DemoOffer } from './types';

export const DEMO_OFFERS: readonly DemoOffer[] = [
  ...OFFERS_ENVIRONMENT_ENERGY,
  ...OFFERS_AGRICULTURE_BIO,
  ...OFFERS_ENGINEERING_DIGITAL,
  ...OFFERS_HEALTH_SOCIETY,
];
