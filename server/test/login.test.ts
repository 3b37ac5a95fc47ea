import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createElection } from '../src/index.ts';
import { auditLog } from '../src/audit.ts';
import { errorHandler } from '../src/http/errors.ts';
import { makeIin, syntheticVoters, writeSyntheticRoll } from '../src/roll/synthetic.ts';
import { checkVoterToken, voterRef } from '../src/voters/tokens.ts';
import { AuthenticatorRegistry } from '../src/voters/authenticator.ts';
import { defaultAuthenticators, loginVoter } from '../src/voters/login.ts';
import { LOGIN_CODE_ALPHABET, normalizeLoginCode } from '../src/voters/login-codes.ts';
import { loginRateLimit } from '../src/voters/rate-limit.ts';
import {
  createdAt,
  DISTRICT,
  ELECTION_DAY,
  startHarness,
  type Harness,
  openElectionFixture,
  VOTING_DAY_MORNING,
  type OpenElection,
} from '@saylau/test-kit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** At least two (iin, code) pairs, as openWithCodes gives. */
type Pairs = [[string, string], [string, string], ...[string, string][]];

const CODE = new RegExp(`^[${LOGIN_CODE_ALPHABET}]{5}-[${LOGIN_CODE_ALPHABET}]{5}$`);

/** An open election with login codes issued over HTTP; returns the codes by IIN. */
async function openWithCodes(voters = 5): Promise<{ e: OpenElection; codes: Map<string, string> }> {
  const e = openElectionFixture(h, { voters });
  const commission = await h.signIn('commission', undefined, { elections: [e.id] });
  const r = await h.api('POST', `/api/elections/${e.id}/login-codes`, {}, commission);
  expect(r.status).toBe(201);
  return { e, codes: new Map(r.body.codes.map((c: { iin: string; code: string }) => [c.iin, c.code])) };
}

/** Valid IINs that are on no roll here (synthetic voters use other serials). */
const STRANGER = makeIin('1960-03-04', 'male', 9001);
const STRANGER2 = makeIin('1971-11-30', 'female', 9002);

const login = (id: string, body: unknown) => h.api('POST', `/api/elections/${id}/login`, body);

/** An election in nominations with an accepted roll (the rows and entry the roll step writes). */
function electionWithRoll(id: string, voters: number) {
  const ctx = h.server.ctx;
  createElection(ctx, { id, district: DISTRICT, electionDay: ELECTION_DAY }, 'test', createdAt(h));
  const rows = syntheticVoters(voters, ELECTION_DAY, 9);
  writeSyntheticRoll(ctx, id, rows, 'e'.repeat(64));
  return rows;
}

const loginRow = (id: string, iin: string) =>
  h.server.ctx.db
    .prepare('SELECT code_hash, failures, locked FROM login_codes WHERE election = ? AND iin = ?')
    .get(id, iin) as { code_hash: string; failures: number; locked: number };

describe('POST /api/elections/:id/login-codes', () => {
  it('issues one code per voter once, storing only a keyed hash', async () => {
    const e = openElectionFixture(h, { voters: 6 });
    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    const r = await h.api('POST', `/api/elections/${e.id}/login-codes`, {}, commission);
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.count).toBe(6);
    const codes = r.body.codes as { iin: string; code: string }[];
    expect(codes.map((c) => c.iin).sort()).toEqual(e.voters.map((v) => v.iin).sort());
    for (const c of codes) expect(c.code).toMatch(CODE);
    expect(new Set(codes.map((c) => c.code)).size).toBe(6);
    const dump = JSON.stringify(h.server.ctx.db.prepare('SELECT * FROM login_codes').all());
    for (const c of codes) {
      expect(dump).not.toContain(c.code);
      expect(dump).not.toContain(normalizeLoginCode(c.code));
      expect(loginRow(e.id, c.iin)).toMatchObject({ failures: 0, locked: 0 });
      expect(loginRow(e.id, c.iin).code_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const log = auditLog(h.server.ctx, e.id).filter((a) => a.action === 'login-codes.issue');
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toMatch(/\d{12}/);

    const before = h.snapshot();
    const again = await h.api('POST', `/api/elections/${e.id}/login-codes`, {}, commission);
    expect([again.status, again.body.error.code]).toEqual([409, 'LOGIN_CODES_EXIST']);
    expect(h.snapshot()).toEqual(before);
    for (const row of JSON.parse(dump)) expect(loginRow(e.id, row.iin).code_hash).toBe(row.code_hash);
  });

  it('gives a formula-safe CSV with names and addresses for mail merge', async () => {
    const rows = electionWithRoll('aksu-2026', 4);
    const evil = '=HYPERLINK("http://x.example/";"click")';
    h.server.ctx.db.prepare('UPDATE voters SET surname = ? WHERE iin = ?').run(evil, rows[0]!.iin);
    const commission = await h.signIn('commission', undefined, { elections: ['aksu-2026'] });
    const res = await fetch(`${h.url}/api/elections/aksu-2026/login-codes?format=csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${commission}` },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('login-codes-aksu-2026.csv');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('"iin";"surname";"given_name";"patronymic";"settlement";"address";"login_code"');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith(`"${rows[0]!.iin}"`))).toContain(
      `;"'=HYPERLINK(""http://x.example/"";""click"")";`,
    );
    for (const l of lines.slice(1)) {
      const cells = l.split('";"').map((c) => c.replace(/^"|"$/g, ''));
      const v = rows.find((x) => x.iin === cells[0])!;
      if (v !== rows[0])
        expect(cells.slice(1, 6)).toEqual([v.surname, v.givenName, v.patronymic, v.settlement, v.address]);
      expect(cells.at(-1)).toMatch(CODE);
    }
  });

  it('refuses, writing nothing: no session, wrong role, no roll, after voting closed, bad input', async () => {
    electionWithRoll('aksu-2026', 3);
    createElection(
      h.server.ctx,
      { id: 'noroll-1', district: DISTRICT, electionDay: ELECTION_DAY },
      't',
      createdAt(h),
    );
    const elections = ['aksu-2026', 'noroll-1'];
    const commission = await h.signIn('commission', undefined, { elections });
    const authority = await h.signIn('credential-authority', undefined, { elections });
    const before = h.snapshot();
    const cases: [string, unknown, string | null, number, string][] = [
      ['/api/elections/aksu-2026/login-codes', {}, null, 401, 'NOT_SIGNED_IN'],
      ['/api/elections/aksu-2026/login-codes', {}, authority, 403, 'FORBIDDEN'],
      // An unknown election is one this commission holds no grant on (SPEC §10.13).
      ['/api/elections/missing/login-codes', {}, commission, 403, 'NOT_GRANTED'],
      ['/api/elections/noroll-1/login-codes', {}, commission, 409, 'NO_ROLL'],
      ['/api/elections/aksu-2026/login-codes', { all: true }, commission, 400, 'BAD_REQUEST'],
      ['/api/elections/aksu-2026/login-codes?format=pdf', {}, commission, 400, 'BAD_REQUEST'],
      ['/api/elections/aksu-2026/login-codes/123', {}, commission, 400, 'BAD_REQUEST'],
      [`/api/elections/aksu-2026/login-codes/${STRANGER}`, {}, commission, 404, 'NOT_ON_ROLL'],
    ];
    for (const [path, body, token, status, code] of cases) {
      const r = await h.api('POST', path, body, token);
      expect([path, r.status, r.body?.error?.code]).toEqual([path, status, code]);
    }
    // Reissue before the roll's codes were issued.
    const iin = (h.server.ctx.db.prepare('SELECT iin FROM voters LIMIT 1').get() as { iin: string }).iin;
    const r = await h.api('POST', `/api/elections/aksu-2026/login-codes/${iin}`, {}, commission);
    expect([r.status, r.body.error.code]).toEqual([409, 'NO_LOGIN_CODES']);
    expect(h.snapshot()).toEqual(before);

    // After voting closes nothing is issued.
    const e = openElectionFixture(h, { id: 'open-2', voters: 2 });
    h.now.value = new Date(`${ELECTION_DAY}T20:00:00+05:00`);
    const c2 = await h.signIn('commission', undefined, { elections: [e.id] });
    const before2 = h.snapshot();
    const late = await h.api('POST', `/api/elections/${e.id}/login-codes`, {}, c2);
    expect([late.status, late.body.error.code]).toEqual([409, 'TOO_LATE']);
    expect(h.snapshot()).toEqual(before2);
  });
});

describe('POST /api/elections/:id/login', () => {
  it('signs a voter in with IIN and code: a single-use token for this election, no IIN in it', async () => {
    const { e, codes } = await openWithCodes();
    const [iin, code] = [...codes][0]!;
    const before = h.snapshot();
    const r = await login(e.id, { iin, code });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.expiresAt).toBe(new Date(VOTING_DAY_MORNING.getTime() + 15 * 60_000).toISOString());
    const checked = await checkVoterToken(h.server.ctx, e.id, r.body.token);
    expect(checked.subject).toBe(voterRef(h.server.ctx, e.id, iin));
    const payload = Buffer.from(r.body.token.split('.')[1], 'base64url').toString();
    expect(payload).not.toContain(iin);
    expect(h.snapshot()).toEqual(before); // sign-in writes no rows (a token is recorded when used)

    // The same code signs in again (revoting, retry after a lost response), typed loosely.
    const loose = code.toLowerCase().replace('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    const again = await login(e.id, { iin, code: loose });
    expect(again.status).toBe(200);
    expect(again.body.token).not.toBe(r.body.token);
  });

  it('refuses a wrong code and an unknown IIN alike', async () => {
    const { e, codes } = await openWithCodes();
    const [[iin, code], [, other]] = [...codes] as Pairs;
    expect(e.voters.map((v) => v.iin)).not.toContain(STRANGER);
    expect(e.voters.map((v) => v.iin)).not.toContain(STRANGER2);
    const before = h.snapshot();
    const wrong = await login(e.id, { iin, code: other });
    const unknown = await login(e.id, { iin: STRANGER, code });
    const unknown2 = await login(e.id, { iin: STRANGER2, code: other });
    for (const r of [wrong, unknown, unknown2]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error: { code: 'BAD_LOGIN', message: 'wrong IIN or login code' } });
    }
    expect(h.snapshot()).toEqual(before);
    expect(loginRow(e.id, iin).failures).toBe(1);
  });

  it('writes and commits one row for an unknown IIN as for a wrong code, so timing does not tell them apart', async () => {
    const { e, codes } = await openWithCodes();
    const [[iin], [, other]] = [...codes] as Pairs;
    const db = h.server.ctx.db;
    /**
     * A checkpoint run to its end: the server's checkpointer thread checkpoints every 200 ms, and
     * while it does, this connection's checkpoint is busy (log -1), so it is tried again.
     */
    const checkpoint = async (mode: 'TRUNCATE' | 'PASSIVE') => {
      for (let i = 0; i < 100; i++) {
        const r = (db.pragma(`wal_checkpoint(${mode})`) as { busy: number; log: number }[])[0]!;
        if (r.busy === 0 && r.log >= 0) return r.log;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`wal_checkpoint(${mode}) stayed busy`);
    };
    /** The WAL frames (pages) a sign-in commits: the WAL is emptied first and read after. */
    const framesOf = async (body: { iin: string; code: string }) => {
      await checkpoint('TRUNCATE');
      const r = await login(e.id, body);
      expect([r.status, r.body.error.code]).toEqual([401, 'BAD_LOGIN']);
      return checkpoint('PASSIVE');
    };
    const wrong = await framesOf({ iin, code: other });
    const unknown = await framesOf({ iin: STRANGER, code: other });
    const unknownAgain = await framesOf({ iin: STRANGER2, code: other });
    expect(wrong).toBeGreaterThan(0);
    expect([unknown, unknownAgain]).toEqual([wrong, wrong]);
    // What each wrote: a failure on the roll IIN; the election's count of IINs with no code.
    expect(loginRow(e.id, iin)).toMatchObject({ failures: 1, locked: 0 });
    expect(db.prepare('SELECT count FROM login_misses WHERE election = ?').get(e.id)).toEqual({ count: 2 });
  });

  it('locks an IIN after 5 wrong codes until the commission reissues its code', async () => {
    const { e, codes } = await openWithCodes();
    const [[iin, code], [iin2, code2]] = [...codes] as Pairs;
    const wrong = code2;
    for (let i = 1; i <= 5; i++) {
      const r = await login(e.id, { iin, code: wrong });
      expect([i, r.status, r.body.error.code]).toEqual([i, 401, 'BAD_LOGIN']);
    }
    expect(loginRow(e.id, iin)).toMatchObject({ failures: 5, locked: 1 });
    const locked = await login(e.id, { iin, code });
    expect([locked.status, locked.body.error.code]).toEqual([423, 'LOCKED']);
    // Another voter is not affected.
    expect((await login(e.id, { iin: iin2, code: code2 })).status).toBe(200);

    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    const re = await h.api('POST', `/api/elections/${e.id}/login-codes/${iin}`, {}, commission);
    expect(re.status).toBe(200);
    expect(re.headers.get('cache-control')).toBe('no-store');
    expect(re.body.iin).toBe(iin);
    expect(re.body.code).toMatch(CODE);
    expect(loginRow(e.id, iin)).toMatchObject({ failures: 0, locked: 0 });
    const entry = auditLog(h.server.ctx, e.id).find((a) => a.action === 'login-code.reissue')!;
    expect(entry.details).toEqual({ voter: voterRef(h.server.ctx, e.id, iin) });
    expect(JSON.stringify(entry)).not.toContain(iin);

    // The old code no longer works; the new one does.
    expect((await login(e.id, { iin, code })).status).toBe(401);
    expect((await login(e.id, { iin, code: re.body.code })).status).toBe(200);
  });

  it('resets the failure count on success', async () => {
    const { e, codes } = await openWithCodes();
    const [[iin, code], [, wrong]] = [...codes] as Pairs;
    for (let i = 0; i < 4; i++) await login(e.id, { iin, code: wrong });
    expect((await login(e.id, { iin, code })).status).toBe(200);
    expect(loginRow(e.id, iin).failures).toBe(0);
    for (let i = 0; i < 4; i++) await login(e.id, { iin, code: wrong });
    expect((await login(e.id, { iin, code })).status).toBe(200);
  });

  it('refuses while the election is not accepting ballots', async () => {
    electionWithRoll('aksu-2026', 2);
    const commission = await h.signIn('commission', undefined, { elections: ['aksu-2026'] });
    const issued = await h.api('POST', '/api/elections/aksu-2026/login-codes', {}, commission);
    const { iin, code } = issued.body.codes[0];
    let before = h.snapshot();
    const early = await login('aksu-2026', { iin, code });
    expect([early.status, early.body.error.code]).toEqual([409, 'NOT_OPEN']);
    expect(h.snapshot()).toEqual(before);

    const { e, codes } = await openWithCodes();
    const [i2, c2] = [...codes][0]!;
    h.now.value = new Date(`${ELECTION_DAY}T20:00:00+05:00`);
    before = h.snapshot();
    const late = await login(e.id, { iin: i2, code: c2 });
    expect([late.status, late.body.error.code]).toEqual([409, 'NOT_OPEN']);
    expect(h.snapshot()).toEqual(before);
    expect(loginRow(e.id, i2).failures).toBe(0);
    const missing = await login('no-such', { iin: i2, code: c2 });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NO_ELECTION']);
  });

  it('refuses malformed bodies without counting a failure', async () => {
    const { e, codes } = await openWithCodes();
    const [iin, code] = [...codes][0]!;
    const before = h.snapshot();
    const cases: [unknown, number, string][] = [
      [{ iin }, 400, 'BAD_REQUEST'],
      [{ code }, 400, 'BAD_REQUEST'],
      [{ iin, code, extra: 1 }, 400, 'BAD_REQUEST'],
      [{ iin: iin.slice(1), code }, 400, 'BAD_REQUEST'],
      [{ iin: iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10), code }, 400, 'BAD_IIN'],
      [{ iin: '991301300000', code }, 400, 'BAD_IIN'],
      [{ iin: Number(iin), code }, 400, 'BAD_REQUEST'],
      [{ iin, code: '' }, 400, 'BAD_REQUEST'],
      [{ iin, code: 'x'.repeat(41) }, 400, 'BAD_REQUEST'],
      [{ iin, code: code.slice(0, 9) }, 400, 'BAD_LOGIN_CODE'],
      [{ iin, code: code.replace(/.$/, 'U') }, 400, 'BAD_LOGIN_CODE'],
      [[iin, code], 400, 'BAD_REQUEST'],
      ['{"iin":', 400, 'BAD_JSON'],
      [null, 400, 'BAD_JSON'],
      [undefined, 400, 'BAD_REQUEST'],
    ];
    for (const [body, status, errCode] of cases) {
      const r = await login(e.id, body);
      expect([JSON.stringify(body), r.status, r.body?.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        errCode,
      ]);
    }
    const m = await h.api('POST', `/api/elections/${e.id}/login?method=sms`, { iin, code });
    expect([m.status, m.body.error.code, m.body.error.details]).toEqual([
      400,
      'UNKNOWN_METHOD',
      { methods: ['login-code'] },
    ]);
    expect(loginRow(e.id, iin).failures).toBe(0);
    expect(h.snapshot()).toEqual(before);
  });

  it('limits sign-in attempts per client address (default 30 a minute)', async () => {
    const { e, codes } = await openWithCodes();
    const [iin, code] = [...codes][0]!;
    for (let i = 0; i < 30; i++) expect((await login(e.id, { iin: STRANGER, code })).status).toBe(401);
    const before = h.snapshot();
    const r = await login(e.id, { iin, code });
    expect(r.status).toBe(429);
    expect(r.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'too many sign-in attempts from this address; try again later',
      },
    });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(h.snapshot()).toEqual(before);
    // Other endpoints are not limited.
    expect((await h.api('GET', `/api/elections/${e.id}`)).status).toBe(200);
  });

  it('takes its limits from options (a small window here)', async () => {
    const app = express();
    app.post('/login', loginRateLimit({ limit: 2, windowMs: 400 }), (_req, res) => res.json({ ok: true }));
    app.use(errorHandler(() => {}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;
    try {
      const post = async () => (await fetch(url, { method: 'POST' })).status;
      expect([await post(), await post(), await post()]).toEqual([200, 200, 429]);
      const limited = (await (await fetch(url, { method: 'POST' })).json()) as { error: { code: string } };
      expect(limited.error.code).toBe('RATE_LIMITED');
      await new Promise((r) => setTimeout(r, 500));
      expect(await post()).toBe(200);
    } finally {
      server.close();
    }
  });

  it('accepts other authenticators through the registry', async () => {
    const e = openElectionFixture(h, { voters: 2 });
    const ctx = h.server.ctx;
    const registry = defaultAuthenticators().register({
      name: 'sms',
      async authenticate(c, election, body) {
        const b = body as { phone?: string; otp?: string };
        return b.otp === '123456'
          ? { ok: true, subject: voterRef(c, election.id, e.voters[0]!.iin) }
          : { ok: false, status: 401, code: 'BAD_OTP', message: 'wrong one-time code' };
      },
    });
    expect(registry.names()).toEqual(['login-code', 'sms']);
    const t = await loginVoter(ctx, registry, e.id, 'sms', { phone: '+77000000000', otp: '123456' });
    expect((await checkVoterToken(ctx, e.id, t.token)).subject).toBe(voterRef(ctx, e.id, e.voters[0]!.iin));
    await expect(loginVoter(ctx, registry, e.id, 'sms', { otp: '000000' })).rejects.toMatchObject({
      status: 401,
      code: 'BAD_OTP',
    });
    expect(() =>
      registry.register({ name: 'sms', authenticate: async () => ({ ok: true, subject: 'x' }) }),
    ).toThrow();
    expect(() =>
      new AuthenticatorRegistry('x').register({
        name: 'Bad Name',
        authenticate: async () => ({ ok: true, subject: 'x' }),
      }),
    ).toThrow();
  });
});
