import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import type { TermSheet } from './dealTypes';
import { TERM_ROWS, termLabel, termValue } from './termSheetRows';
import { diffTermSheets } from '@contract/term-sheet-diff';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

/** Two versions side by side (or one alone), the terms that differ highlighted. */
export function TermSheetCompare({ left, right }: { left?: TermSheet; right: TermSheet }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const changed = new Set(left ? diffTermSheets(left, right) : []);
  if (changed.has('currency')) changed.add('price');
  return (
    <ResponsiveTable className="term-compare" testId="term-compare">
      <thead>
        <tr>
          <th scope="col" />
          {left && (
            <th scope="col" data-testid={`compare-left-${left.version}`}>
              {t('deals.terms.version', { version: left.version })}
            </th>
          )}
          <th scope="col" data-testid={`compare-right-${right.version}`}>
            {t('deals.terms.version', { version: right.version })}
          </th>
        </tr>
      </thead>
      <tbody>
        {TERM_ROWS.map((row) => (
          <tr
            key={row}
            className={changed.has(row) ? 'term-changed' : undefined}
            data-changed={changed.has(row) ? 'true' : undefined}
            data-testid={`term-row-${row}`}
          >
            <th scope="row">{termLabel(row, t)}</th>
            {left && <td>{termValue(left, row, t, locale)}</td>}
            <td>{termValue(right, row, t, locale)}</td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
