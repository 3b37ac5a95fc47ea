import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bytesToB64,
  bytesToHex,
  canonicalJsonBytes,
  decodeTags,
  hexToBytesStrict,
  merkleRoot,
  taggedHash256,
  utf8ToBytes,
  verifyInclusion,
} from '@saylau/crypto';
import { DISTRICT, ELECTION_DAY, startHarness, type Harness } from '@saylau/test-kit';
import { makeIin, rollCsv, syntheticVoters, type SyntheticVoter } from '../src/roll/synthetic.ts';
import { iinCheckDigit } from '../src/roll/iin.ts';
import { inclusionProof } from '../src/roll/tags.ts';
import { csvCell } from '../src/http/csv.ts';

let h: Harness;
let token: string;
const E = 'aksu-2026';
const base = `/api/elections/${E}/roll`;
const HEADER = 'ИИН;Фамилия;Имя;Отчество;Населённый пункт;Адрес';

beforeEach(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
  const r = await h.createElection({ id: E, district: DISTRICT, electionDay: ELECTION_DAY }, token);
  expect(r.status).toBe(201);
});
afterEach(async () => {
  await h.close();
});

/** Row counts of every table H1 writes, the harness's list plus the roll's own and the audit log. */
function snapshot(): Record<string, number> {
  const count = (t: string) =>
    (h.server.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { ...h.snapshot(), rolls: count('rolls'), audit_log: count('audit_log') };
}

const postCsv = (text: string, tok: string | null = token, type = 'text/csv') =>
  h.api('POST', `${base}/imports`, text, tok, { 'content-type': type });

async function postBytes(bytes: Uint8Array, type = 'text/csv') {
  const res = await fetch(`${h.url}${base}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

const line = (v: SyntheticVoter, sep = ';') =>
  [v.iin, v.surname, v.givenName, v.patronymic, v.settlement, v.address].join(sep);

/** Windows-1251 bytes for ASCII and the basic Cyrillic letters, as Excel's plain "CSV" writes them. */
function cp1251(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

/** The §10.3 commitment computed here from the crypto package, independently of the server's code. */
function expectedCommitment(saltHex: string, voters: readonly SyntheticVoter[]): string {
  const rows = [...voters]
    .sort((a, b) => (a.iin < b.iin ? -1 : 1))
    .map((v) => ({
      iin: v.iin,
      surname: v.surname,
      givenName: v.givenName,
      patronymic: v.patronymic,
      settlement: v.settlement,
      address: v.address,
    }));
  return bytesToHex(
    taggedHash256('roll/commitment', [hexToBytesStrict(saltHex, 'salt', 32), canonicalJsonBytes(rows)]),
  );
}

describe('staging a roll import', () => {
  it('reads a comma-separated file without BOM and imports nothing yet', async () => {
    const voters = syntheticVoters(40, ELECTION_DAY, 3);
    const before = snapshot();
    const r = await postCsv(rollCsv(voters, ',', false));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      state: 'pending',
      delimiter: ',',
      valid: 40,
      rejected: [],
      rejectedCount: 0,
    });
    const after = snapshot();
    expect(after.roll_imports).toBe(before.roll_imports! + 1);
    // The import is one staged upload with its parts (SPEC §9.1); nothing else but its audit line.
    expect(after.uploads).toBe(before.uploads! + 1);
    const staged = { roll_imports: 0, audit_log: 0, uploads: 0, upload_parts: 0 };
    expect({ ...after, ...staged }).toEqual({ ...before, ...staged });
    expect(h.server.ctx.board.latest(E, 'roll')).toBeNull();
    const again = await h.api('GET', `${base}/imports/${r.body.import}`, undefined, token);
    expect(again.body).toEqual(r.body);
  });

  it('reads a semicolon file with BOM, CRLF, quoted separators, quotes and line breaks in cells', async () => {
    const [a, b, c] = syntheticVoters(3, ELECTION_DAY, 4) as [SyntheticVoter, SyntheticVoter, SyntheticVoter];
    const bad = c.iin.slice(0, 11) + ((Number(c.iin[11]) + 1) % 10);
    const text =
      '\uFEFF' +
      [
        HEADER,
        line(a),
        `${b.iin};"Оспанова";"Сәуле";"";"Ақсу";"Абай көшесі; 5` + '\r\n' + `пәтер ""3"""`,
        `${bad};Ким;Тимур;;Ақсу;Орталық 1`,
      ].join('\r\n') +
      '\r\n';
    const r = await postCsv(text);
    expect(r.status).toBe(201);
    expect(r.body.delimiter).toBe(';');
    expect(r.body.valid).toBe(2);
    // The quoted cell spans lines 3–4, so the next record starts on line 5.
    expect(r.body.rejected).toEqual([
      { line: 5, iin: bad, reason: 'check-digit', message: expect.stringContaining('check digit') },
    ]);
    // The rows as stored: in parts under the import's upload (SPEC §9.1).
    const row = JSON.parse(
      (
        h.server.ctx.db
          .prepare(
            `SELECT p.data FROM roll_imports i JOIN upload_parts p ON p.upload = i.upload
             WHERE i.id = ? AND p.name = 'valid' AND p.part = 0`,
          )
          .get(r.body.import) as { data: string }
      ).data,
    )[1];
    expect(row).toEqual({
      iin: b.iin,
      surname: 'Оспанова',
      givenName: 'Сәуле',
      patronymic: '',
      settlement: 'Ақсу',
      address: 'Абай көшесі; 5 пәтер "3"',
    });
  });

  it('recognises Kazakh and English headers in any column order and reports ignored columns', async () => {
    const [a, b] = syntheticVoters(2, ELECTION_DAY, 5) as [SyntheticVoter, SyntheticVoter];
    const kk = ['№', 'Тегі', 'Аты', 'Әкесінің аты', 'ЖСН', 'Елді мекен', 'Мекен-жай'].join(';');
    const row = (v: SyntheticVoter, n: number) =>
      [n, v.surname, v.givenName, v.patronymic, v.iin, v.settlement, `"${v.address}"`].join(';');
    let r = await postCsv([kk, row(a, 1), row(b, 2)].join('\n'));
    expect([r.status, r.body.valid, r.body.ignoredColumns]).toEqual([201, 2, ['№']]);
    const en = 'IIN / ЖСН,Surname,Given name,Patronymic,Settlement,Address';
    r = await postCsv([en, line(a, ',').replace(a.address, `"${a.address}"`)].join('\n'));
    expect([r.status, r.body.valid, r.body.rejected]).toEqual([201, 1, []]);
  });

  it('rejects every bad row with its reason and the line it starts on', async () => {
    const [v0, v1, v2, v3, v4, v5, v6, v7] = syntheticVoters(8, ELECTION_DAY, 6) as [
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
      SyntheticVoter,
    ];
    const child = makeIin('2010-01-01', 'female', 1);
    const withDigit = (iin: string, i: number, d: string) => iin.slice(0, i) + d + iin.slice(i + 1);
    // A month of 13 with a correct check digit, so that the date is what fails.
    const first11 = withDigit(v1.iin, 2, '1').slice(0, 3) + '3' + v1.iin.slice(4, 11);
    const badDate = first11 + (iinCheckDigit(first11) ?? 0);
    const text = [
      HEADER, // 1
      line(v0), // 2
      line({ ...v1, iin: v1.iin.slice(1) }), // 3: 11 digits
      line({ ...v1, iin: withDigit(v1.iin, 6, '7') }), // 4
      line({ ...v1, iin: badDate }), // 5
      line({ ...v1, iin: withDigit(v1.iin, 11, String((Number(v1.iin[11]) + 1) % 10)) }), // 6
      '', // 7
      ';;;;;', // 8: blank record, skipped
      line({ ...v1, iin: child }), // 9
      line({ ...v4, surname: '  ' }), // 10
      line({ ...v5, surname: 'Ж'.repeat(101) }), // 11
      line({ ...v6, givenName: 'Ай\u202eгүл' }), // 12
      [v7.iin, v7.surname, v7.givenName].join(';'), // 13
      line(v3) + ';extra', // 14
      line(v2), // 15
      line({ ...v0, surname: 'Другой' }), // 16: duplicate of line 2
      line({ ...v2, givenName: 'Ерлан' }), // 17: duplicate of line 15
      'abc;Ким;Тимур;;Ақсу;Орталық 1', // 18
      line({ ...v4, surname: 'Нұрланов' }), // 19: valid, but line 10 had the IIN
    ].join('\n');
    const r = await postCsv(text);
    expect(r.status).toBe(201);
    expect(r.body.valid).toBe(2);
    expect(r.body.rejected.map((x: { line: number; reason: string }) => [x.line, x.reason])).toEqual([
      [3, 'format'],
      [4, 'century'],
      [5, 'date'],
      [6, 'check-digit'],
      [9, 'under-age'],
      [10, 'missing'],
      [11, 'too-long'],
      [12, 'bad-character'],
      [13, 'columns'],
      [14, 'columns'],
      [16, 'duplicate'],
      [17, 'duplicate'],
      [18, 'format'],
      [19, 'duplicate'],
    ]);
    const byLine = new Map(r.body.rejected.map((x: { line: number }) => [x.line, x]));
    expect(byLine.get(3)).toMatchObject({
      iin: v1.iin.slice(1),
      message: expect.stringContaining('leading zero'),
    });
    expect(byLine.get(9)).toMatchObject({ iin: child, message: expect.stringContaining('16') });
    expect(byLine.get(10)).toMatchObject({ message: 'the surname is empty' });
    expect(byLine.get(16)).toMatchObject({ iin: v0.iin, message: 'the IIN is already on line 2' });
    // The values a page explains each reason with, in its own language.
    expect(byLine.get(3)).toMatchObject({ values: { hint: 'leading-zero' } });
    expect(byLine.get(9)).toMatchObject({ values: { age: 16 } });
    expect(byLine.get(10)).toMatchObject({ values: { field: 'surname' } });
    expect(byLine.get(11)).toMatchObject({ values: { max: expect.any(Number), field: expect.any(String) } });
    expect(byLine.get(13)).toMatchObject({ values: { width: 6 } });
    expect(byLine.get(16)).toMatchObject({ values: { earlier: 2 } });
    expect(byLine.get(18)).toMatchObject({ values: { hint: 'length' } });
    expect(byLine.get(17)).toMatchObject({ message: 'the IIN is already on line 15' });
    expect(byLine.get(19)).toMatchObject({ message: 'the IIN is already on line 10' });
  });

  it('refuses a cp1251 file, a non-UTF-8 charset, a file without header, broken CSV — writing nothing', async () => {
    const voters = syntheticVoters(3, ELECTION_DAY, 7);
    const before = snapshot();
    let r = await postBytes(
      cp1251(
        `ИИН;Фамилия;Имя;Отчество;Населенный пункт;Адрес\r\n${voters[0]!.iin};Иванов;Иван;;Аксу;Абая 1\r\n`,
      ),
    );
    expect([r.status, r.body.error.code]).toEqual([400, 'BAD_ENCODING']);
    expect(r.body.error.message).toContain('CSV UTF-8');
    r = await postBytes(new TextEncoder().encode(rollCsv(voters)), 'text/csv; charset=windows-1251');
    expect([r.status, r.body.error.code]).toEqual([400, 'BAD_ENCODING']);
    r = await postBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00])); // UTF-16 LE
    expect([r.status, r.body.error.code]).toEqual([400, 'BAD_ENCODING']);
    const cases: [string, number, string][] = [
      [voters.map((v) => line(v)).join('\n'), 400, 'NO_HEADER'],
      ['Список избирателей\n' + rollCsv(voters, ';', false), 400, 'NO_HEADER'],
      ['ИИН;Фамилия;Имя\n' + line(voters[0]!), 400, 'BAD_HEADER'],
      ['ИИН;ЖСН;Фамилия;Имя;Отчество;Населённый пункт;Адрес\n', 400, 'BAD_HEADER'],
      [HEADER + '\n' + line(voters[0]!) + '\n' + `${voters[1]!.iin};"Ким;Тимур;;Ақсу;1`, 400, 'BAD_CSV'],
      ['', 400, 'EMPTY_CSV'],
    ];
    for (const [text, status, code] of cases) {
      const res = await postCsv(text);
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    }
    r = await h.api('POST', `${base}/imports`, { csv: rollCsv(voters) }, token);
    expect([r.status, r.body.error.code]).toEqual([415, 'BAD_CONTENT_TYPE']);
    expect(snapshot()).toEqual(before);
  });

  it('refuses other roles, no session, and a body over 8 MB — writing nothing', async () => {
    const csv = rollCsv(syntheticVoters(5, ELECTION_DAY, 8));
    const observer = await h.signIn('observer');
    const ca = await h.signIn('credential-authority');
    const before = snapshot();
    let r = await postCsv(csv, null);
    expect([r.status, r.body.error.code]).toEqual([401, 'NOT_SIGNED_IN']);
    r = await postCsv(csv, observer);
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    r = await postCsv(csv, ca);
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    r = await postCsv(HEADER + '\n' + 'x'.repeat(8 * 1024 * 1024 + 10));
    expect([r.status, r.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    r = await h.api('GET', `${base}/imports/1`, undefined, observer);
    expect(r.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown election and an unknown import', async () => {
    // An unknown election is one this commission holds no grant on (SPEC §10.13).
    let r = await h.api('POST', '/api/elections/nope/roll/imports', rollCsv([]), token, {
      'content-type': 'text/csv',
    });
    expect([r.status, r.body.error.code]).toEqual([403, 'NOT_GRANTED']);
    r = await h.api('GET', `${base}/imports/99`, undefined, token);
    expect([r.status, r.body.error.code]).toEqual([404, 'NO_IMPORT']);
    r = await h.api('GET', `${base}/imports/x1`, undefined, token);
    expect([r.status, r.body.error.code]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('rejected.csv', () => {
  it('exports every rejected row, neutralising cells Excel would run as formulas', async () => {
    const [v] = syntheticVoters(1, ELECTION_DAY, 9) as [SyntheticVoter];
    const evil = ['=HYPERLINK("x")', '+77011234567', '-1+1', '@SUM(A1)', '\tTAB'];
    const text = [
      HEADER,
      line(v),
      ...evil.map((iin) => line({ ...v, iin: `"${iin.replaceAll('"', '""')}"` })),
    ].join('\n');
    const r = await postCsv(text);
    expect(r.body.rejectedCount).toBe(5);
    const res = await fetch(`${h.url}${base}/imports/${r.body.import}/rejected.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    // fetch's text() would drop the BOM, which Excel needs to read the file as UTF-8.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(csv.startsWith('\uFEFF"line";"iin";"reason";"message"\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toBe(`"3";"'=HYPERLINK(""x"")";"format";"the IIN must be exactly 12 digits"`);
    expect(rows.map((l) => l.split(';')[1])).toEqual([
      `"'=HYPERLINK(""x"")"`,
      `"'+77011234567"`,
      `"'-1+1"`,
      `"'@SUM(A1)"`,
      `"TAB"`, // white space is trimmed from cells before anything else
    ]);
    for (const cell of rows.map((l) => l.split(';')[1]!.slice(1))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // TAB and CR cannot survive the import's trimming, but the export guards them too.
    expect([csvCell('\tx'), csvCell('\r=1'), csvCell('ok'), csvCell('a"b')]).toEqual([
      `"'\tx"`,
      `"'\r=1"`,
      '"ok"',
      '"a""b"',
    ]);
  });
});

describe('accepting the roll', () => {
  it('writes the voters and a roll entry whose commitment opens with the salt', async () => {
    const voters = syntheticVoters(25, ELECTION_DAY, 10);
    const staged = await postCsv(rollCsv(voters));
    const other = await postCsv(rollCsv(voters.slice(0, 3)));
    const beforeBoard = h.snapshot().board;
    const r = await h.api('POST', `${base}/imports/${staged.body.import}/accept`, {}, token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ import: staged.body.import, count: 25 });
    expect(r.body.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(r.body.commitment).toBe(expectedCommitment(r.body.salt, voters));
    const entry = h.server.ctx.board.latest(E, 'roll')!;
    expect(entry.seq).toBe(beforeBoard);
    expect(entry.payload).toMatchObject({ count: 25, commitment: r.body.commitment });
    // §10.3.4: the tags are H256_roll/tag(salt, IIN) cut to 16 bytes, ascending, under a root.
    const salt = hexToBytesStrict(r.body.salt, 'salt', 32);
    const want = voters
      .map((v) => taggedHash256('roll/tag', [salt, utf8ToBytes(v.iin)]).slice(0, 16))
      .sort((a, b) => Buffer.compare(a, b));
    const tags = decodeTags(entry.payload.tags, 'tags');
    expect(tags.map(bytesToB64)).toEqual(want.map(bytesToB64));
    expect(entry.payload.root).toBe(bytesToHex(merkleRoot(want)));
    // The server's proof for a voter checks against that root; another election's IIN has none.
    const proof = inclusionProof(h.server.ctx, E, voters[3]!.iin)!;
    expect(proof.size).toBe(25);
    expect(
      verifyInclusion(
        tags[proof.index]!,
        proof.index,
        25,
        proof.path.map((p) => Buffer.from(p, 'base64url')),
        hexToBytesStrict(entry.payload.root, 'root', 32),
      ),
    ).toBe(true);
    expect(proof.tag).toBe(bytesToB64(tags[proof.index]!));
    expect(inclusionProof(h.server.ctx, E, makeIin('1990-01-01', 'male', 4242))).toBeNull();
    const rows = h.server.ctx.db.prepare('SELECT * FROM voters WHERE election = ? ORDER BY iin').all(E) as {
      iin: string;
      birth_date: string;
    }[];
    expect(rows.map((x) => x.iin)).toEqual(voters.map((v) => v.iin).sort());
    expect(rows.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.birth_date))).toBe(true);
    // The other pending import was discarded; the accepted one is marked.
    expect((await h.api('GET', `${base}/imports/${other.body.import}`, undefined, token)).body.state).toBe(
      'discarded',
    );
    expect((await h.api('GET', `${base}/imports/${staged.body.import}`, undefined, token)).body.state).toBe(
      'accepted',
    );
    const list = await h.api('GET', `${base}/imports`, undefined, token);
    expect(list.body.imports.map((i: { import: number; state: string }) => [i.import, i.state])).toEqual([
      [other.body.import, 'discarded'],
      [staged.body.import, 'accepted'],
    ]);
    // Public view: count and commitment only; the commission also sees the salt.
    const pub = await h.api('GET', base);
    expect(pub.body).toEqual({ count: 25, commitment: r.body.commitment, acceptedAt: expect.any(String) });
    const priv = await h.api('GET', base, undefined, token);
    expect(priv.body).toMatchObject({ count: 25, commitment: r.body.commitment, salt: r.body.salt });
    const observer = await h.signIn('observer');
    expect((await h.api('GET', base, undefined, observer)).status).toBe(403);
    // The salt is this election's commission's only: another election's commission gets none.
    const elsewhere = await h.api('GET', base, undefined, await h.signIn('commission'));
    expect([elsewhere.status, elsewhere.body.error.code, elsewhere.text]).toEqual([
      403,
      'NOT_GRANTED',
      expect.not.stringContaining(r.body.salt),
    ]);
  });

  it('accepts one roll per election: later accepts, stages and discards are refused, writing nothing', async () => {
    const voters = syntheticVoters(10, ELECTION_DAY, 12);
    const a = await postCsv(rollCsv(voters));
    const b = await postCsv(rollCsv(voters.slice(0, 5)));
    expect((await h.api('POST', `${base}/imports/${a.body.import}/accept`, {}, token)).status).toBe(200);
    const before = snapshot();
    const cases: [string, unknown, number, string][] = [
      [`${base}/imports/${a.body.import}/accept`, {}, 409, 'ROLL_EXISTS'],
      [`${base}/imports/${b.body.import}/accept`, {}, 409, 'ROLL_EXISTS'],
      [`${base}/imports/${a.body.import}/discard`, {}, 409, 'IMPORT_STATE'],
      [`${base}/imports/${b.body.import}/discard`, {}, 409, 'IMPORT_STATE'],
    ];
    for (const [path, body, status, code] of cases) {
      const r = await h.api('POST', path, body, token);
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
    }
    const r = await postCsv(rollCsv(voters));
    expect([r.status, r.body.error.code]).toEqual([409, 'ROLL_EXISTS']);
    expect(snapshot()).toEqual(before);
  });

  it('discards an import, which can then not be accepted; an import of only rejected rows cannot be accepted', async () => {
    const voters = syntheticVoters(3, ELECTION_DAY, 13);
    const a = await postCsv(rollCsv(voters));
    let r = await h.api('POST', `${base}/imports/${a.body.import}/discard`, {}, token);
    expect([r.status, r.body.state]).toEqual([200, 'discarded']);
    const empty = await postCsv(`${HEADER}\n${line({ ...voters[0]!, iin: '123' })}\n`);
    const before = snapshot();
    r = await h.api('POST', `${base}/imports/${a.body.import}/accept`, {}, token);
    expect([r.status, r.body.error.code]).toEqual([409, 'IMPORT_STATE']);
    r = await h.api('POST', `${base}/imports/${empty.body.import}/accept`, {}, token);
    expect([r.status, r.body.error.code]).toEqual([422, 'EMPTY_ROLL']);
    expect(snapshot()).toEqual(before);
    expect((await h.api('GET', base)).body.error.code).toBe('NO_ROLL');
  });

  it('refuses to stage or accept once voting has opened', async () => {
    const { openElectionFixture } = await import('@saylau/test-kit');
    const e = openElectionFixture(h, { id: 'open-1', voters: 3 });
    token = await h.signIn('commission', undefined, { elections: [e.id] });
    const before = snapshot();
    const r = await h.api('POST', `/api/elections/${e.id}/roll/imports`, rollCsv(e.voters), token, {
      'content-type': 'text/csv',
    });
    expect([r.status, r.body.error.code]).toEqual([409, 'ELECTION_STATE']);
    expect(snapshot()).toEqual(before);
  });
});
