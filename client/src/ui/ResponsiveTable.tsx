import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './responsive-table.css';

/**
 * Gives each body cell the text of its column's heading as `data-label` (a cell spanning several
 * columns, or under an empty heading, gets none), again whenever rows or headings change.
 */
function labelCells(table: HTMLTableElement): void {
  const headings = [...table.querySelectorAll('thead tr:last-child th')].map((th) => {
    const text = (th.textContent ?? '').trim();
    return { text, span: (th as HTMLTableCellElement).colSpan || 1 };
  });
  const byColumn: string[] = [];
  for (const h of headings) for (let i = 0; i < h.span; i++) byColumn.push(i === 0 ? h.text : '');
  for (const row of table.querySelectorAll('tbody > tr')) {
    let column = 0;
    for (const cell of row.children) {
      const span = (cell as HTMLTableCellElement).colSpan || 1;
      const label = span === 1 ? (byColumn[column] ?? '') : '';
      if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      if (!label && cell.hasAttribute('data-label')) cell.removeAttribute('data-label');
      column += span;
    }
  }
}

/**
 * The exchange's tables: a table on a wide screen, a stack of cards on a phone (each row a card,
 * each cell under its column's heading), so nothing wraps to one word a line. Write `thead` and
 * `tbody` as usual inside it; the labels come from the headings.
 */
export function ResponsiveTable({
  children,
  className,
  testId,
  caption,
  wrapClassName,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
  caption?: ReactNode;
  wrapClassName?: string;
}) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    labelCells(table);
    // Rows come and go (and headings change language) inside child components: label them again.
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div className={`table-wrap table-cards-wrap${wrapClassName ? ` ${wrapClassName}` : ''}`}>
      <table
        ref={ref}
        className={`table table-cards${className ? ` ${className}` : ''}`}
        data-testid={testId}
      >
        {caption && <caption>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}
