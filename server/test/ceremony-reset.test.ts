/**
 * Starting the key ceremony again (SPEC §10.6.7): every refusal of POST …/ceremony/reset writes
 * nothing; a ceremony that cannot finish is reset, the abandoned round's state files and keys are
 * refused, a new round finishes, the election runs to a result and the verifier passes its board.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBoard } from '@saylau/verifier';
import { createElection } from '../src/index.ts';
import Database from 'better-sqlite3';
import { createUser } from '../src/auth/users.ts';
import { MIGRATIONS, openDatabase } from '../src/database.ts';
import { localTime } from '../src/elections/calendar.ts';
import {
  ELECTION_DAY,
  prepareElection,
  as,
  castAll,
  closeVoting,
  signInAll,
  type Actors,
  callText,
  checkDealings,
  computeShare,
  deal,
  decryptTally,
  initTrustee,
  loadState,
  registerTrustee,
  TrusteeError,
} from '@saylau/tools';
import { ENDPOINTS } from '@saylau/protocol';
import { auditLog } from '../src/audit.ts';
import {
  DISTRICT,
  ELECTION_DAY as FIXTURE_DAY,
  expectRefused,
  startHarness,
  type ApiResponse,
  type Harness,
  ceremonyElectionFixture,
  registerTrustees,
  runCeremony,
} from '@saylau/test-kit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const path = (id: string, rest = '') => `/api/elections/${id}${rest}`;
const REASON = { reason: 'two trustees lost their keys' };

/** Refused with this status and code, and not one row written anywhere (harness.ts). */
const refused = (req: () => Promise<ApiResponse>, status: number, code?: string) =>
  expectRefused(h, req, status, code);

async function election(id: string) {
  createElection(h.server.ctx, { id, district: DISTRICT, electionDay: FIXTURE_DAY }, 'fixture');
  return h.signIn('commission', `${id}-chair`, { elections: [id] });
}

const types = (id: string) => [...h.server.ctx.board.entries(id)].map((e) => e.type);

describe('POST …/ceremony/reset refusals (nothing written)', () => {
  it('401, 403 (role, grant), 400 BAD_REQUEST, 409 NO_CEREMONY before and after a reset', async () => {
    const id = 'rst-1';
    const commission = await election(id);
    const trustees = await registerTrustees(h, id, 2);
    const reset = (body: unknown, token: string | null = commission) =>
      h.api('POST', path(id, '/ceremony/reset'), body, token);
    await refused(() => reset(REASON, null), 401);
    await refused(() => reset(REASON, trustees[0]!.token), 403);
    // An unknown election is one this commission holds no grant on (SPEC §10.13).
    await refused(
      () => h.api('POST', path('nope', '/ceremony/reset'), REASON, commission),
      403,
      'NOT_GRANTED',
    );
    await refused(() => reset(REASON), 409, 'NO_CEREMONY');
    expect((await h.api('POST', path(id, '/ceremony/start'), { t: 2 }, commission)).status).toBe(201);
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x'.repeat(501) },
      { ...REASON, t: 2 },
    ])
      await refused(() => reset(body), 400, 'BAD_REQUEST');
    const r = await reset({ reason: 'x'.repeat(500) });
    expect(r.status, r.text).toBe(201);
    expect(r.body.round).toBe(1);
    // Round 1 has no ceremony yet: nothing to abandon.
    await refused(() => reset(REASON), 409, 'NO_CEREMONY');
  });

  it('409 CEREMONY_FINISHED once the joint key is out', async () => {
    const id = 'rst-2';
    const commission = await election(id);
    await runCeremony(h, id, commission);
    await refused(
      () => h.api('POST', path(id, '/ceremony/reset'), REASON, commission),
      409,
      'CEREMONY_FINISHED',
    );
    expect(types(id)).not.toContain('ceremony-reset');
  });

  it('409 ELECTION_STATE once voting has opened', async () => {
    const e = await ceremonyElectionFixture(h, { id: 'rst-3', voters: 2 });
    await refused(
      () => h.api('POST', path(e.id, '/ceremony/reset'), REASON, e.commission),
      409,
      'ELECTION_STATE',
    );
  });
});

/**
 * A new trustee account on the demo's actors, granted `election` by the demo's administrator and
 * signed in (signInAll later refreshes it with the others).
 */
async function addTrusteeUser(a: Actors, name: string, election: string): Promise<void> {
  const password = 'correct horse battery';
  await createUser(a.ctx, name, 'trustee', password);
  a.passwords.set(name, password);
  const r = await h.api('POST', '/api/session', { name, password });
  a.tokens.set(name, r.body.token as string);
  const grant = await h.api('POST', path(election, '/grants'), { user: name }, a.tokens.get('demo-admin'));
  expect(grant.status, grant.text).toBe(201);
}

describe('a ceremony that cannot finish is started again', () => {
  it('t = 3 with one dealer missing → reset → fresh keys, t = 2 → result; the verifier passes the board', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saylau-reset-'));
    h.now.value = new Date(localTime(ELECTION_DAY, 40, '09:00'));
    const id = 'rst-demo';
    const COMMISSION = 'demo-commission';
    const names = ['demo-trustee-1', 'demo-trustee-2', 'demo-trustee-3'];
    let oldFingerprint = '';
    const ceremony = async (a: Actors, election: string, into: string): Promise<string[]> => {
      const chair = a.tokens.get(COMMISSION)!;
      const round0 = join(into, 'round-0');
      const round1 = join(into, 'round-1');
      mkdirSync(round0, { recursive: true });
      mkdirSync(round1, { recursive: true });
      const old = names.map((n) => join(round0, `${n}.json`));
      names.forEach((n, i) => initTrustee(old[i]!, { election, name: n }));
      for (const [i, n] of names.entries()) await registerTrustee(as(a, n), old[i]!);
      expect((await h.api('POST', path(election, '/ceremony/start'), { t: 3 }, chair)).status).toBe(201);
      for (const i of [0, 1]) await deal(as(a, names[i]!), old[i]!);
      // J1 and J3: the ceremony cannot finish, with or without force.
      await refused(
        () => h.api('POST', path(election, '/ceremony/finish'), {}, chair),
        409,
        'DEALINGS_MISSING',
      );
      await refused(
        () => h.api('POST', path(election, '/ceremony/finish'), { force: true }, chair),
        409,
        'NOT_ENOUGH_QUALIFIED',
      );
      const before = (await h.api('GET', path(election, '/ceremony'))).body;
      expect(before).toMatchObject({ round: 0, phase: 'dealing' });
      oldFingerprint = before.ceremony.fingerprint;

      const r = await h.api('POST', path(election, '/ceremony/reset'), REASON, chair);
      expect(r.status, r.text).toBe(201);
      // The reset names its actor on the board and in the audit log.
      expect(r.body).toEqual({ round: 1, ceremony: oldFingerprint, reason: REASON.reason, by: COMMISSION });
      const entry = h.server.ctx.board.latest(election, 'ceremony-reset')!;
      expect(entry.payload).toEqual(r.body);
      expect(auditLog(h.server.ctx, election).filter((x) => x.action === 'ceremony.reset')).toEqual([
        expect.objectContaining({ actor: COMMISSION, details: { round: 1, seq: entry.seq } }),
      ]);
      expect(h.server.ctx.board.head(election)!.seq).toBe(entry.seq);
      const after = (await h.api('GET', path(election, '/ceremony'))).body;
      expect(after).toMatchObject({
        round: 1,
        phase: 'registration',
        trustees: [],
        ceremony: null,
        dealings: [],
        missing: [],
        jointKey: null,
      });

      // The abandoned round's state files are refused by the library itself.
      for (const [i, n] of names.entries()) {
        for (const step of [registerTrustee, deal, checkDealings])
          await expect(step(as(a, n), old[i]!)).rejects.toMatchObject({ code: 'STALE_STATE' });
      }
      await expect(deal(as(a, names[0]!), old[0]!)).rejects.toBeInstanceOf(TrusteeError);
      // Keys of round 0, whole or in part, are refused by the server: their shares are public.
      const s1 = loadState(old[0]!);
      const s3 = loadState(old[2]!);
      const register = (user: string, body: unknown) =>
        h.api('POST', path(election, '/trustees'), body, a.tokens.get(user)!);
      await refused(
        () => register(names[2]!, { name: 'T3', signingKey: s3.signingKey, boxKey: s3.boxKey }),
        409,
        'DUPLICATE_KEY',
      );
      const fresh = join(round1, 'probe.json');
      initTrustee(fresh, { election, name: 'probe' });
      const p = loadState(fresh);
      await refused(
        () => register(names[0]!, { name: 'T1', signingKey: s1.signingKey, boxKey: p.boxKey }),
        409,
        'DUPLICATE_KEY',
      );
      await refused(
        () => register(names[0]!, { name: 'T1', signingKey: p.signingKey, boxKey: s1.boxKey }),
        409,
        'DUPLICATE_KEY',
      );

      // Round 1: trustee 1 again with a new state file, and a new trustee account.
      await addTrusteeUser(a, 'reset-trustee-4', election);
      const who = [names[0]!, 'reset-trustee-4'];
      const files = who.map((n) => join(round1, `${n}.json`));
      who.forEach((n, i) => initTrustee(files[i]!, { election, name: n }));
      expect(await registerTrustee(as(a, who[0]!), files[0]!)).toEqual({ index: 1 });
      expect(await registerTrustee(as(a, who[1]!), files[1]!)).toEqual({ index: 2 });
      expect(loadState(files[0]!).round).toBe(1);
      await refused(
        () => register(who[0]!, { name: 'again', signingKey: p.signingKey, boxKey: p.boxKey }),
        409,
        'ALREADY_REGISTERED',
      );
      const start = await h.api('POST', path(election, '/ceremony/start'), { t: 2 }, chair);
      expect(start.status, start.text).toBe(201);
      expect(start.body.fingerprint).not.toBe(oldFingerprint);
      expect(start.body.trustees.map((x: { name: string }) => x.name)).toEqual(who);
      for (const [i, n] of who.entries()) await deal(as(a, n), files[i]!);
      for (const [i, n] of who.entries())
        expect((await checkDealings(as(a, n), files[i]!)).complaints).toEqual([]);
      const fin = await h.api('POST', path(election, '/ceremony/finish'), {}, chair);
      expect(fin.status, fin.text).toBe(201);
      expect(fin.body.qualified).toEqual([1, 2]);
      for (const [i, n] of who.entries()) await computeShare(as(a, n), files[i]!);
      // The old round's state is still refused once the new round has finished.
      await expect(deal(as(a, names[1]!), old[1]!)).rejects.toMatchObject({ code: 'STALE_STATE' });
      await refused(
        () => h.api('POST', path(election, '/ceremony/reset'), REASON, chair),
        409,
        'CEREMONY_FINISHED',
      );
      return files;
    };
    try {
      const prepared = await prepareElection(h.server, h.now, {
        voters: 12,
        outDir: dir,
        seed: 5,
        id,
        ceremony,
      });
      const { actors, people, trusteeFiles } = prepared;
      h.now.value = new Date(localTime(ELECTION_DAY, 0, '10:00'));
      const cast = await castAll(actors, id, people.slice(0, 6), { seed: 9, revoteShare: 0, concurrency: 2 });
      h.now.value = new Date(localTime(ELECTION_DAY, 0, '20:00'));
      await signInAll(actors);
      await closeVoting(actors, id);
      await decryptTally(as(actors, 'demo-trustee-1'), trusteeFiles[0]!);
      const done = await decryptTally(as(actors, 'reset-trustee-4'), trusteeFiles[1]!);
      expect(done.result).toBeTruthy();
      const board = await callText({ baseUrl: h.url }, ENDPOINTS.board, { params: { id } });
      const report = await verifyBoard(board);
      expect(report.failures).toEqual([]);
      expect(report.exitCode).toBe(0);
      for (const check of ['4.1', '4.3', '4.5', '4.6', '4.7'])
        expect(report.checks.find((c) => c.id === check)?.status, check).toBe('pass');
      expect(report.result!.contests[0]!.options.map((o) => o.count)).toEqual(cast.expected);
      const seen = types(id);
      expect(seen.filter((t) => t === 'ceremony')).toHaveLength(2);
      expect(seen.filter((t) => t === 'ceremony-reset')).toHaveLength(1);
      expect(seen.filter((t) => t === 'joint-key')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('migration v4 (trustees per round)', () => {
  it('keeps the trustees of a v3 database in round 0 and refuses a key twice in an election', () => {
    const file = join(h.dir, 'v3.sqlite');
    const v3 = new Database(file);
    v3.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3);');
    for (const m of MIGRATIONS.slice(0, 3)) v3.exec(m);
    v3.exec(`INSERT INTO users VALUES ('t1', 'trustee', 'x', '2026-01-01');
      INSERT INTO elections (id, kind, status, manifest, calendar, created_at)
        VALUES ('e1', 'akim', 'nominations', '{}', '{}', '2026-01-01');
      INSERT INTO trustees (election, idx, user, name, signing_key, box_key) VALUES ('e1', 1, 't1', 'T', 'aa', 'bb');`);
    v3.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT * FROM trustees').all()).toEqual([
        { election: 'e1', round: 0, idx: 1, user: 't1', name: 'T', signing_key: 'aa', box_key: 'bb' },
      ]);
      const add = db.prepare(
        'INSERT INTO trustees (election, round, idx, user, name, signing_key, box_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      add.run('e1', 1, 1, 't1', 'T', 'cc', 'dd'); // the same user, index 1 again, in round 1
      expect(() => add.run('e1', 2, 1, 't1', 'T', 'aa', 'ee')).toThrow(/UNIQUE/);
      expect(() => add.run('e1', 2, 1, 't1', 'T', 'ff', 'bb')).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
