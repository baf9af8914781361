/** How a changed field of a listing reads in the before/after of a pending revision. */
import type { Currency } from '@contract/enums';
import { formatDateTime } from '../../../dates';
import type { Labels } from '../../../labels';
import { formatMoney } from '../../../money';
import type { Listing } from '../../../types';

type Value = unknown;

function money(amount: Value, currency: Currency, labels: Labels): string | undefined {
  return typeof amount === 'number' ? formatMoney(amount, currency, labels.locale) : undefined;
}

/** The value of `field` in `listing`, as text ('' when empty). */
export function revisionValue(listing: Listing, field: string, labels: Labels): string {
  const value = (listing as unknown as Record<string, Value>)[field];
  if (value === undefined || value === null || value === '') return '';
  switch (field) {
    case 'field':
      return labels.field(String(value));
    case 'subField':
      return labels.subField(String(value));
    case 'province':
      return labels.province(String(value));
    case 'language':
      return labels.enumLabel('language', String(value));
    case 'ipStatus':
      return labels.enumLabel('ipStatus', String(value));
    case 'mode':
      return labels.enumLabel('demandMode', String(value));
    case 'transferModes':
      return (value as string[]).map((m) => labels.enumLabel('transferMode', m)).join(', ');
    case 'deadline':
      return formatDateTime(String(value), labels.locale);
    case 'pricing': {
      const p = value as { model: string; amount?: number; currency: Currency; closesAt?: string };
      return [labels.enumLabel('pricingModel', p.model), money(p.amount, p.currency, labels)]
        .filter(Boolean)
        .join(' · ');
    }
    case 'budget': {
      const b = value as { min: number | null; max: number | null; currency: Currency };
      return [money(b.min, b.currency, labels), money(b.max, b.currency, labels)]
        .map((v) => v ?? '…')
        .join(' – ');
    }
  }
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
