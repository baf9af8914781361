import { ResponsiveTable } from '../../ui/ResponsiveTable';

export interface ReportRow {
  key: string;
  /** The row's heading, then its figures (already written for the reader). */
  cells: string[];
}

/** One table of the printable report: a heading, its columns, its rows and a total row. */
export function ReportTable({
  title,
  testId,
  columns,
  rows,
  total,
  empty,
}: {
  title: string;
  testId: string;
  columns: string[];
  rows: ReportRow[];
  total?: string[];
  /** What the table says when the period has no row. */
  empty: string;
}) {
  const id = `${testId}-title`;
  return (
    <section className="stats-report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ResponsiveTable testId={testId} caption={title}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((r) => <Row key={r.key} cells={r.cells} dataKey={r.key} />)
          )}
          {total && rows.length > 0 && <Row cells={total} className="stats-report-total" dataKey="total" />}
        </tbody>
      </ResponsiveTable>
    </section>
  );
}

function Row({ cells, className, dataKey }: { cells: string[]; className?: string; dataKey: string }) {
  return (
    <tr className={className} data-key={dataKey}>
      {cells.map((c, i) =>
        i === 0 ? (
          <th key={i} scope="row">
            {c}
          </th>
        ) : (
          <td key={i}>{c}</td>
        ),
      )}
    </tr>
  );
}
