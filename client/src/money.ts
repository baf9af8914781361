/**
 * Money is an integer in the currency's minor unit (VND has none; USD has cents). These helpers
 * convert to and from what people type and read without ever doing floating-point arithmetic.
 */
import { CURRENCY_DECIMALS, type Currency } from '@contract/enums';

/** `12345` USD → `"123.45"`; `1500000` VND → `"1500000"`. */
export function minorToMajorString(amount: number, currency: Currency): string {
  const decimals = CURRENCY_DECIMALS[currency];
  const negative = amount < 0;
  const digits = String(Math.abs(Math.trunc(amount)));
  if (decimals === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * Parses what a person typed in major units into minor units, or `null` when it is not a
 * non-negative amount with at most the currency's decimals. VND accepts `1.500.000` or
 * `1,500,000`; USD accepts `1,500.50`.
 */
export function parseMajorInput(text: string, currency: Currency): number | null {
  const decimals = CURRENCY_DECIMALS[currency];
  const compact = text.replace(/[\s\u00a0_]/g, '');
  if (!compact) return null;
  let whole: string;
  let fraction = '';
  if (decimals === 0) {
    if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(compact)) return null;
    whole = compact.replace(/[.,]/g, '');
  } else {
    const match = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d*))?$/.exec(compact);
    if (!match) return null;
    whole = match[1].replace(/,/g, '');
    fraction = match[2] ?? '';
    if (fraction.length > decimals) return null;
  }
  const minorDigits = (whole + fraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(minorDigits);
  return Number.isSafeInteger(value) ? value : null;
}

function numberLocale(locale: string): string {
  return locale === 'en' ? 'en-US' : 'vi-VN';
}

export function formatMoney(amount: number, currency: Currency, locale: string): string {
  const decimals = CURRENCY_DECIMALS[currency];
  const format = new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return format.format(minorToMajorString(amount, currency) as `${number}`);
}

export function formatMoneyRange(min: number, max: number, currency: Currency, locale: string): string {
  if (min === max) return formatMoney(min, currency, locale);
  return `${formatMoney(min, currency, locale)} – ${formatMoney(max, currency, locale)}`;
}
