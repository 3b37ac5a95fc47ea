/**
 * CSV for Excel (codes.csv, login-code mail merge, rejected roll rows): UTF-8 with a BOM, semicolon-separated (what
 * Excel in a Kazakh or Russian locale opens directly), every cell quoted, CRLF line ends, and any
 * cell Excel would read as a formula (= + - @ TAB CR first) prefixed with an apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

/** A cell's value as written before csvCell guarded it (for programs reading our own CSV back). */
export function csvValue(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const lines = [header.map(csvCell).join(';')];
  for (const r of rows) lines.push(r.map(csvCell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
