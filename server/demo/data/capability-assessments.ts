/**
 * Demo technology-capability assessments: enterprises that answered the questionnaire. Bands are
 * written per group in the questionnaire's order (T1–T7, E1–E5, O1–O5, R1–R5, I1–I4), 0–4.
 */
import type { DemoCapabilityAssessment } from './types';

export const DEMO_CAPABILITY_ASSESSMENTS: readonly DemoCapabilityAssessment[] = [
  { organizationKey: 'bosua-bavi', sector: 'food_beverages', bands: '3342233 23212 32221 11101 2221', visibility: 'level', verified: true },
  { organizationKey: 'nongnghiep-langbiang', sector: 'food_beverages', bands: '4443334 43333 33332 22222 3332', visibility: 'scores', verified: false },
  { organizationKey: 'giong-phusa', sector: 'food_beverages', bands: '2232222 22222 22212 12111 2111', visibility: 'level', verified: false },
  { organizationKey: 'cokhi-duyenhai', sector: 'machinery', bands: '1212212 12121 21211 10100 1110', visibility: 'level', verified: false },
  { organizationKey: 'detnhuom-kinhbac', sector: 'textiles_garments', bands: '3332223 22322 32221 11111 2221', visibility: 'scores', verified: true },
  { organizationKey: 'duoc-ankhang', sector: 'pharmaceuticals', bands: '3333334 33433 33333 33233 3333', visibility: 'scores', verified: true },
  { organizationKey: 'vietsense', sector: 'electronics', bands: '4444344 44344 44443 44434 4443', visibility: 'scores', verified: false },
];
