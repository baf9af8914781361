/**
 * What a proposed term sheet must respect besides its shape (deal.schemas.ts): the price is the
 * whole agreed value, so the milestones' amounts add up to no more than it (value moved into
 * milestones cannot escape the fee), the currency is the listing's, and a deal holds a bounded
 * number of versions (the deal is one document). Pure.
 */
import type { ErrorDetail } from '../common/errors';
import { milestonesTotal } from '../fees';

/** Versions a deal may hold; each carries up to 50 milestones, so the deal document stays far below 16 MiB. */
export const MAX_TERM_SHEET_VERSIONS = 50;

export interface ProposedTerms {
  price: number;
  currency: string;
  milestones?: readonly { amount?: number | null }[];
}

/** The problems of `terms` on a listing priced in `listingCurrency` (null: the listing names none), by field. */
export function termSheetProblems(terms: ProposedTerms, listingCurrency: string | null): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (listingCurrency && terms.currency !== listingCurrency) {
    problems.push({ field: 'currency', message: `currency must be the listing’s, ${listingCurrency}` });
  }
  const total = milestonesTotal(terms);
  if (total > terms.price) {
    problems.push({
      field: 'milestones',
      message: `the milestones’ amounts (${total}) must not exceed the price (${terms.price}): the price is the whole agreed value`,
    });
  }
  return problems;
}

/**
 * The payment schedule an agreement shows: its milestones and, when they cover less than the
 * price, the balance that falls due on signing, so the schedule always adds up to the price.
 */
export function paymentSchedule<
  M extends { title: string; dueDate?: string; amount?: number | null },
>(terms: {
  price: number;
  milestones: readonly M[];
}): { milestones: readonly M[]; balanceOnSigning: number } {
  if (terms.milestones.length === 0) return { milestones: [], balanceOnSigning: 0 };
  return {
    milestones: terms.milestones,
    balanceOnSigning: Math.max(0, terms.price - milestonesTotal(terms)),
  };
}
