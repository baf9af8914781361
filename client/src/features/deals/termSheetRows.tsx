/** The rows of a term sheet as people read them, keyed by the term names `diffTermSheets` reports. */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { formatDate } from '../../dates';
import { formatMoney } from '../../money';
import type { TermSheet } from './dealTypes';

export const TERM_ROWS = [
  'price',
  'royaltyPct',
  'royaltyReporting',
  'exclusivity',
  'transferMode',
  'territory',
  'durationMonths',
  'milestones',
] as const;
export type TermRow = (typeof TERM_ROWS)[number];

export function termValue(sheet: TermSheet, row: TermRow, t: TFunction, locale: string): ReactNode {
  switch (row) {
    case 'price':
      return formatMoney(sheet.price, sheet.currency, locale);
    case 'royaltyPct':
      return sheet.royaltyPct != null ? `${sheet.royaltyPct} %` : '—';
    case 'royaltyReporting':
      // Reports are quarterly when the terms set a royalty and name no cadence.
      if (!sheet.royaltyPct) return '—';
      return t(`deals.terms.cadence.${sheet.royaltyReporting ?? 'quarterly'}`);
    case 'exclusivity':
      return sheet.exclusivity ? t('deals.terms.exclusive') : t('deals.terms.nonExclusive');
    case 'transferMode':
      return sheet.transferMode ? t(`enum.transferMode.${sheet.transferMode}`) : '—';
    case 'territory':
      return sheet.territory || '—';
    case 'durationMonths':
      return sheet.durationMonths ?? '—';
    case 'milestones':
      return sheet.milestones.length ? (
        <ul className="milestone-list">
          {sheet.milestones.map((m, i) => (
            <li key={i}>
              {m.title}
              {m.dueDate && ` · ${formatDate(m.dueDate, locale)}`}
              {m.amount != null && ` · ${formatMoney(m.amount, sheet.currency, locale)}`}
              {m.deliverable && ` · ${t('deals.terms.deliverable')}: ${m.deliverable}`}
            </li>
          ))}
        </ul>
      ) : (
        '—'
      );
  }
}

/** The label of a row; a change of currency shows on the price row. */
export function termLabel(row: TermRow, t: TFunction): string {
  return t(`deals.terms.${row}`);
}
