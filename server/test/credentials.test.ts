import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import QRCode from 'qrcode';
import {
  canonicalJsonBytes,
  formatCredentialCode,
  generateCredentialCode,
  publicCredentialList,
  sha256Hex,
} from '@saylau/crypto';
import { b64ToHex, hexToB64, withUnusedBits } from '../../crypto/test/helpers.ts';
import { createElection } from '../src/index.ts';
import { auditLog } from '../src/audit.ts';
import { syntheticVoters, writeSyntheticRoll } from '../src/roll/synthetic.ts';
import {
  generateCredentialFiles,
  fetchLetterManifest,
  readLetterManifest,
  publishCredentials,
} from '@saylau/tools';
import { credentialVoters } from '../src/credentials/voters.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvValue } from '../src/http/csv.ts';
import { credentialListFingerprint } from '@saylau/protocol';
import { JSON_LIMIT } from '../src/app.ts';
import { errorHandler } from '../src/http/errors.ts';
import { CREDENTIALS_PATH, credentialRoutes, credentialsUpload } from '../src/credentials/routes.ts';
import { DISTRICT, ELECTION_DAY, startHarness, type Harness, openElectionFixture } from '@saylau/test-kit';

let h: Harness;
let out: string;
beforeEach(async () => {
  h = await startHarness();
  out = mkdtempSync(join(tmpdir(), 'saylau-cred-'));
});
afterEach(async () => {
  await h.close();
  rmSync(out, { recursive: true, force: true });
});

/**
 * An election in nominations whose roll is accepted: the rows and the `roll` board entry the roll
 * step writes (as fixtures.ts does), so these tests do not depend on the roll import's HTTP flow.
 */
function electionWithRoll(id: string, voters: number, roll = true) {
  const ctx = h.server.ctx;
  createElection(ctx, { id, district: DISTRICT, electionDay: ELECTION_DAY }, 'test');
  if (!roll) return;
  const rows = syntheticVoters(voters, ELECTION_DAY, 5);
  writeSyntheticRoll(ctx, id, rows, 'e'.repeat(64));
}

/** The rows of codes.csv: BOM, header, then number; voter; name and address; code. */
function csvCodes(text: string): { number: number; voter: string; surname: string; code: string }[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.slice(1).split('\r\n')[0]).toBe(
    '"number";"voter";"surname";"given_name";"patronymic";"settlement";"address";"code"',
  );
  const rows = parseCsv(text, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
  return rows.map((r) => {
    expect(r).toHaveLength(8);
    return { number: Number(r[0]), voter: csvValue(r[1]!), surname: r[2]!, code: r[7]! };
  });
}

const validKeys = (n: number, election = 'x') =>
  publicCredentialList(
    election,
    Array.from({ length: n }, () => generateCredentialCode().code),
  );

/** The roll's voter references of an election, in the order the authority gets them. */
const refsOf = (id: string) => credentialVoters(h.server.ctx, id).map((v) => v.voter);

/** A one-to-one owner map of the roll's voters onto `keys`: owners[i] holds keys[i] (SPEC §10.7). */
const ownersOf = (id: string, keys: readonly string[]) => refsOf(id).slice(0, keys.length);

describe('offline generation', () => {
  it('writes codes.csv, letters.html and public-credentials.json that agree with each other', async () => {
    electionWithRoll('aksu-2026', 12);
    const manifest = await fetchLetterManifest({ baseUrl: h.url }, 'aksu-2026');
    const voters = credentialVoters(h.server.ctx, 'aksu-2026');
    const r = await generateCredentialFiles({
      election: 'aksu-2026',
      voters,
      outDir: join(out, 'batch'),
      manifest,
      boothUrl: 'https://saylau.example.kz/vote',
    });
    expect(r.count).toBe(12);

    const rows = csvCodes(readFileSync(r.files.codes, 'utf8'));
    expect(rows.map((x) => x.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.map((x) => [x.voter, x.surname])).toEqual(voters.map((v) => [v.voter, v.surname]));
    for (const x of rows) expect(formatCredentialCode(x.code)).toBe(x.code); // display form, checked
    const codes = rows.map((x) => x.code);
    expect(new Set(codes).size).toBe(12);

    const pub = JSON.parse(readFileSync(r.files.publicList, 'utf8'));
    expect(Object.keys(pub).sort()).toEqual(['count', 'election', 'list']);
    expect(pub.election).toBe('aksu-2026');
    expect(pub.count).toBe(12);
    expect(pub.list).toEqual(publicCredentialList('aksu-2026', codes));
    expect([...pub.list].sort()).toEqual(pub.list);
    expect(r.fingerprint).toBe(sha256Hex(canonicalJsonBytes(pub.list)));

    // The private owner map: each voter bound to the key of the code printed for them.
    const owners = JSON.parse(readFileSync(r.files.owners, 'utf8'));
    expect(owners).toEqual({
      election: 'aksu-2026',
      count: 12,
      owners: rows.map((x) => ({
        voter: x.voter,
        credential: publicCredentialList('aksu-2026', [x.code])[0],
      })),
    });
    expect(statSync(r.files.owners).mode & 0o777).toBe(0o600);

    const letters = readFileSync(r.files.letters, 'utf8');
    expect(letters.match(/<section class="letter">/g)).toHaveLength(12);
    expect(letters).toContain('break-after: page');
    expect(letters).toContain('Дауыс беруге шақыру'); // kk
    expect(letters).toContain('Приглашение к голосованию'); // ru
    expect(letters).toContain(DISTRICT.kk);
    expect(letters).toContain(DISTRICT.ru);
    expect(letters).toContain('2026 жылғы 20 желтоқсан');
    expect(letters).toContain('20 декабря 2026 года');
    expect(letters).toContain('07:00–20:00');
    expect(letters).toContain('https://saylau.example.kz/vote');
    expect(letters.match(/<svg /g)).toHaveLength(12);
    // Each letter is addressed to its voter and carries their code, and the QR code of exactly that code.
    for (const [i, c] of codes.entries()) {
      const letter = letters.split('<section class="letter">')[i + 1]!;
      expect(letter).toContain(`<p class="code">${c}</p>`);
      expect(letter).toContain(voters[i]!.surname);
      expect(letter).toContain(voters[i]!.address);
      const svg = await QRCode.toString(c.replaceAll('-', ''), {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      expect(letters).toContain(/ d="([^"]+)"\/><\/svg>/.exec(svg)![1]);
    }
    // Self-contained: no script, no external resource.
    expect(letters).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
    expect(letters).toContain("default-src 'none'");

    expect(statSync(r.files.codes).mode & 0o777).toBe(0o600);
    expect(statSync(r.files.letters).mode & 0o777).toBe(0o600);
  });

  it('reads the manifest from a file, escapes it in the letters, and never overwrites', async () => {
    electionWithRoll('aksu-2026', 3);
    const view = (await h.api('GET', '/api/elections/aksu-2026')).body;
    view.manifest.district.kk = 'Ақсу <script>alert(1)</script>';
    const file = join(out, 'manifest.json');
    writeFileSync(file, JSON.stringify(view));
    const manifest = readLetterManifest(file, 'aksu-2026');
    const opts = {
      election: 'aksu-2026',
      voters: credentialVoters(h.server.ctx, 'aksu-2026'),
      outDir: out,
      manifest,
    };
    const r = await generateCredentialFiles(opts);
    const letters = readFileSync(r.files.letters, 'utf8');
    expect(letters).toContain('Ақсу &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(letters).not.toContain('<script');
    // Without a booth URL the letters point to the commission's published address.
    expect(letters).toContain('Сайлау комиссиясы жариялаған');

    const before = readFileSync(r.files.codes, 'utf8');
    await expect(generateCredentialFiles(opts)).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(readFileSync(r.files.codes, 'utf8')).toBe(before);
  });

  it('refuses a manifest of another election and bad arguments', async () => {
    electionWithRoll('aksu-2026', 3);
    electionWithRoll('other-1', 3);
    const manifest = await fetchLetterManifest({ baseUrl: h.url }, 'other-1');
    const voters = credentialVoters(h.server.ctx, 'aksu-2026');
    const base = { election: 'aksu-2026', voters, outDir: join(out, 'x'), manifest };
    await expect(generateCredentialFiles(base)).rejects.toMatchObject({ code: 'MANIFEST_MISMATCH' });
    await expect(fetchLetterManifest({ baseUrl: h.url }, 'missing')).rejects.toMatchObject({
      code: 'NO_ELECTION',
    });
    const m2 = await fetchLetterManifest({ baseUrl: h.url }, 'aksu-2026');
    for (const bad of [
      { voters: [] },
      { voters: [voters[0]!, voters[0]!] },
      { voters: [{ ...voters[0]!, voter: 'not a reference' }] },
      { election: '../etc' },
      { boothUrl: 'javascript:alert(1)' },
    ])
      await expect(generateCredentialFiles({ ...base, manifest: m2, ...bad })).rejects.toMatchObject({
        code: expect.stringMatching(/BAD_ARGUMENT|MANIFEST_MISMATCH/),
      });
    const file = join(out, 'bad.json');
    writeFileSync(file, JSON.stringify({ election: 'aksu-2026' }));
    expect(() => readLetterManifest(file, 'aksu-2026')).toThrow(
      expect.objectContaining({ code: 'BAD_MANIFEST' }),
    );
  });
});

describe('POST /api/elections/:id/credentials', () => {
  it('publishes the generated list: credentials table and board entry, matching fingerprints', async () => {
    electionWithRoll('aksu-2026', 7);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['aksu-2026'] });
    const manifest = await fetchLetterManifest({ baseUrl: h.url }, 'aksu-2026');
    const voters = credentialVoters(h.server.ctx, 'aksu-2026');
    const gen = await generateCredentialFiles({ election: 'aksu-2026', voters, outDir: out, manifest });
    const res = await publishCredentials(
      { baseUrl: h.url, token: authority },
      'aksu-2026',
      gen.files.publicList,
    );
    expect(res.count).toBe(7);
    expect(res.fingerprint).toBe(gen.fingerprint);

    const list = JSON.parse(readFileSync(gen.files.publicList, 'utf8')).list;
    const rows = h.server.ctx.db
      .prepare('SELECT public_key FROM credentials WHERE election = ? ORDER BY public_key')
      .all('aksu-2026') as { public_key: string }[];
    expect(rows.map((r) => r.public_key)).toEqual(list);
    const entry = h.server.ctx.board.latest('aksu-2026', 'credentials')!;
    expect(entry.payload).toEqual({ count: 7, list });
    expect(entry.seq).toBe(res.seq);
    expect(entry.hash).toBe(res.hash);
    expect(credentialListFingerprint((entry.payload as { list: string[] }).list)).toBe(gen.fingerprint);
    // The binding stays private: each voter's key in credential_owners, none of it on the board.
    const owners = h.server.ctx.db
      .prepare('SELECT voter, public_key FROM credential_owners WHERE election = ? ORDER BY voter')
      .all('aksu-2026') as { voter: string; public_key: string }[];
    const written = JSON.parse(readFileSync(gen.files.owners, 'utf8')).owners as {
      voter: string;
      credential: string;
    }[];
    expect(owners.map((o) => [o.voter, o.public_key])).toEqual(
      written.map((o) => [o.voter, o.credential]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const board = (await h.api('GET', '/api/elections/aksu-2026/board')).text;
    for (const o of owners) expect(board).not.toContain(o.voter);
    expect(auditLog(h.server.ctx, 'aksu-2026').map((a) => a.action)).toContain('credentials.publish');
    const view = await h.api('GET', '/api/elections/aksu-2026');
    expect(view.body.missing).not.toContain('credentials');
  });

  it('refuses, writing nothing: no session, wrong role, no grant, no roll, bad lists', async () => {
    electionWithRoll('aksu-2026', 3);
    electionWithRoll('noroll-1', 0, false);
    const elections = ['aksu-2026', 'noroll-1'];
    const authority = await h.signIn('credential-authority', undefined, { elections });
    const commission = await h.signIn('commission', undefined, { elections });
    const keys = validKeys(3, 'aksu-2026');
    const [k0, k1, k2] = keys as [string, string, string];
    const nonCanonical = hexToB64('ed' + 'ff'.repeat(30) + '7f'); // y = p
    const smallOrder = hexToB64('01' + '00'.repeat(31)); // the identity
    const withIdentity = [smallOrder, k0, k1].sort();
    const owners = ownersOf('aksu-2026', keys);
    const [r0, , r2] = owners as [string, string, string];
    const with_ = (list: string[]) => ({ list, owners: ownersOf('aksu-2026', list) });
    /** The right owner map with its second voter replaced. */
    const secondLine = (voter: string) => ({ list: keys, owners: [r0, voter, r2] });
    const before = h.snapshot();
    const cases: [string, unknown, string | null, number, string, string?][] = [
      ['aksu-2026', { list: keys, owners }, null, 401, 'NOT_SIGNED_IN'],
      ['aksu-2026', { list: keys, owners }, commission, 403, 'FORBIDDEN'],
      // An election the account holds no grant on, whether or not it exists (SPEC §10.13).
      ['missing-1', { list: keys, owners }, authority, 403, 'NOT_GRANTED'],
      ['noroll-1', { list: keys, owners }, authority, 409, 'NO_ROLL'],
      ['aksu-2026', with_(keys.slice(0, 2)), authority, 422, 'COUNT_MISMATCH'],
      ['aksu-2026', with_([...keys, ...validKeys(1)].sort()), authority, 422, 'COUNT_MISMATCH'],
      ['aksu-2026', with_([k1, k0, k2]), authority, 400, 'CRYPTO_BAD_PARAMS', 'list[1]'],
      ['aksu-2026', with_([k0, k0, k1]), authority, 400, 'CRYPTO_BAD_PARAMS', 'list[1]'],
      ['aksu-2026', with_([k0, k1, nonCanonical].sort()), authority, 400, 'CRYPTO_NON_CANONICAL'],
      // Random keys may sort before AQAA…, so the field is wherever the identity lands.
      [
        'aksu-2026',
        with_(withIdentity),
        authority,
        400,
        'CRYPTO_IDENTITY',
        `list[${withIdentity.indexOf(smallOrder)}]`,
      ],
      // Sorted: the respellings of k2 still sort after k0 and k1, so only the spelling is wrong.
      ['aksu-2026', with_([k0, k1, withUnusedBits(k2)]), authority, 400, 'CRYPTO_BAD_BASE64', 'list[2]'],
      ['aksu-2026', with_([k0, k1, `${k2.slice(0, 42)}=`]), authority, 400, 'CRYPTO_BAD_BASE64', 'list[2]'],
      ['aksu-2026', with_([k0, k1, b64ToHex(k2)]), authority, 400, 'CRYPTO_BAD_LENGTH', 'list[2]'],
      ['aksu-2026', with_([k0, k1, k2.slice(2)]), authority, 400, 'CRYPTO_BAD_LENGTH', 'list[2]'],
      // The owner map (§10.7 rule 6): one roll voter per key, every key once, nobody twice.
      ['aksu-2026', { list: keys }, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', { list: keys, owners: owners.slice(0, 2) }, authority, 422, 'OWNERS_MISMATCH', 'owners'],
      ['aksu-2026', { list: keys, owners: [...owners, r0] }, authority, 422, 'OWNERS_MISMATCH', 'owners'],
      // The second voter changed: a voter twice, a reference of nobody on this roll.
      ['aksu-2026', secondLine(r0), authority, 422, 'OWNERS_MISMATCH', 'owners[1]'],
      ['aksu-2026', secondLine('AAAAAAAAAAAAAAAAAAAAAA'), authority, 422, 'OWNERS_MISMATCH', 'owners[1]'],
      ['aksu-2026', { list: keys, owners: [{ voter: r0 }, r0, r2] }, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', { list: keys, owners: [r0, 'not a reference', r2] }, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', { list: keys, owners, count: 3 }, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', { list: [1, 2, 3], owners }, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', keys, authority, 400, 'BAD_REQUEST'],
      ['aksu-2026', '{"list": [', authority, 400, 'BAD_JSON'],
      ['Bad id!', { list: keys, owners }, authority, 400, 'BAD_REQUEST'],
    ];
    for (const [id, body, token, status, code, field] of cases) {
      const r = await h.api('POST', `/api/elections/${encodeURIComponent(id)}/credentials`, body, token);
      expect([id, r.status, r.body?.error?.code]).toEqual([id, status, code]);
      if (field) expect(r.body.error.details.field).toBe(field);
    }
    expect(h.snapshot()).toEqual(before);
    expect(h.server.ctx.board.latest('aksu-2026', 'credentials')).toBeNull();
  });

  it('publishes only once, and not after voting opened', async () => {
    electionWithRoll('aksu-2026', 2);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['aksu-2026'] });
    const publish = (keys: string[]) =>
      h.api(
        'POST',
        '/api/elections/aksu-2026/credentials',
        { list: keys, owners: ownersOf('aksu-2026', keys) },
        authority,
      );
    const first = await publish(validKeys(2));
    expect(first.status).toBe(201);
    let before = h.snapshot();
    const again = await publish(validKeys(2));
    expect([again.status, again.body.error.code]).toEqual([409, 'CREDENTIALS_EXIST']);
    expect(h.snapshot()).toEqual(before);

    const open = openElectionFixture(h, { id: 'open-1', voters: 3 }); // moves the clock to election day
    const authority2 = await h.signIn('credential-authority', undefined, { elections: [open.id] });
    before = h.snapshot();
    const keys3 = validKeys(3);
    const late = await h.api(
      'POST',
      `/api/elections/${open.id}/credentials`,
      { list: keys3, owners: open.subjects },
      authority2,
    );
    expect([late.status, late.body.error.code]).toEqual([409, 'ELECTION_STATE']);
    expect(h.snapshot()).toEqual(before);
  });

  it('publishCredentials checks the file before sending anything', async () => {
    electionWithRoll('aksu-2026', 2);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['aksu-2026'] });
    const api = { baseUrl: h.url, token: authority };
    const before = h.snapshot();
    const write = (v: unknown, owners: unknown = null) => {
      const dir = mkdtempSync(join(out, 'p'));
      const f = join(dir, 'public-credentials.json');
      writeFileSync(f, JSON.stringify(v));
      if (owners !== null) writeFileSync(join(dir, 'credential-owners.json'), JSON.stringify(owners));
      return f;
    };
    const keys = validKeys(2);
    // credential-owners.json as the generator writes it: {voter, credential} pairs.
    const ownerFile = (list: string[], election = 'aksu-2026') => ({
      election,
      count: list.length,
      owners: ownersOf('aksu-2026', list).map((voter, i) => ({ voter, credential: list[i]! })),
    });
    await expect(
      publishCredentials(
        api,
        'aksu-2026',
        write({ election: 'other', count: 2, list: keys }, ownerFile(keys, 'other')),
      ),
    ).rejects.toMatchObject({ code: 'MANIFEST_MISMATCH' });
    await expect(
      publishCredentials(
        api,
        'aksu-2026',
        write({ election: 'aksu-2026', count: 2, list: [keys[1], keys[0]] }, ownerFile(keys)),
      ),
    ).rejects.toMatchObject({ code: 'CRYPTO_BAD_PARAMS' });
    await expect(
      publishCredentials(
        api,
        'aksu-2026',
        write({ election: 'aksu-2026', count: 3, list: keys }, ownerFile(keys)),
      ),
    ).rejects.toMatchObject({ code: 'BAD_FILE' });
    // No owner map beside the list, or one that maps onto other keys.
    await expect(
      publishCredentials(api, 'aksu-2026', write({ election: 'aksu-2026', count: 2, list: keys })),
    ).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(
      publishCredentials(
        api,
        'aksu-2026',
        write({ election: 'aksu-2026', count: 2, list: keys }, ownerFile(validKeys(2))),
      ),
    ).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(publishCredentials(api, 'aksu-2026', join(out, 'none.json'))).rejects.toMatchObject({
      code: 'BAD_FILE',
    });
    expect(h.snapshot()).toEqual(before);
  });

  it('takes a 10,000-key list with its owner map (0.7 MB) when its own body parser is mounted before the app-wide one', async () => {
    const ctx = h.server.ctx;
    electionWithRoll('big-1', 10_000);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['big-1'] });
    // The app as app.ts should build it (see credentialsUpload), on the harness's database.
    const app = express();
    app.post(CREDENTIALS_PATH, ...credentialsUpload(ctx));
    app.use(express.json({ limit: JSON_LIMIT, strict: true }));
    app.use(credentialRoutes(ctx));
    app.use(errorHandler(ctx.log));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/elections/big-1/credentials`;
      const list = validKeys(10_000, 'big-1');
      const body = JSON.stringify({ list, owners: ownersOf('big-1', list) });
      expect(body.length).toBeGreaterThan(700_000); // far above the app-wide 256 KB
      const post = (token: string | null) =>
        fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body,
        });
      const elsewhere = await h.signIn('credential-authority', 'ca-elsewhere');
      const before = h.snapshot();
      const anonymous = await post(null);
      expect([
        anonymous.status,
        ((await anonymous.json()) as { error: { code: string } }).error.code,
      ]).toEqual([401, 'NOT_SIGNED_IN']);
      // The authority of another election is refused at the same door, before the body is read.
      const other = await post(elsewhere);
      expect([other.status, ((await other.json()) as { error: { code: string } }).error.code]).toEqual([
        403,
        'NOT_GRANTED',
      ]);
      expect(h.snapshot()).toEqual(before);
      const t = performance.now();
      const r = await post(authority);
      const ms = performance.now() - t;
      expect(r.status).toBe(201);
      expect(((await r.json()) as { fingerprint: string }).fingerprint).toBe(credentialListFingerprint(list));
      expect(h.snapshot().credentials).toBe(before.credentials! + 10_000);
      expect(h.snapshot().credential_owners).toBe(before.credential_owners! + 10_000);
      expect(ms).toBeLessThan(15_000);
    } finally {
      server.close();
    }
  });
});

describe('GET /api/elections/:id/credentials/voters', () => {
  it('gives the credential authority every roll voter’s reference, name and address, never an IIN', async () => {
    electionWithRoll('aksu-2026', 5);
    electionWithRoll('noroll-1', 0, false);
    const authority = await h.signIn('credential-authority', undefined, {
      elections: ['aksu-2026', 'noroll-1'],
    });
    const r = await h.api('GET', '/api/elections/aksu-2026/credentials/voters', undefined, authority);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.count).toBe(5);
    const iins = (
      h.server.ctx.db.prepare('SELECT iin FROM voters WHERE election = ?').all('aksu-2026') as {
        iin: string;
      }[]
    ).map((x) => x.iin);
    for (const iin of iins) expect(r.text).not.toContain(iin);
    for (const v of r.body.voters)
      expect(Object.keys(v).sort()).toEqual([
        'address',
        'givenName',
        'patronymic',
        'settlement',
        'surname',
        'voter',
      ]);
    expect(new Set(r.body.voters.map((v: { voter: string }) => v.voter)).size).toBe(5);
    const commission = await h.signIn('commission', undefined, { elections: ['aksu-2026'] });
    const before = h.snapshot();
    for (const [path, token, status, code] of [
      ['/api/elections/aksu-2026/credentials/voters', null, 401, 'NOT_SIGNED_IN'],
      ['/api/elections/aksu-2026/credentials/voters', commission, 403, 'FORBIDDEN'],
      ['/api/elections/noroll-1/credentials/voters', authority, 409, 'NO_ROLL'],
      ['/api/elections/missing-1/credentials/voters', authority, 403, 'NOT_GRANTED'],
    ] as const) {
      const x = await h.api('GET', path, undefined, token);
      expect([path, x.status, x.body.error.code]).toEqual([path, status, code]);
    }
    expect(h.snapshot()).toEqual(before);
  });
});
