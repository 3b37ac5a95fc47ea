/**
 * Fuzzing the CSV imports (roll, SPEC §10.3; signature lists, §10.4) and every CSV the server
 * exports (rejected rows, login codes for mail merge): bad IINs and check digits, wrong encodings,
 * BOM or none, comma, semicolon or tab, quotes and line breaks inside cells, formula injection and
 * SQL injection in names. Imports never fail with a 5xx; exports never hand Excel a formula; text is
 * stored and returned as text.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElection } from '../src/index.ts';
import { makeIin, rollCsv, syntheticVoters } from '../src/roll/synthetic.ts';
import { DISTRICT, ELECTION_DAY, startHarness, type ApiResponse, type Harness } from '@saylau/test-kit';
import {
  FORMULAS,
  plainText,
  RUNS,
  SQL_INJECTIONS,
  expectClientError,
  expectRefusedUnchanged,
} from './hostile-arbitraries.ts';

let h: Harness;
let token: string;
let elections = 0;
beforeAll(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
});
afterAll(async () => {
  await h.close();
});

function newElection(): string {
  const id = `csv-${++elections}`;
  createElection(h.server.ctx, { id, district: DISTRICT, electionDay: ELECTION_DAY }, 'test');
  h.grant(id, token);
  return id;
}

const stage = (id: string, body: string | Uint8Array, type = 'text/csv') =>
  typeof body === 'string'
    ? h.api('POST', `/api/elections/${id}/roll/imports`, body, token, { 'content-type': type })
    : fetch(`${h.url}/api/elections/${id}/roll/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: new Uint8Array(body),
      }).then(async (r): Promise<ApiResponse> => {
        const text = await r.text();
        return { status: r.status, text, body: JSON.parse(text), headers: r.headers };
      });

/** A CSV the server exported: its raw text (BOM kept) and its cells. */
async function download(path: string, method = 'GET'): Promise<{ raw: string; cells: string[][] }> {
  const res = await fetch(h.url + path, { method, headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBeLessThan(300);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { raw, cells: parse(raw, { delimiter: ';', bom: true, relax_column_count: true }) as string[][] };
}

/** OWASP's formula triggers: a cell that begins with one must have been prefixed with an apostrophe. */
const TRIGGER = /^[=+\-@\t\r]/;
function expectNeutralised(cells: string[][]): void {
  for (const row of cells) for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(TRIGGER);
}

const IIN_REASONS = ['format', 'century', 'date', 'check-digit'];

/** IINs the roll must reject, each for a reason of the IIN itself. */
const badIin = fc.oneof(
  fc.nat({ max: 9999 }).map((n) => {
    const iin = makeIin('1970-05-06', 'female', 3000 + n);
    return iin.slice(0, 11) + String((Number(iin[11]) + 1 + (n % 9)) % 10); // wrong check digit
  }),
  fc.nat({ max: 9999 }).map((n) => makeIin('1970-05-06', 'male', 3000 + n).slice(1)), // a dropped zero
  fc.constantFrom('7.60612E+11', '76O612375928', '', '000000000000', '991332123456', '12345678901234'),
  fc.constantFrom(...FORMULAS),
);

const sep = fc.constantFrom(';', ',', '\t');
const quote = (s: string, d: string, always: boolean) =>
  always || s.includes(d) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;

interface RollCase {
  good: { iin: string; names: string[] }[];
  bad: { iin: string; names: string[] }[];
  d: ';' | ',' | '\t';
  bom: boolean;
  eol: string;
  quoteAll: boolean;
  /** Put a line break inside a quoted address. */
  breakInCell: boolean;
}

const rollCase: fc.Arbitrary<RollCase> = fc
  .record({
    goodNames: fc.array(fc.array(plainText, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    bad: fc.array(fc.record({ iin: badIin, names: fc.array(plainText, { minLength: 5, maxLength: 5 }) }), {
      maxLength: 4,
    }),
    d: sep,
    bom: fc.boolean(),
    eol: fc.constantFrom('\r\n', '\n'),
    quoteAll: fc.boolean(),
    breakInCell: fc.boolean(),
    seed: fc.nat({ max: 1000 }),
  })
  .map(({ goodNames, seed, ...rest }) => {
    const voters = syntheticVoters(goodNames.length, ELECTION_DAY, 100 + seed);
    return { ...rest, good: voters.map((v, i) => ({ iin: v.iin, names: goodNames[i]! })) };
  });

function rollText(c: RollCase, rows: { iin: string; names: string[] }[]): string {
  const header = ['ИИН', 'Фамилия', 'Имя', 'Отчество', 'Населённый пункт', 'Адрес'];
  const line = (cells: string[]) => cells.map((s) => quote(s, c.d, c.quoteAll)).join(c.d);
  const body = rows.map((r) =>
    line([r.iin, ...r.names.slice(0, 4), c.breakInCell ? `${r.names[4]}${c.eol}2-қабат` : r.names[4]!]),
  );
  return (c.bom ? '\uFEFF' : '') + [line(header), ...body].join(c.eol) + c.eol;
}

describe('roll import fuzzing', () => {
  it('accounts for every row, rejects every bad IIN, writes only the pending import, exports no formula', async () => {
    const id = newElection();
    await fc.assert(
      fc.asyncProperty(rollCase, async (c) => {
        const rows = [...c.good, ...c.bad];
        const before = h.snapshot();
        const r = await stage(id, rollText(c, rows));
        expect(r.status, r.text.slice(0, 300)).toBe(201);
        expect(r.body.delimiter).toBe(c.d);
        expect(r.body.valid + r.body.rejectedCount).toBe(rows.length);
        expect(r.body.valid).toBeLessThanOrEqual(c.good.length);
        const iinRejections = r.body.rejected.filter((x: { reason: string }) =>
          IIN_REASONS.includes(x.reason),
        );
        expect(iinRejections.length).toBeGreaterThanOrEqual(c.bad.length);
        // Only the staged import (its upload and parts, and its audit line) was written: no voter,
        // no board entry.
        const after = h.snapshot();
        expect(after.uploads).toBe(before.uploads! + 1);
        const staged = { roll_imports: 0, audit_log: 0, uploads: 0, upload_parts: 0 };
        expect({ ...after, ...staged }).toEqual({ ...before, ...staged });
        const csv = await download(`/api/elections/${id}/roll/imports/${r.body.import}/rejected.csv`);
        expect(csv.raw.startsWith('\uFEFF')).toBe(true);
        expect(csv.cells.length - 1).toBe(r.body.rejectedCount);
        expectNeutralised(csv.cells);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('refuses files in other encodings and random bytes, writing nothing', async () => {
    const id = newElection();
    const text = rollCsv(syntheticVoters(3, ELECTION_DAY, 5));
    const latin1 = Uint8Array.from(
      [...'IIN;Surname;Given name;Patronymic;Settlement;Address\n']
        .map((ch) => ch.charCodeAt(0))
        .concat([0x31, 0x3b, 0xc0, 0xe9, 0xff, 0x0a]),
    );
    const utf16le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le'),
    ]);
    const utf16be = Buffer.from(utf16le.swap16()).subarray(0); // swap16 turns FFFE into FEFF: big-endian with its BOM
    const bytes = fc.oneof(
      fc.constantFrom<Uint8Array>(latin1, utf16le, utf16be, Buffer.from(text, 'utf16le')),
      fc.uint8Array({ minLength: 1, maxLength: 400 }),
      // A valid start, then a lead byte without its continuation: invalid UTF-8 mid-file.
      fc
        .uint8Array({ maxLength: 40 })
        .map((b) => Buffer.concat([Buffer.from(text.slice(0, 60)), Buffer.from([0xc3, 0x28]), b])),
    );
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'text/plain'),
        async (b, type) => {
          await expectRefusedUnchanged(h, () => stage(id, b, type));
        },
      ),
      { numRuns: RUNS * 3 },
    );
    for (const type of [
      'text/csv; charset=windows-1251',
      'text/csv; charset=utf-16',
      'application/octet-stream',
    ]) {
      const r = await expectRefusedUnchanged(h, () => stage(id, Buffer.from(text), type));
      expect(r.body.error.code).toMatch(/^BAD_(ENCODING|CONTENT_TYPE)$/);
    }
  });
});

describe('names from the roll: stored as text, exported without formulas', () => {
  const tables = () => h.server.ctx.db.prepare('SELECT name FROM sqlite_master ORDER BY name').all();
  let schema: unknown;
  beforeAll(() => {
    schema = tables();
  });

  it('keeps SQL and formula strings verbatim in the database and neutralises them in the login-code CSV', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(plainText, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        sep,
        async (names, d) => {
          const id = newElection();
          const voters = syntheticVoters(names.length, ELECTION_DAY, 40 + elections);
          const c: RollCase = {
            good: [],
            bad: [],
            d,
            bom: true,
            eol: '\r\n',
            quoteAll: false,
            breakInCell: false,
          };
          const rows = voters.map((v, i) => ({ iin: v.iin, names: names[i]! }));
          const staged = await stage(id, rollText(c, rows));
          expect(staged.body.valid, staged.text.slice(0, 300)).toBe(rows.length);
          const accepted = await h.api(
            'POST',
            `/api/elections/${id}/roll/imports/${staged.body.import}/accept`,
            {},
            token,
          );
          expect(accepted.status).toBe(200);
          // Stored as given: a prepared statement bound the text, nothing ran it.
          const stored = h.server.ctx.db
            .prepare(
              'SELECT iin, surname, given_name, patronymic, settlement, address FROM voters WHERE election = ?',
            )
            .all(id) as Record<string, string>[];
          for (const r of rows) {
            const s = stored.find((x) => x.iin === r.iin)!;
            expect([s.surname, s.given_name, s.patronymic, s.settlement, s.address]).toEqual(r.names);
          }
          expect(tables()).toEqual(schema);
          const csv = await download(`/api/elections/${id}/login-codes?format=csv`, 'POST');
          expectNeutralised(csv.cells);
          for (const r of rows) {
            const line = csv.cells.find((x) => x[0] === r.iin)!;
            const shown = line
              .slice(1, 6)
              .map((cell, i) => (TRIGGER.test(r.names[i]!) ? cell.slice(1) : cell));
            expect(shown).toEqual(r.names);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('signature lists as text', () => {
  const ATTESTED = { citizen: true, capacity: true, noUnexpungedConviction: true };
  const N = (s: string) => ({ kk: s, ru: s, en: s });

  it('never fails, never echoes an IIN, and keeps only signers on the roll', async () => {
    const id = newElection();
    const roll = syntheticVoters(30, ELECTION_DAY, 77);
    const staged = await stage(id, rollCsv(roll));
    expect(
      (await h.api('POST', `/api/elections/${id}/roll/imports/${staged.body.import}/accept`, {}, token))
        .status,
    ).toBe(200);
    const candidate = makeIin('1978-04-04', 'female', 8100);
    const nom = await h.api(
      'POST',
      `/api/elections/${id}/nominations`,
      {
        route: { kind: 'self' },
        candidate: { iin: candidate, surname: N('Ахметова'), givenNames: N('Айгүл') },
        attestations: ATTESTED,
        submittedBy: { iin: candidate, fullName: 'Ахметова Айгүл', position: 'candidate' },
      },
      token,
    );
    expect(nom.status, nom.text).toBe(201);
    const entry = fc.oneof(
      fc.constantFrom(...roll.map((v) => v.iin)),
      badIin,
      fc.constantFrom(...SQL_INJECTIONS, '"' + roll[0]!.iin + '"', `${roll[1]!.iin};Бекова`, ' '),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 25 }),
        fc.boolean(),
        fc.constantFrom('\r\n', '\n', '\r'),
        async (lines, bom, eol) => {
          const text = (bom ? '\uFEFF' : '') + lines.join(eol);
          const r = await h.api(
            'POST',
            `/api/elections/${id}/nominations/${nom.body.nomination}/signatures`,
            text,
            token,
            {
              'content-type': 'text/csv',
            },
          );
          if (r.status >= 400) return expectClientError(r);
          expect(r.status).toBe(200);
          for (const v of [...roll.map((x) => x.iin), candidate]) expect(r.text).not.toContain(v);
          const kept = (
            h.server.ctx.db.prepare('SELECT count(*) AS n FROM signatures WHERE election = ?').get(id) as {
              n: number;
            }
          ).n;
          const distinctOnRoll = new Set(
            lines
              .map((l) =>
                l
                  .replace(/^"|"$/g, '')
                  .split(/[;,\t]/)[0]!
                  .replace(/^"|"$/g, '')
                  .trim(),
              )
              .filter((l) => roll.some((v) => v.iin === l)),
          );
          expect(kept).toBeLessThanOrEqual(distinctOnRoll.size);
          expect(r.body.valid).toBe(kept);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
