/** A table as the exports write it: a name, its columns and its rows. */
export interface Table {
  name: string;
  columns: string[];
  rows: (string | number)[][];
}
