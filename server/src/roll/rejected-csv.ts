/** The rejected rows of an import as CSV for the commission to fix in Excel (formula-safe, §10.3). */
import { toCsv } from '../http/csv.ts';
import type { RejectedRow } from './rows.ts';

export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return toCsv(
    ['line', 'iin', 'reason', 'message'],
    rows.map((r) => [r.line, r.iin, r.reason, r.message]),
  );
}
