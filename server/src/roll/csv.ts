/**
 * Reading a voter roll CSV as Excel writes it (SPEC §10.3): UTF-8 with or without a BOM, comma,
 * semicolon or tab separated (detected from the header line), quoted fields with line breaks, and a
 * header row in Kazakh, Russian or English that says which column is which.
 */
import { parse } from 'csv-parse/sync';
import { badRequest } from '../http/errors.ts';
import { Code } from '@saylau/protocol';

export const ROLL_FIELDS = ['iin', 'surname', 'givenName', 'patronymic', 'settlement', 'address'] as const;
export type RollField = (typeof ROLL_FIELDS)[number];
export type Delimiter = ';' | ',' | '\t';

/** Recognised header names per column, compared after {@link headerKey}. */
const HEADER_NAMES: Record<RollField, readonly string[]> = {
  iin: ['иин', 'жсн', 'iin', 'индивидуальный идентификационный номер', 'жеке сәйкестендіру нөмірі'],
  surname: ['фамилия', 'тегі', 'surname', 'last name', 'lastname', 'family name'],
  givenName: ['имя', 'аты', 'given name', 'first name', 'firstname'],
  patronymic: ['отчество', 'әкесінің аты', 'patronymic', 'middle name'],
  settlement: ['населенный пункт', 'елді мекен', 'settlement', 'locality', 'village'],
  address: ['адрес', 'мекенжай', 'мекен жай', 'мекенжайы', 'мекен жайы', 'address'],
};

/** Lower case, ё → е, punctuation to spaces, spaces collapsed: "Мекен-жай" and "мекен жай" match. */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[.\-_:*№"']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The roll field a header cell names, or null. "ИИН / ЖСН" and "Тегі (Фамилия)" are recognised. */
export function headerField(cell: string): RollField | null {
  const parts = [cell, ...cell.split(/[/|()\\]/)].map(headerKey).filter((p) => p !== '');
  for (const f of ROLL_FIELDS) if (parts.some((p) => HEADER_NAMES[f].includes(p))) return f;
  return null;
}

export const EXPECTED_HEADER =
  'ИИН/ЖСН/IIN; Фамилия/Тегі/Surname; Имя/Аты/Given name; Отчество/Әкесінің аты/Patronymic; ' +
  'Населённый пункт/Елді мекен/Settlement; Адрес/Мекенжай/Address';

/** Decode bytes as strict UTF-8 (a BOM is dropped); a cp1251 or UTF-16 file is refused. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badRequest(
      Code.BAD_ENCODING,
      'the file is not UTF-8 text; in Excel use "Save as" → "CSV UTF-8 (comma delimited)" and import that file',
    );
  }
}

/** The separator of the header line: the most frequent of ; , TAB outside quotes. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  cells: string[];
}

export interface RollTable {
  delimiter: Delimiter;
  /** Column index of each roll field. */
  columns: Record<RollField, number>;
  /** Number of cells in the header row. */
  headerWidth: number;
  /** Header cells that name no roll field (their columns are not read). */
  ignoredColumns: string[];
  /** Data records after the header, blank records (only separators and spaces) left out. */
  records: CsvRecord[];
}

export const MAX_ROWS = 100_000;

/**
 * Parse roll text into records with their line numbers. Line breaks are normalised to LF first, so
 * a CRLF file, an LF file and a mixed one number their lines alike.
 */
export function readRollTable(text: string): RollTable {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = body.split('\n').find((l) => l.trim() !== '') ?? '';
  const delimiter = detectDelimiter(firstLine);
  if (delimiter === null) throw noHeader();
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(body, {
      delimiter,
      record_delimiter: '\n',
      raw: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    throw badRequest(
      Code.BAD_CSV,
      `the file is not valid CSV near line ${err.lines ?? '?'} (${err.code ?? 'parse error'}); ` +
        'check for an unclosed quote',
      { line: err.lines ?? null },
    );
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const p of parsed) {
    if (p.record.some((c) => c.trim() !== '')) records.push({ line, cells: p.record });
    line += p.raw.split('\n').length - 1;
  }
  const header = records.shift();
  if (!header) throw noHeader();
  const columns: Partial<Record<RollField, number>> = {};
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, i) => {
    const f = headerField(cell);
    if (f === null) {
      if (cell.trim() !== '') ignoredColumns.push(cell.trim().slice(0, 60));
    } else if (columns[f] !== undefined)
      throw badRequest(
        Code.BAD_HEADER,
        `the header names the column ${f} twice (columns ${columns[f]! + 1} and ${i + 1})`,
      );
    else columns[f] = i;
  });
  const missing = ROLL_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length === ROLL_FIELDS.length) throw noHeader();
  if (missing.length > 0)
    throw badRequest(
      Code.BAD_HEADER,
      `the header has no column for: ${missing.join(', ')}; expected ${EXPECTED_HEADER}`,
      {
        missing,
      },
    );
  if (records.length > MAX_ROWS)
    throw badRequest(Code.TOO_MANY_ROWS, `a roll import holds at most ${MAX_ROWS} rows`);
  return {
    delimiter,
    columns: columns as Record<RollField, number>,
    headerWidth: header.cells.length,
    ignoredColumns,
    records,
  };
}

function noHeader() {
  return badRequest(
    Code.NO_HEADER,
    `the first line must be a header naming the columns: ${EXPECTED_HEADER} (delete any title rows above it)`,
  );
}
