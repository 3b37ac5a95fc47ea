/**
 * Large uploads (SPEC §9.1, §10.3, §10.7) are checked in a worker thread and written in chunks, so
 * the server answers other requests meanwhile; the upload appears whole in one final transaction or
 * not at all, also when two race or the server dies half-way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { createElection } from '../src/elections/store.ts';
import { listRollImports } from '../src/roll/service.ts';
import { rollCsv, syntheticVoters, writeSyntheticRoll } from '../src/roll/synthetic.ts';
import { startServer } from '../src/server.ts';
import { CHUNK_ROWS, runStagedUpload, writeChunks } from '../src/uploads/staging.ts';
import { uploadChecks } from '../src/uploads/task-worker.ts';
import type { ServerContext } from '../src/context.ts';
import { voterRef } from '../src/voters/tokens.ts';
import {
  createdAt,
  DISTRICT,
  ELECTION_DAY,
  startHarness,
  type ApiResponse,
  type Harness,
} from '@saylau/test-kit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** `n` valid strict keys (multiples of the base point), sorted as §7.3 wants them. */
function keys(n: number): string[] {
  const out: string[] = [];
  for (let i = 0, p = ed25519.Point.BASE; i < n; i++, p = p.add(ed25519.Point.BASE))
    out.push(Buffer.from(p.toBytes()).toString('base64url'));
  return out.sort();
}

/** An election in nominations whose roll has `voters` voters (rows and board entry, as accepting writes). */
function electionWithRollOf(ctx: ServerContext, id: string, voters: number): void {
  // Created as of before its deadlines, whatever the server's clock reads (some servers here run on the real one).
  createElection(
    ctx,
    { id, district: DISTRICT, electionDay: ELECTION_DAY },
    'test',
    createdAt({ now: { value: ctx.clock() } }),
  );
  writeSyntheticRoll(ctx, id, syntheticVoters(voters, ELECTION_DAY, 9), 'e'.repeat(64));
}

/** The upload body for `list`: each key held by one voter of the roll (SPEC §10.7). */
function upload(ctx: ServerContext, id: string, list: string[]) {
  const refs = (ctx.db.prepare('SELECT iin FROM voters WHERE election = ?').pluck().all(id) as string[]).map(
    (iin) => voterRef(ctx, id, iin),
  );
  return { list, owners: list.map((_, i) => refs[i]!) };
}

const count = (ctx: ServerContext, sql: string, ...args: unknown[]) =>
  (ctx.db.prepare(sql).get(...args) as { n: number }).n;

/**
 * While `upload` is in flight, ask the server for the election again and again; each answer notes
 * whether the upload check worker was busy then and what `look` saw.
 */
async function pingWhile<T>(upload: Promise<ApiResponse>, id: string, look: () => T) {
  let done = false;
  const finished = upload.finally(() => (done = true));
  const seen: { busy: boolean; look: T }[] = [];
  while (!done) {
    const r = await h.api('GET', `/api/elections/${id}`);
    expect(r.status).toBe(200);
    seen.push({ busy: uploadChecks(h.server.ctx).busy, look: look() });
  }
  return { response: await finished, seen };
}

describe('a large credential list', () => {
  const N = CHUNK_ROWS + 1000; // two chunks of keys

  it('is checked while the server answers other requests, and appears whole', async () => {
    const ctx = h.server.ctx;
    electionWithRollOf(ctx, 'big-1', N);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['big-1'] });
    const list = keys(N);
    const { response, seen } = await pingWhile(
      h.api('POST', '/api/elections/big-1/credentials', upload(ctx, 'big-1', list), authority),
      'big-1',
      () => [
        count(ctx, 'SELECT count(*) AS n FROM credentials WHERE election = ?', 'big-1'),
        ctx.board.latest('big-1', 'credentials') === null ? 0 : 1,
      ],
    );
    expect(response.status, response.text).toBe(201);
    expect(seen.filter((s) => s.busy).length).toBeGreaterThan(0); // answered while the list was checked
    // Never half a list, never the list without its entry or the entry without its list.
    for (const s of seen)
      expect([
        [0, 0],
        [N, 1],
      ]).toContainEqual(s.look);
    expect(count(ctx, 'SELECT count(*) AS n FROM credentials WHERE election = ?', 'big-1')).toBe(N);
    expect((ctx.board.latest('big-1', 'credentials')!.payload as { list: string[] }).list).toEqual(list);
    expect(ctx.db.prepare('SELECT election, kind, state FROM uploads').all()).toEqual([
      { election: 'big-1', kind: 'credentials', state: 'committed' },
    ]);
    // Every key with the voter who holds it, in the private owner map.
    expect(
      count(ctx, 'SELECT count(DISTINCT voter) AS n FROM credential_owners WHERE election = ?', 'big-1'),
    ).toBe(N);
  });

  it('sent twice at once is published once; the other is refused and leaves nothing', async () => {
    const ctx = h.server.ctx;
    electionWithRollOf(ctx, 'big-2', N);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['big-2'] });
    const list = keys(N);
    const post = () =>
      h.api('POST', '/api/elections/big-2/credentials', upload(ctx, 'big-2', list), authority);
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((r) => [r.status, r.body.error?.code]).sort()).toEqual([
      [201, undefined],
      [409, 'CREDENTIALS_EXIST'],
    ]);
    expect(ctx.board.ofType('big-2', 'credentials')).toHaveLength(1);
    expect(count(ctx, 'SELECT count(*) AS n FROM credential_keys')).toBe(N);
    expect(count(ctx, 'SELECT count(*) AS n FROM uploads')).toBe(1);
    expect(count(ctx, "SELECT count(*) AS n FROM audit_log WHERE action = 'credentials.publish'")).toBe(1);
  });
});

describe('a large roll file', () => {
  it('is checked while the server answers other requests, and its import appears whole', async () => {
    const ctx = h.server.ctx;
    createElection(ctx, { id: 'roll-1', district: DISTRICT, electionDay: ELECTION_DAY }, 'test');
    const commission = await h.signIn('commission', undefined, { elections: ['roll-1'] });
    const voters = syntheticVoters(12_000, ELECTION_DAY, 4);
    const upload = fetch(`${h.url}/api/elections/roll-1/roll/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${commission}` },
      body: rollCsv(voters),
    }).then(async (res): Promise<ApiResponse> => {
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), text, headers: res.headers };
    });
    // What the commission's import list shows, read as its route reads it.
    const { response, seen } = await pingWhile(upload, 'roll-1', () =>
      listRollImports(ctx, 'roll-1').map((i) => i.valid),
    );
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({ valid: 12_000, rejectedCount: 0, state: 'pending' });
    expect(seen.filter((s) => s.busy).length).toBeGreaterThan(0);
    for (const s of seen) expect([[], [12_000]]).toContainEqual(s.look); // never some of its rows
    const accepted = await h.api(
      'POST',
      `/api/elections/roll-1/roll/imports/${response.body.import}/accept`,
      {},
      commission,
    );
    expect([accepted.status, accepted.body.count]).toEqual([200, 12_000]);
  });
});

describe('the upload check worker', () => {
  it('fails only the task whose input cannot be sent, and checks the next', async () => {
    const checks = uploadChecks(h.server.ctx);
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 100_000; i++) at.push((at = []));
    const roll = { election: 'x', pepper: new Uint8Array(32), iins: [] };
    await expect(checks.run('credential-list', { body: deep, checkList: true, ...roll })).rejects.toThrow();
    expect(checks.busy).toBe(false);
    const list = keys(3);
    await expect(
      checks.run('credential-list', { body: { list, owners: [] }, checkList: true, ...roll }),
    ).resolves.toMatchObject({
      count: 3,
    });
  });

  it('answers a credential body nested too deep to send with the shape refusal, as before', async () => {
    electionWithRollOf(h.server.ctx, 'big-5', 3);
    const authority = await h.signIn('credential-authority', undefined, { elections: ['big-5'] });
    const deep = `{"list":["a"],"owners":[],"x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = await h.api('POST', '/api/elections/big-5/credentials', deep, authority);
    expect([r.status, r.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    const ok = await h.api(
      'POST',
      '/api/elections/big-5/credentials',
      upload(h.server.ctx, 'big-5', keys(3)),
      authority,
    );
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('an upload that does not reach its final transaction', () => {
  it('is never visible, and a refusal there deletes what was staged', async () => {
    const ctx = h.server.ctx;
    electionWithRollOf(ctx, 'big-3', 5);
    const list = keys(CHUNK_ROWS * 2 + 5);
    const before = h.snapshot();
    const refusal = runStagedUpload(ctx, {
      election: 'big-3',
      kind: 'credentials',
      stage: async (upload) => {
        await writeChunks(
          ctx,
          'INSERT INTO credential_keys (upload, public_key) VALUES (?, ?)',
          list,
          (k) => [upload, k],
        );
        expect(count(ctx, 'SELECT count(*) AS n FROM credential_keys WHERE upload = ?', upload)).toBe(
          list.length,
        );
        expect(count(ctx, 'SELECT count(*) AS n FROM credentials')).toBe(0);
      },
      commit: () => {
        throw new Error('refused at the last step');
      },
    });
    await expect(refusal).rejects.toThrow('refused at the last step');
    expect(count(ctx, 'SELECT count(*) AS n FROM credential_keys')).toBe(0);
    expect(count(ctx, 'SELECT count(*) AS n FROM uploads')).toBe(0);
    expect(h.snapshot()).toEqual(before);
  });

  it('left half-written by a crash is removed when the server starts again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saylau-uploads-'));
    try {
      const first = await startServer({ dataDir: dir, log: () => undefined });
      const ctx = first.ctx;
      electionWithRollOf(ctx, 'big-4', 5);
      // What a crash between two chunks leaves: a staging upload with some of its keys.
      const upload = Number(
        ctx.db
          .prepare("INSERT INTO uploads (election, kind, state) VALUES ('big-4', 'credentials', 'staging')")
          .run().lastInsertRowid,
      );
      await writeChunks(
        ctx,
        'INSERT INTO credential_keys (upload, public_key) VALUES (?, ?)',
        keys(3),
        (k) => [upload, k],
      );
      expect(count(ctx, "SELECT count(*) AS n FROM credentials WHERE election = 'big-4'")).toBe(0);
      await first.close();
      const again = await startServer({ dataDir: dir, log: () => undefined });
      try {
        expect(count(again.ctx, 'SELECT count(*) AS n FROM credential_keys')).toBe(0);
        expect(count(again.ctx, 'SELECT count(*) AS n FROM uploads')).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
