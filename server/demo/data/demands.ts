/** Every demo technology demand, in one list. */
import { DEMANDS_ENVIRONMENT_AGRICULTURE } from './demands-environment-agriculture';
import { DEMANDS_INDUSTRY_HEALTH_SOCIETY } from './demands-industry-health-society';
import type { DemoDemand } from './types';

export const DEMO_DEMANDS: readonly DemoDemand[] = [...DEMANDS_ENVIRONMENT_AGRICULTURE, ...DEMANDS_INDUSTRY_HEALTH_SOCIETY];
