/** How the statistics pages write periods and amounts. */
import { CURRENCIES, type Currency } from '@contract/enums';
import { formatMoney } from '../../money';

/** The last month (YYYY-MM) of a period whose exclusive end is `isoTo`. */
export const lastMonth = (isoTo: string) => {
  const d = new Date(isoTo);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/** The currencies named in amounts keyed by something (month, field…), sorted. */
export const currencies = (byKey: Record<string, Record<string, number>>) =>
  [...new Set(Object.values(byKey).flatMap((v) => Object.keys(v)))].sort();

const isCurrency = (code: string): code is Currency => (CURRENCIES as readonly string[]).includes(code);

/** One amount (an integer in the currency's minor unit) as people read it. */
export function formatAmount(amount: number, currency: string, locale: string): string {
  return isCurrency(currency)
    ? formatMoney(amount, currency, locale)
    : `${amount.toLocaleString(locale)} ${currency}`;
}

/** Amounts by currency, "₫1,500,000 · $2,000.00" (currencies in alphabetical order); "0" for none. */
export function formatAmounts(byCurrency: Record<string, number>, locale: string): string {
  return (
    Object.keys(byCurrency)
      .sort()
      .filter((c) => byCurrency[c] !== 0)
      .map((c) => formatAmount(byCurrency[c], c, locale))
      .join(' · ') || '0'
  );
}
