/**
 * Crash safety: the server runs as a child process on a real SQLite file while 24
 * voters cast 1,000 ballots (800 voters, 200 of them vote twice); it is killed with SIGKILL at
 * random moments, at least 5 times, and restarted on the same data directory. A voter whose request
 * died without an answer looks the ballot up by its tracker (known before sending, SPEC §8.4) and
 * casts it again only when it is not on the board; 4 more voters drop their connection after sending,
 * so that the found-by-tracker path is taken in every run. Each voter signs in as the owner of its
 * credential and signs its ballot, encrypted ahead, just before sending, with the newest board head
 * known (SPEC §8.2): a resend is the same encrypted ballot signed again, perhaps with a newer anchor.
 * Afterwards every receipt is on the board exactly once, the board is whole and passes the
 * independent verifier, and the result counts exactly the last ballot of each voter.
 * Reproduce a run with CRASH_SEED=<the seed it printed>.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ballotTracker } from '@saylau/crypto';
import {
  BallotClientError,
  castBallot,
  fetchAnchor,
  fetchElection,
  findBallot,
  login,
  verifyReceipt,
  type SignedReceipt,
} from '@saylau/ballot-client';
import { verifyBoard } from '@saylau/verifier';
import { DB_FILE, startServer, openDatabase, localTime, prng } from '@saylau/server';
import { ELECTION_DAY, finishElection, prepareElection, type VirtualNow } from '@saylau/tools';
import { buildBallots, type Built } from '../bench/lib/ballots.ts';
import { ANCHOR_REFUSALS, castBody, Heads, signBuilt } from '../bench/lib/sign.ts';

const VOTERS = 800;
const REVOTERS = 200;
const CONCURRENCY = 24;
const KILLS = 6;
/** Voters whose connection is dropped after sending, without a kill. */
const ABANDONED = 4;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

const dir = mkdtempSync(join(tmpdir(), 'saylau-crash-'));
const dataDir = join(dir, 'data');
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Landed {
  voter: number;
  /** 0 for the first ballot, 1 for the revote. */
  round: number;
  tracker: string;
  seq: number;
  hash: string;
  via: 'receipt' | 'already-cast' | 'lookup';
}

/** POST the body, then drop the connection as soon as the request is out: no answer is read. */
function abandonedPost(url: string, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    req.on('error', () => undefined); // the socket we destroy
    req.on('finish', () => {
      req.destroy();
      resolve();
    });
    req.on('timeout', reject);
    req.end(body);
  });
}

/** Poll `check` every 50 ms until it holds; fails after 30 s (a crowded CI machine is slow). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the abandoned ballot never reached the board');
}

/** A promise with its resolver: the gate voters wait at while the server is down. */
function gate<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('crash safety', () => {
  it('loses no receipted ballot and counts none twice across SIGKILLs', { timeout: 420_000 }, async () => {
    console.log(`crash test seed ${SEED} (rerun with CRASH_SEED=${SEED})`);
    const rnd = prng(SEED);
    const started = performance.now();

    // 1. Before voting, in process: roll, nominations, ceremony, credentials, login codes, open.
    const now: VirtualNow = { value: new Date(localTime(ELECTION_DAY, 40, '09:00')) };
    const setup = await startServer({
      dataDir,
      clock: () => now.value,
      log: () => undefined,
      app: { loginRateLimit: false, castRateLimit: false },
    });
    // Server and clients share this process: after a long synchronous step (the credential letters)
    // both keep-alive timers fire late, and a request could go out on a socket the server closes at
    // that moment ("fetch failed"). Idle sockets stay open here instead.
    setup.http.keepAliveTimeout = 10 * 60_000;
    const prepared = await prepareElection(setup, now, { voters: VOTERS, outDir: dir, seed: SEED });
    const { id, people } = prepared;
    const election = await fetchElection(setup.url, id);
    await setup.close();
    const options = (election.params as { contests: { options: number }[] }).contests[0]!.options;

    // 2. The voters' ballots, encrypted ahead: a first choice each, a second for 200 of them.
    const order = people.map((_, i) => i).sort(() => rnd() - 0.5);
    const revoter = new Set(order.slice(0, REVOTERS));
    const plans = people.map((p, i) =>
      Array.from({ length: revoter.has(i) ? 2 : 1 }, () => ({
        code: p.credential,
        choices: [Math.floor(rnd() * options)],
      })),
    );
    const built = await buildBallots(election.params, plans.flat());
    let k = 0;
    const ballots = plans.map((p) => p.map(() => built[k++]!));
    expect(built).toHaveLength(VOTERS + REVOTERS);

    // 3. The server as a child process on the voting day's clock; killed and restarted.
    const votingStart = Date.parse(localTime(ELECTION_DAY, 0, '09:00'));
    const realStart = Date.now();
    let up = gate<string>();
    const spawn = async () => {
      const c = fork(
        new URL('./crash-server.ts', import.meta.url),
        [dataDir, String(votingStart + Date.now() - realStart)],
        {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        },
      );
      child = c;
      const [m] = (await once(c, 'message')) as [{ url: string }];
      up.resolve(m.url);
    };
    const kills: { settled: number; delayMs: number }[] = [];
    const thresholds = Array.from({ length: KILLS }, () => 50 + Math.floor(rnd() * 900)).sort(
      (a, b) => a - b,
    );
    const delays = thresholds.map(() => Math.floor(rnd() * 40));
    let killing: Promise<void> | null = null;
    const kill = async (delayMs: number) => {
      await new Promise((r) => setTimeout(r, delayMs));
      up = gate<string>();
      const c = child!;
      const exited = once(c, 'exit');
      c.kill('SIGKILL');
      await exited;
      await spawn();
    };
    let settled = 0;
    const afterSettle = () => {
      settled++;
      const n = kills.length;
      if (!killing && n < KILLS && settled >= thresholds[n]!) {
        kills.push({ settled, delayMs: delays[n]! });
        killing = kill(delays[n]!).finally(() => (killing = null));
      }
    };
    await spawn();

    // 4. The voters: sign in, cast; after a lost answer, look up by tracker before casting again.
    const landed: Landed[] = [];
    const stats = { lostAnswers: 0, foundByTracker: 0, castAgain: 0, alreadyCast: 0, resigned: 0 };
    const serverKey = election.manifest.serverKey;
    // The voters' newest board head: fetched once, then each receipt's checkpoint and each ballot
    // found by tracker; fetched again after an anchor refusal, from whichever server is up.
    const headOf = async () => (await fetchAnchor(await up.promise, id, serverKey)).anchor;
    const heads = new Heads(await headOf(), headOf);
    const fromReceipt = (
      voter: number,
      round: number,
      tracker: string,
      r: SignedReceipt,
      via: Landed['via'],
    ) => {
      if (r.receipt.tracker !== tracker || !verifyReceipt(r.receipt, r.signature, serverKey))
        throw new Error(`receipt for ${tracker} does not verify`);
      heads.see(r.receipt.checkpoint.seq, r.receipt.checkpoint.head);
      return { voter, round, tracker, seq: r.receipt.seq, hash: r.receipt.hash, via };
    };
    /** Sign with the newest head and cast; after an anchor refusal, once more with a fresh head. */
    const castWithAnchor = async (base: string, token: string, b: Built) => {
      try {
        return await castBallot(base, id, token, signBuilt(b, heads.anchor));
      } catch (e) {
        if (!(e instanceof BallotClientError) || !ANCHOR_REFUSALS.has(e.code)) throw e;
        stats.resigned++;
        return castBallot(base, id, token, signBuilt(b, await heads.refresh()));
      }
    };
    const castOne = async (voter: number, round: number, unsureAtFirst = false): Promise<Landed> => {
      const p = people[voter]!;
      const b = ballots[voter]![round]!;
      let unsure = unsureAtFirst; // a request died: the ballot may or may not be on the board
      for (;;) {
        const base = await up.promise;
        try {
          if (unsure) {
            try {
              const s = await findBallot(base, id, b.tracker);
              stats.foundByTracker++;
              heads.see(s.seq, s.hash);
              return { voter, round, tracker: s.tracker, seq: s.seq, hash: s.hash, via: 'lookup' };
            } catch (e) {
              if (!(e instanceof BallotClientError) || e.code !== 'NO_BALLOT') throw e;
              stats.castAgain++;
              unsure = false;
            }
          }
          const session = await login(base, id, p.iin, p.loginCode);
          unsure = true;
          const r = await castWithAnchor(base, session.token, b);
          return fromReceipt(voter, round, b.tracker, r, 'receipt');
        } catch (e) {
          if (e instanceof BallotClientError && e.code === 'NETWORK') {
            stats.lostAnswers++;
            await up.promise; // the server is being restarted
            continue;
          }
          if (e instanceof BallotClientError && e.code === 'ALREADY_CAST') {
            stats.alreadyCast++;
            return fromReceipt(voter, round, b.tracker, e.details as SignedReceipt, 'already-cast');
          }
          throw e;
        }
      }
    };
    let next = 0;
    const crowd = people.length - ABANDONED;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < crowd) {
          const voter = next++;
          for (let round = 0; round < ballots[voter]!.length; round++) {
            landed.push(await castOne(voter, round));
            afterSettle();
          }
        }
      }),
    );
    await killing;

    // Whether a kill lands between a commit and its answer is chance (a few per run). These voters
    // make it certain: the request is sent whole and the connection dropped before any answer; the
    // server commits all the same, so the voter's lookup must find the ballot and not cast it again.
    for (let voter = crowd; voter < people.length; voter++) {
      const base = await up.promise;
      const p = people[voter]!;
      const session = await login(base, id, p.iin, p.loginCode);
      const body = castBody(ballots[voter]![0]!, heads.anchor);
      await abandonedPost(`${base}/api/elections/${id}/ballots`, session.token, body);
      await until(() =>
        findBallot(base, id, ballots[voter]![0]!.tracker).then(
          () => true,
          () => false,
        ),
      );
      const l = await castOne(voter, 0, true);
      expect(l.via).toBe('lookup');
      landed.push(l);
      for (let round = 1; round < ballots[voter]!.length; round++) landed.push(await castOne(voter, round));
    }
    const votingSeconds = (performance.now() - started) / 1000;
    child!.kill('SIGKILL'); // the last crash: at rest, after the voting
    await once(child!, 'exit');
    child = null;

    // SQLite's own view of the file after the kills: every page and index whole.
    const db = openDatabase(join(dataDir, DB_FILE));
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();

    // 5. Close and decrypt (2 of 3 trustees) on a server restarted once more, in process.
    const end = await startServer({ dataDir, clock: () => now.value, log: () => undefined });
    const { result, board } = await finishElection(end, now, prepared).finally(() => end.close());

    console.log(
      `crash test seed ${SEED}: ${kills.length} kills at ${kills.map((x) => `${x.settled}+${x.delayMs}ms`).join(', ')}; ` +
        `${stats.lostAnswers} lost answers, ${stats.foundByTracker} found by tracker (${ABANDONED} of them dropped on purpose), ${stats.castAgain} cast again, ` +
        `${stats.alreadyCast} already cast, ${stats.resigned} signed again after an anchor refusal; voting done after ${votingSeconds.toFixed(0)} s, ` +
        `all done after ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(kills.length).toBeGreaterThanOrEqual(5);
    expect(stats.lostAnswers).toBeGreaterThan(0); // the kills did land during casting

    // No entry is half-written: the export parses line by line, seq runs 0..n-1.
    const entries = board
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; type: string; payload: unknown; hash: string });
    entries.forEach((e, i) => expect(e.seq).toBe(i));

    // Every ballot that landed (receipt, already-cast answer or lookup) is on the board exactly once,
    // at the seq and hash its receipt names; nothing else is.
    const bySeq = new Map(entries.map((e) => [e.seq, e]));
    const seqsByTracker = new Map<string, number[]>();
    for (const e of entries.filter((x) => x.type === 'ballot')) {
      const t = ballotTracker(e.payload);
      seqsByTracker.set(t, [...(seqsByTracker.get(t) ?? []), e.seq]);
    }
    expect(landed).toHaveLength(VOTERS + REVOTERS);
    for (const l of landed) {
      expect(seqsByTracker.get(l.tracker), l.tracker).toEqual([l.seq]);
      expect(bySeq.get(l.seq)!.hash).toBe(l.hash);
    }
    expect(seqsByTracker.size).toBe(VOTERS + REVOTERS);
    expect(entries.filter((e) => e.type === 'ballot')).toHaveLength(VOTERS + REVOTERS);

    // The independent verifier passes the whole election (chain, signatures, proofs, tally, result).
    const report = await verifyBoard(board);
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);

    // The result counts each voter's last ballot on the board, as the voter chose it.
    const last = new Map<number, Landed>();
    for (const l of landed) if ((last.get(l.voter)?.seq ?? -1) < l.seq) last.set(l.voter, l);
    const expected = new Array<number>(options).fill(0);
    for (const l of last.values()) expected[ballots[l.voter]![l.round]!.choices[0]!]!++;
    expect(result.contests[0]!.counts).toEqual(expected);
    expect(result.counted).toBe(VOTERS);
    expect(result.revotes).toBe(REVOTERS);
  });
});
