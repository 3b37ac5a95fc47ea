/**
 * The verifier pool (SPEC §10.9 step 6): per-ballot verdicts from shared batches, in worker threads
 * or in-process; a crashed or stalled worker gives 503 VERIFIER_UNAVAILABLE, never a hang, and is
 * replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  G,
  buildBallot,
  deriveCredentialKeys,
  contestFields,
  contestFromFields,
  encodePoint,
  encodeScalar,
  generateCredentialCode,
  makeElectionParams,
  pointFromCoordinates,
  randomScalar,
  type BallotJson,
  type PointCoordinates,
} from '@saylau/crypto';
import { NON_CANONICAL_POINT } from '../../crypto/test/helpers.ts';
import { VerifierPool } from '../src/casting/pool.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { castingPool } from '../src/casting/state.ts';
import type { Verdict } from '../src/casting/verify-batch.ts';
import { startHarness, ballotOf, cast, castSetup, clone, resign, voterToken } from '@saylau/test-kit';

const params = makeElectionParams('pool-test', G.multiply(randomScalar()), [{ id: 'akim', options: 3 }]);
const voters = Array.from({ length: 6 }, () => deriveCredentialKeys('pool-test', generateCredentialCode()));
const anchor = { seq: 5, hash: '5a'.repeat(32) };
const built = voters.map((v, i) => buildBallot(params, v, [i % 3], anchor));
const good = (i: number) => built[i]!;
/**
 * An accepted verdict: the ballot hash, and the ciphertexts as coordinates that give back exactly
 * the ballot's α and β, option by option.
 */
const accepted = (i: number) => ({
  ok: true as const,
  hash: good(i).hash,
  ciphertexts: good(i).ballot.contests.flatMap((c) =>
    contestFields(c).choices.flatMap((ch) => [ch.alpha, ch.beta]),
  ),
});
/** A verdict with its coordinates turned back into encoded points, to compare with `accepted`. */
function readable(v: Verdict) {
  if (!v.ok) return v;
  const points: string[] = [];
  for (let k = 0; k < v.ciphertexts.length; k += 4)
    points.push(
      encodePoint(pointFromCoordinates(v.ciphertexts.slice(k, k + 4) as unknown as PointCoordinates)),
    );
  return { ...v, ciphertexts: points };
}

let dir: string;
const VERIFY = new URL('../src/casting/verify-batch.ts', import.meta.url).href;
/** A worker module that exits when a batch contains the ballot "crash", else verifies for real. */
let crashing: string;
/** A worker module whose first instance dies on its first batch; later ones verify. */
let crashOnce: string;
/** A worker module that never answers. */
let stalling: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-pool-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return pathToFileURL(join(dir, name)).href;
  };
  crashing = file(
    'crashing.mjs',
    `import { parentPort } from 'node:worker_threads';
     const { verifyBatch } = await import(${JSON.stringify(VERIFY)});
     parentPort.on('message', (m) => {
       if (m.items.some((i) => i.ballot === 'crash')) process.exit(3);
       parentPort.postMessage({ id: m.id, verdicts: verifyBatch(m.items) });
     });`,
  );
  const marker = JSON.stringify(join(dir, 'crashed'));
  crashOnce = file(
    'crash-once.mjs',
    `import { parentPort } from 'node:worker_threads';
     import { existsSync, writeFileSync } from 'node:fs';
     const { verifyBatch } = await import(${JSON.stringify(VERIFY)});
     parentPort.on('message', (m) => {
       if (!existsSync(${marker})) {
         writeFileSync(${marker}, '');
         process.exit(3);
       }
       parentPort.postMessage({ id: m.id, verdicts: verifyBatch(m.items) });
     });`,
  );
  stalling = file(
    'stalling.mjs',
    `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mixedBatch() {
  const ok = good(0).ballot;
  const badSig = { ...good(1).ballot, signature: good(2).ballot.signature };
  const forged = clone(good(3).ballot);
  const f = contestFields(forged.contests[0]!);
  f.choices[0]!.proof.s0 = encodeScalar(randomScalar());
  forged.contests[0] = contestFromFields(f);
  const badProof = resign(forged, voters[3]!);
  const undecodable = clone(good(4).ballot) as BallotJson;
  const u = contestFields(undecodable.contests[0]!);
  u.choices[1]!.beta = NON_CANONICAL_POINT;
  undecodable.contests[0] = contestFromFields(u);
  const items = [ok, badSig, badProof, undecodable, good(5).ballot].map((ballot) => ({
    params: params.json,
    ballot,
  }));
  const expected: ReturnType<typeof readable>[] = [
    accepted(0),
    { ok: false, reason: 'signature' },
    { ok: false, reason: 'proof' },
    {
      ok: false,
      reason: 'crypto',
      code: 'NON_CANONICAL',
      field: 'ballot.contests[0].choices[1].beta',
      message: expect.any(String) as unknown as string,
    },
    accepted(5),
  ];
  return { items, expected };
}

describe('VerifierPool', () => {
  it.each([
    ['two worker threads', 2],
    ['in-process', 0],
  ])('gives each ballot of a shared batch its own verdict (%s)', async (_label, workers) => {
    const pool = new VerifierPool({ workers, batchMs: 20 });
    try {
      const { items, expected } = mixedBatch();
      const verdicts = await Promise.all(items.map((it) => pool.verify(it)));
      expect(verdicts.map(readable)).toEqual(expected);
      expect(pool.stats.ballots).toBe(5);
      expect(pool.stats.batches).toBeLessThan(5);
    } finally {
      await pool.close();
    }
  });

  it('answers 503 for the batch of a crashed worker, then verifies again with a new one', async () => {
    const pool = new VerifierPool({ workers: 1, batchMs: 20, workerModule: crashing });
    try {
      const doomed = [
        pool.verify({ params: params.json, ballot: 'crash' }),
        pool.verify({ params: params.json, ballot: good(0).ballot }),
      ];
      for (const r of await Promise.allSettled(doomed))
        expect(r).toMatchObject({
          status: 'rejected',
          reason: { status: 503, code: 'VERIFIER_UNAVAILABLE' },
        });
      expect(readable(await pool.verify({ params: params.json, ballot: good(0).ballot }))).toEqual(
        accepted(0),
      );
      expect(pool.stats.respawns).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('abandons a stalled worker after the timeout with 503 and replaces it', async () => {
    const pool = new VerifierPool({ workers: 1, batchMs: 1, timeoutMs: 300, workerModule: stalling });
    try {
      const t = Date.now();
      await expect(pool.verify({ params: params.json, ballot: good(0).ballot })).rejects.toMatchObject({
        code: 'VERIFIER_UNAVAILABLE',
      });
      expect(Date.now() - t).toBeLessThan(5_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(pool.stats.respawns).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('never keeps a process alive once idle, even with workers that had no batch', async () => {
    // A child process verifies one ballot with a 2-worker pool (one worker stays unused) and does not
    // close the pool: once idle, the workers must let the process exit on its own.
    const url = (p: string) => JSON.stringify(new URL(p, import.meta.url).href);
    const script = join(dir, 'idle-exit.mts'); // .mts: the temp dir has no package.json saying ESM
    writeFileSync(
      script,
      `import { VerifierPool } from ${url('../src/casting/pool.ts')};
       const pool = new VerifierPool({ workers: 2 });
       const v = await pool.verify({ params: ${JSON.stringify(params.json)}, ballot: ${JSON.stringify(good(0).ballot)} });
       console.log(v.ok ? 'verified' : 'refused');`,
    );
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', script],
        { cwd: fileURLToPath(new URL('.', import.meta.url)), timeout: 20_000 },
        (_e, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(out).toEqual({ code: 0, stdout: 'verified\n', stderr: '' });
  });

  it('fills one worker’s batch while another works, rather than wake it for one ballot', async () => {
    const pool = new VerifierPool({ workers: 2, batchMs: 1, minBatch: 4, maxWaitMs: 2_000 });
    try {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const first = pool.verify({ params: params.json, ballot: good(0).ballot });
      await sleep(10); // the first worker has its batch of one and is at work
      const later = [pool.verify({ params: params.json, ballot: good(1).ballot })];
      await sleep(10);
      later.push(pool.verify({ params: params.json, ballot: good(2).ballot }));
      const verdicts = await Promise.all([first, ...later]);
      expect(verdicts.map(readable)).toEqual([accepted(0), accepted(1), accepted(2)]);
      // Ballots 1 and 2, ten milliseconds apart, went as one batch: no second worker woke for one.
      expect(pool.stats).toMatchObject({ batches: 2, ballots: 3, largestBatch: 2 });
    } finally {
      await pool.close();
    }
  });

  it('refuses queued and later requests once closed', async () => {
    const pool = new VerifierPool({ workers: 1, batchMs: 50 });
    const queued = pool.verify({ params: params.json, ballot: good(0).ballot }).catch((e: unknown) => e);
    await pool.close();
    await expect(queued).resolves.toMatchObject({ code: 'VERIFIER_UNAVAILABLE' });
    await expect(pool.verify({ params: params.json, ballot: good(0).ballot })).rejects.toMatchObject({
      status: 503,
    });
  });
});

describe('casting when the verifier fails', () => {
  it('answers 503 VERIFIER_UNAVAILABLE and writes nothing; the next cast succeeds', async () => {
    const h = await startHarness();
    try {
      const e = castSetup(h, { verifier: { workers: 1, workerModule: crashOnce } });
      const ballot = ballotOf(h, e, 0, [0]).ballot;
      const token = await voterToken(h, e, 0);
      const before = h.snapshot();
      const res = await cast(h, e.id, ballot, token);
      expect([res.status, res.body.error.code]).toEqual([503, 'VERIFIER_UNAVAILABLE']);
      expect(h.snapshot()).toEqual(before);
      // The token was not used: the voter sends the same ballot again.
      const again = await cast(h, e.id, ballot, token);
      expect(again.status).toBe(201);
    } finally {
      await closeCasting(h.server.ctx);
      await h.close();
    }
  });

  it('refuses NOT_OPEN, writing nothing, when voting closes while the ballot is being verified', async () => {
    const h = await startHarness();
    try {
      const e = castSetup(h, { verifier: { workers: 1, batchMs: 2_000 } });
      const ballot = ballotOf(h, e, 0, [0]).ballot;
      const token = await voterToken(h, e, 0);
      const before = h.snapshot();
      const pending = cast(h, e.id, ballot, token);
      const pool = castingPool(h.server.ctx);
      while (pool.pending === 0) await new Promise((r) => setTimeout(r, 5));
      h.now.value = new Date('2026-12-20T20:00:00+05:00');
      const res = await pending;
      expect([res.status, res.body.error.code]).toEqual([409, 'NOT_OPEN']);
      expect(h.snapshot()).toEqual(before);
    } finally {
      await closeCasting(h.server.ctx);
      await h.close();
    }
  });
});
