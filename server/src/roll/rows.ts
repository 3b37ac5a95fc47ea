/**
 * Checking the rows of a roll import (SPEC §10.3): each row is accepted or rejected with one reason
 * and the line it starts on; nothing is corrected silently.
 */
import { ageOn, parseIin, type IinError } from './iin.ts';
import { ROLL_FIELDS, type CsvRecord, type RollTable } from './csv.ts';

/** One voter of the roll as committed to on the board (SPEC §10.3). */
export interface RollRow {
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  settlement: string;
  address: string;
}

export type RejectReason =
  IinError | 'under-age' | 'missing' | 'too-long' | 'bad-character' | 'columns' | 'duplicate';

export interface RejectedRow {
  line: number;
  /** The IIN cell as given, cut to 20 characters. */
  iin: string;
  reason: RejectReason;
  /** In English, for the rejected-rows CSV and the API; the pages explain `reason` with `values`. */
  message: string;
  /** What the explanation names: the field, a limit, the earlier line… (per reason). */
  values?: Readonly<Record<string, string | number>>;
}

type Values = Readonly<Record<string, string | number>>;

export const MINIMUM_VOTER_AGE = 18;
const MAX_LENGTH: Record<Exclude<keyof RollRow, 'iin'>, number> = {
  surname: 100,
  givenName: 100,
  patronymic: 100,
  settlement: 100,
  address: 200,
};
const OPTIONAL = new Set<keyof RollRow>(['patronymic']);
/** Control characters, bidi overrides and zero-width marks: invisible text has no place in a roll. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;

/** NFC, every run of white space (line breaks in quoted cells, NBSP) to one space, trimmed. */
export function cleanCell(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const shown = (s: string) => (s.length > 20 ? s.slice(0, 19) + '…' : s);

/** Which mistake made a malformed IIN, so the page can say how to fix it. */
function formatHint(given: string): 'leading-zero' | 'scientific' | 'empty' | 'length' {
  if (/^\d{11}$/.test(given)) return 'leading-zero';
  if (/e\+/i.test(given)) return 'scientific';
  return given === '' ? 'empty' : 'length';
}

function iinMessage(error: IinError, given: string): string {
  switch (error) {
    case 'format':
      return {
        'leading-zero':
          'the IIN has 11 digits: Excel probably dropped a leading zero; format the IIN column as Text',
        scientific:
          'the IIN is in scientific notation: format the IIN column as Text in Excel and export again',
        empty: 'the IIN is empty',
        length: 'the IIN must be exactly 12 digits',
      }[formatHint(given)];
    case 'century':
      return 'the IIN has an invalid century digit (7th digit must be 1–6)';
    case 'date':
      return 'the IIN does not begin with a real birth date (YYMMDD)';
    case 'check-digit':
      return 'the IIN check digit is wrong (a typo in one of the digits?)';
  }
}

/** Check one record: a row or the reason it is rejected (the first problem found). */
function checkRecord(
  rec: CsvRecord,
  table: RollTable,
  electionDay: string,
): { row: RollRow } | { reason: RejectReason; message: string; iin: string; values?: Values } {
  const needed = Math.max(...Object.values(table.columns)) + 1;
  const given = cleanCell(rec.cells[table.columns.iin] ?? '');
  const reject = (reason: RejectReason, message: string, values?: Values) => ({
    reason,
    message,
    iin: shown(given),
    ...(values ? { values } : {}),
  });
  const overflow = rec.cells.slice(table.headerWidth).some((c) => c.trim() !== '');
  if (rec.cells.length < needed || overflow)
    return reject(
      'columns',
      `the row has ${rec.cells.length} cells where the header has ${table.headerWidth}: ` +
        'an unquoted separator inside a cell, or a missing one?',
      { cells: rec.cells.length, width: table.headerWidth },
    );
  const iin = parseIin(given);
  if (!iin.ok)
    return reject(
      iin.error,
      iinMessage(iin.error, given),
      iin.error === 'format' ? { hint: formatHint(given) } : undefined,
    );
  const row = { iin: given } as RollRow;
  for (const f of ROLL_FIELDS) {
    if (f === 'iin') continue;
    const v = cleanCell(rec.cells[table.columns[f]]!);
    if (v === '' && !OPTIONAL.has(f)) return reject('missing', `the ${f} is empty`, { field: f });
    if (v.length > MAX_LENGTH[f])
      return reject('too-long', `the ${f} is longer than ${MAX_LENGTH[f]} characters`, {
        field: f,
        max: MAX_LENGTH[f],
      });
    if (BAD_CHARACTER.test(v))
      return reject('bad-character', `the ${f} contains an invisible or control character`, { field: f });
    row[f] = v;
  }
  const age = ageOn(iin.value.birthDate, electionDay);
  if (age < MINIMUM_VOTER_AGE)
    return reject('under-age', `the voter is ${age} on election day ${electionDay}; voters must be 18`, {
      age,
    });
  return { row };
}

/**
 * Every data record checked. A row's own problems are reported first; an otherwise valid row whose
 * IIN appeared on an earlier line (valid or not) is rejected as a duplicate naming that line.
 */
export function checkRows(
  table: RollTable,
  electionDay: string,
): { valid: RollRow[]; rejected: RejectedRow[] } {
  const valid: RollRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const rec of table.records) {
    const r = checkRecord(rec, table, electionDay);
    const iin = 'row' in r ? r.row.iin : parseIin(r.iin).ok ? r.iin : null;
    const earlier = iin === null ? undefined : firstLine.get(iin);
    if (iin !== null && earlier === undefined) firstLine.set(iin, rec.line);
    if (!('row' in r))
      rejected.push({
        line: rec.line,
        iin: r.iin,
        reason: r.reason,
        message: r.message,
        ...(r.values ? { values: r.values } : {}),
      });
    else if (earlier !== undefined)
      rejected.push({
        line: rec.line,
        iin: r.row.iin,
        reason: 'duplicate',
        message: `the IIN is already on line ${earlier}`,
        values: { earlier },
      });
    else valid.push(r.row);
  }
  return { valid, rejected };
}
