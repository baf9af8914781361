/**
 * Writes a table as CSV (csv-stringify, with a BOM so spreadsheets read Vietnamese as UTF-8) or
 * XLSX (exceljs). Every text cell that a spreadsheet would take for a formula is neutralised
 * first (neutralizeCell), in both formats.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A table as the exports write it: a name, its columns and its rows. */
export interface Table {
  name: string;
  columns: string[];
  rows: (string | number)[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A text cell a spreadsheet would read as a formula (= + - @, or a leading tab or carriage
 * return) is prefixed with an apostrophe, as OWASP advises; numbers stay numbers.
 */
export function neutralizeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const cells = (table: Table) => table.rows.map((row) => row.map(neutralizeCell));

export function tableCsv(table: Table): Buffer {
  const text = stringify([table.columns, ...cells(table)], { bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}

export async function tableXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Technology Exchange';
  const sheet = workbook.addWorksheet(table.name);
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of cells(table)) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeTable(table: Table, format: ExportFormat): Promise<Buffer> {
  return format === 'csv' ? tableCsv(table) : tableXlsx(table);
}
