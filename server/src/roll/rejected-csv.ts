/**
 * The rejected rows of an import as CSV for the commission to fix in Excel: semicolon-separated
 * with a BOM (what Excel in a Russian locale opens directly), every cell quoted, and any cell that
 * Excel would read as a formula (= + - @ TAB CR first) prefixed with an apostrophe.
 */
import type { RejectedRow } from './rows.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell, neutralised against formula injection and quoted. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  const lines = [['line', 'iin', 'reason', 'message'].map(csvCell).join(';')];
  for (const r of rows) lines.push([r.line, r.iin, r.reason, r.message].map(csvCell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
