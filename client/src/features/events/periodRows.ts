/** Rows of `datetime-local` from/to pairs, and the ISO periods the server takes from them. */
import { localInputToIso } from '../../dates';

export interface PeriodRow {
  from: string;
  to: string;
}

export const emptyRow = (): PeriodRow => ({ from: '', to: '' });

/** The filled rows as ISO periods; a half-filled or unreadable row is left out. */
export function periodsOf(rows: readonly PeriodRow[]): { from: string; to: string }[] {
  return rows.flatMap((row) => {
    const from = localInputToIso(row.from);
    const to = localInputToIso(row.to);
    return from && to ? [{ from, to }] : [];
  });
}
