/**
 * Reading and checking a roll file (SPEC §10.3 R1–R11), run in the upload check worker: an 8 MB file
 * takes seconds. The rows come back as JSON parts, ready to be stored in chunks.
 */
import { jsonParts } from '../uploads/staging.ts';
import { decodeUtf8, readRollTable, type Delimiter } from './csv.ts';
import { checkRows } from './rows.ts';

/** The JSON report lists this many rejected rows (rejected.csv has them all): one stored part. */
export const REPORT_REJECTED_LIMIT = 1000;
/** Valid rows a stored part holds: about 100 kB of JSON, written and synced in one short transaction. */
const VALID_PART_ROWS = 500;

export interface CheckedRollFile {
  delimiter: Delimiter;
  ignoredColumns: string[];
  valid: number;
  rejected: number;
  /** JSON arrays of the valid rows and of the rejected rows, in file order. */
  parts: { valid: string[]; rejected: string[] };
}

/** `csv` is the raw file (strict UTF-8 is checked) or already decoded text. */
export function checkRollFile(input: { csv: string | Uint8Array; electionDay: string }): CheckedRollFile {
  const table = readRollTable(typeof input.csv === 'string' ? input.csv : decodeUtf8(input.csv));
  const { valid, rejected } = checkRows(table, input.electionDay);
  return {
    delimiter: table.delimiter,
    ignoredColumns: table.ignoredColumns,
    valid: valid.length,
    rejected: rejected.length,
    parts: { valid: jsonParts(valid, VALID_PART_ROWS), rejected: jsonParts(rejected, REPORT_REJECTED_LIMIT) },
  };
}
