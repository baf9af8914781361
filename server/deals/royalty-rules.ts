/** What a royalty report may be, and who may file and confirm one. Pure. */
import type { DealRole, DealStatus } from '../api-contract/enums';

/** A month (`2026-07`) or a quarter (`2026-Q3`). */
export const ROYALTY_PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/**
 * Deals whose terms are agreed: royalties are reported on what was licensed, also while the
 * licensor is still delivering its milestones.
 */
export const REPORTING_STATUSES: readonly DealStatus[] = ['awaiting_payment', 'delivering', 'closed_won'];

export type RoyaltyRefusal =
  | { code: 'forbidden'; message: string }
  | { code: 'conflict'; message: string }
  | { code: 'validation'; field: string; message: string };

export function canFileRoyaltyReport(input: {
  role: DealRole;
  status: DealStatus;
  royaltyPct: number | null | undefined;
  agreedCurrency: string | null;
  currency: string;
  period: string;
  periodsFiled: readonly string[];
}): RoyaltyRefusal | null {
  if (input.role !== 'buyer')
    return { code: 'forbidden', message: 'Only the licensee (the buyer) files royalty reports' };
  if (!input.royaltyPct || input.royaltyPct <= 0)
    return { code: 'conflict', message: 'The agreed terms set no royalty' };
  if (!REPORTING_STATUSES.includes(input.status))
    return { code: 'conflict', message: 'Royalties are reported once the terms are agreed' };
  if (input.currency !== input.agreedCurrency)
    return {
      code: 'validation',
      field: 'currency',
      message: `currency must be the deal's, ${input.agreedCurrency}`,
    };
  if (input.periodsFiled.includes(input.period))
    return { code: 'conflict', message: `A report for ${input.period} has already been filed` };
  return null;
}

export function canConfirmRoyaltyReport(role: DealRole, confirmedAt: unknown): RoyaltyRefusal | null {
  if (role !== 'seller')
    return { code: 'forbidden', message: 'Only the licensor (the seller) confirms receiving a royalty' };
  if (confirmedAt) return { code: 'conflict', message: 'This royalty has already been confirmed' };
  return null;
}
