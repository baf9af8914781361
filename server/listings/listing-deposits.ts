/** The deposits auctions and calls for proposals ask before a bid: one rule per kind. Pure. */

/**
 * The deposit a bidder pays before bidding on an auction (null: none is asked): the fixed amount,
 * or the percentage of the starting price rounded half up, in the offer's currency.
 */
export function depositOf(
  p:
    | {
        model?: string;
        amount?: number | null;
        currency?: string;
        deposit?: number | null;
        depositPct?: number | null;
      }
    | null
    | undefined,
): { amount: number; currency: string } | null {
  if (!p || p.model !== 'auction') return null;
  const currency = p.currency ?? 'VND';
  if (p.deposit) return { amount: p.deposit, currency };
  if (p.depositPct && p.amount) return { amount: Math.round((p.amount * p.depositPct) / 100), currency };
  return null;
}

/**
 * The deposit a call for proposals asks of each proposer before it proposes (null: none): the
 * fixed amount, or the percentage of the budget's maximum (what the enterprise means to pay at
 * most) rounded half up, in the budget's currency. Open demands ask none.
 */
export function callDepositOf(
  demand:
    | {
        mode?: string;
        budget?: { max?: number | null; currency?: string } | null;
        deposit?: number | null;
        depositPct?: number | null;
      }
    | null
    | undefined,
): { amount: number; currency: string } | null {
  if (!demand || demand.mode !== 'call_for_proposals') return null;
  const currency = demand.budget?.currency ?? 'VND';
  if (demand.deposit) return { amount: demand.deposit, currency };
  const max = demand.budget?.max;
  if (demand.depositPct && max) return { amount: Math.round((max * demand.depositPct) / 100), currency };
  return null;
}
