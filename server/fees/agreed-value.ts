/** The value a deal's fees are computed on, from its agreed terms. Pure. */

export interface ValuedTerms {
  price: number;
  currency: string;
  milestones?: readonly { amount?: number | null }[];
}

export function milestonesTotal(terms: Pick<ValuedTerms, 'milestones'>): number {
  return (terms.milestones ?? []).reduce((sum, m) => sum + (m.amount ?? 0), 0);
}

/** The value a fee is computed on: the whole agreed value, never less than what the milestones move. */
export function agreedValue(sheet: ValuedTerms): number {
  return Math.max(sheet.price, milestonesTotal(sheet));
}
