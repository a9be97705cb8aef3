export type CsvCell = string | number | null;

/** A cell a spreadsheet would run as a formula if it began it (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted, with quotes doubled, when it holds a comma, a quote or a line
 * break. Text that would start a formula gets a leading apostrophe first, so an opened export
 * shows it instead of running it; numbers are written as they are. Null is an empty field.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, CRLF after every row (RFC 4180). */
export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
