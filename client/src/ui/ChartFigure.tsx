import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from './ResponsiveTable';

export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart with its title and the same figures as a table: the chart is hidden from screen
 * readers (its numbers are in the table), and the table opens under "Show the figures".
 */
export function ChartFigure({
  title,
  table,
  children,
  testId,
}: {
  title: string;
  table: DataTable;
  children: ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = (v: string | number) =>
    typeof v === 'number' ? v.toLocaleString(i18n.resolvedLanguage) : v;
  return (
    <figure className="card chart-figure" aria-labelledby={id} data-testid={testId}>
      <figcaption id={id}>
        <h2>{title}</h2>
      </figcaption>
      <div className="chart-figure-canvas" aria-hidden="true">
        {children}
      </div>
      <details>
        <summary>{t('stats.showTable')}</summary>
        <ResponsiveTable caption={<span className="visually-hidden">{title}</span>}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {number(cell)}
                    </th>
                  ) : (
                    <td key={j}>{number(cell)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      </details>
    </figure>
  );
}
