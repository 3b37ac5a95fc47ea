/**
 * Load benchmark: the highest casting rate the server holds on this machine, sustained.
 * The server is a child process (bench/lib/bench-server.ts) on a temporary data directory; ballots
 * with distinct credentials are encrypted in worker threads before any clock starts
 * (bench/lib/ballots.ts) and signed when due with the newest board head known (SPEC §8.2,
 * bench/lib/sign.ts), on the load generator's CPU. Casting is open-loop: ballots are offered at a
 * fixed rate whatever the answers do, and each latency runs from the moment the ballot was due, so a
 * server that falls behind shows it.
 *   1. Probe: short runs at rising offered rates, each on a fresh server; a rate holds when every
 *      ballot gets a receipt and p99 < 1 s. The highest rate that holds is the one sustained.
 *   2. Sustained: that rate for 60 s on a fresh server; then the same again on another fresh server
 *      with an observer mirroring the board (GET /board?from=SEQ every second, each new entry's hash
 *      and link checked).
 * Reports ballots/s, p50/p99/max latency, errors, the server's peak RSS (VmRSS sampled from
 * /proc/PID/status every 200 ms) and CPU, and the load average and other processes' CPU, since the
 * machine may be shared.
 * Run: npm run bench:load [-- --fresh (rebuild the cached ballots) --rates 60,80,100,130,160,190 --probe-seconds 8 --seconds 60 --rate R (skip probing) --batch-ms MS (the server's verifier batching window) --min-batch N --max-wait-ms MS (its batch policy)]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  G,
  decodePoint,
  encodePoint,
  makeElectionParams,
  randomScalar,
  type EncryptedBallotJson,
} from '@saylau/crypto';
import { buildBallots, type Built } from './lib/ballots.ts';
import { observe, rssMiB, type Mirror } from './lib/observer.ts';
import {
  castSigned,
  machineBusy,
  startBenchServer,
  summarise,
  warmUp,
  type BenchServer,
  type Outcome,
  type Summary,
} from './lib/bench-client.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = Number(arg(name) ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name}: expected a positive number`);
  return v;
};
const RATES = (arg('rates') ?? '60,80,100,130,160,190').split(',').map(Number);
if (RATES.some((r) => !Number.isFinite(r) || r <= 0))
  throw new Error('--rates: positive numbers, comma-separated');
const PROBE_SECONDS = num('probe-seconds', 8);
const SECONDS = num('seconds', 60);
const FIXED_RATE = arg('rate') === undefined ? undefined : num('rate', 1);
const BATCH_MS = arg('batch-ms') === undefined ? undefined : num('batch-ms', 4);
const MIN_BATCH = arg('min-batch') === undefined ? undefined : num('min-batch', 8);
const MAX_WAIT_MS = arg('max-wait-ms') === undefined ? undefined : num('max-wait-ms', 40);
const CANDIDATES = 5;
const WARMUP = 32;
const ELECTION = 'load-bench';
const ELECTION_DAY = '2026-12-20';
const P99_LIMIT_MS = 1000;

const log = (s: string) => console.log(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Ballots take minutes to encrypt on a busy 2-core machine, so they are kept between runs (with the
// joint key they were encrypted for, and the throwaway credentials' secret keys to sign them with)
// in $TMPDIR, readable by this user only; --fresh, or a cache of another format, starts over.
const CACHE_DIR = join(tmpdir(), 'saylau-bench-load');
const CACHE = join(CACHE_DIR, 'encrypted-ballots.json');
const Cache = z.strictObject({
  // base64url of 32 bytes (SPEC §1.2): a cache from before, in hex, is rebuilt.
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  ballots: z.array(
    z.strictObject({
      credential: z.string(),
      secretKey: z.string(),
      tracker: z.string(),
      choices: z.array(z.number()),
      ballot: z.custom<EncryptedBallotJson>((v) => typeof v === 'object' && v !== null),
    }),
  ),
});
const cached = (() => {
  if (process.argv.includes('--fresh') || !existsSync(CACHE)) return null;
  const r = Cache.safeParse(JSON.parse(readFileSync(CACHE, 'utf8')));
  if (!r.success) log(`${CACHE} holds ballots of another format; encrypting anew`);
  return r.success ? r.data : null;
})();
const publicKey = cached ? decodePoint(cached.publicKey, 'publicKey') : G.multiply(randomScalar());
const params = makeElectionParams(ELECTION, publicKey, [{ id: 'akim', options: CANDIDATES + 1 }]);
let pool: Built[] = cached?.ballots ?? [];
if (cached) log(`${pool.length} ballots from ${CACHE}`);

/** The first n ballots, building (and caching) what is missing; each fresh server gets the same. */
async function ballotsFor(n: number): Promise<Built[]> {
  if (pool.length < n) {
    const t = performance.now();
    pool = pool.concat(await buildBallots(params.json, n - pool.length));
    log(`encrypted ballots up to ${n} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    writeFileSync(CACHE, JSON.stringify({ publicKey: encodePoint(publicKey), ballots: pool }), {
      mode: 0o600,
    });
  }
  return pool.slice(0, n);
}

const start = (ballots: Built[]) =>
  startBenchServer(
    {
      election: ELECTION,
      electionDay: ELECTION_DAY,
      candidates: CANDIDATES,
      publicKey: encodePoint(publicKey),
      ...(BATCH_MS === undefined ? {} : { batchMs: BATCH_MS }),
      ...(MIN_BATCH === undefined ? {} : { minBatch: MIN_BATCH }),
      ...(MAX_WAIT_MS === undefined ? {} : { maxWaitMs: MAX_WAIT_MS }),
    },
    ballots,
    params,
  );

async function stop(s: BenchServer): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.send({ type: 'stop' });
  await exited;
}

interface RunResult extends Summary {
  offered: number;
  seconds: number;
  peakRssMiB: number;
  load: [number, number];
  serverCores: number;
  /** This process: the load generator and, in the observer run, the observer. */
  clientCores: number;
  otherCores: number;
  boardBallots: number;
  /** Mean ballots per verifier batch on this server (warm-up included). */
  meanBatch: number;
  mirror?: Mirror;
}

/**
 * Offer `rate` ballots/s for `seconds` from ballots[from…]: each is sent when due, whatever is in
 * flight; its latency counts from when it was due.
 */
async function offer(s: BenchServer, ballots: Built[], from: number, rate: number, seconds: number) {
  const n = Math.round(rate * seconds);
  if (from + n > ballots.length) throw new Error('not enough ballots built for this run');
  const outcomes: Outcome[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const late = performance.now() - due;
    const k = from + i;
    pending.push(
      castSigned(s.ballotsUrl, s.tokens[k]!, ballots[k]!, s.heads).then((o) => {
        outcomes.push({ ...o, ms: o.ms + late });
      }),
    );
  }
  await Promise.all(pending);
  return { outcomes, seconds: (performance.now() - t0) / 1000, used: n };
}

async function run(
  s: BenchServer,
  ballots: Built[],
  from: number,
  rate: number,
  seconds: number,
  withObserver = false,
): Promise<RunResult & { used: number }> {
  s.send({ type: 'mark' });
  await s.next('marked');
  const load1 = loadavg()[0]!;
  const busy0 = machineBusy();
  const cpu0 = process.cpuUsage();
  let peak = rssMiB(s.child.pid!) ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(s.child.pid!) ?? 0)), 200);
  const observer = withObserver ? observe(s.url, [ELECTION]) : null;
  const r = await offer(s, ballots, from, rate, seconds);
  const mirror = await observer?.stop();
  clearInterval(sampler);
  s.send({ type: 'stats' });
  const st = await s.next('stats');
  const cpu = process.cpuUsage(cpu0);
  const clientSeconds = (cpu.user + cpu.system) / 1e6;
  const other = machineBusy() - busy0 - st.cpuSeconds - clientSeconds;
  return {
    ...summarise(r.outcomes, r.seconds),
    offered: rate,
    seconds: r.seconds,
    used: r.used,
    peakRssMiB: Math.max(peak, rssMiB(s.child.pid!) ?? 0),
    load: [load1, loadavg()[0]!],
    serverCores: st.cpuSeconds / st.wallSeconds,
    clientCores: clientSeconds / st.wallSeconds,
    otherCores: Math.max(0, other) / st.wallSeconds,
    boardBallots: st.ballots,
    meanBatch: st.pool.ballots / st.pool.batches,
    ...(mirror ? { mirror } : {}),
  };
}

/** A rate holds when every ballot offered got a receipt and p99 < 1 s (a server falling behind fails p99). */
const holds = (r: RunResult & { used: number }) =>
  r.errors.size === 0 && r.ok === r.used && r.p99 < P99_LIMIT_MS;

const line = (label: string, r: RunResult) =>
  `| ${label} | ${r.offered} | ${r.rate.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.errorText} | ${r.peakRssMiB.toFixed(0)} | ${r.serverCores.toFixed(2)} | ${r.clientCores.toFixed(2)} | ${r.otherCores.toFixed(2)} | ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} |`;
const header = [
  '| run | offered/s | ballots/s | p50 ms | p99 ms | max ms | errors | server peak RSS MiB | server cores | load generator cores | other processes, cores | load average (1 min) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
];
const rows: string[] = [];
const show = (label: string, r: RunResult & { used: number }) => {
  rows.push(line(label, r));
  log(
    `${label}: offered ${r.offered}/s → ${r.rate.toFixed(1)} ballots/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ` +
      `errors ${r.errorText}${r.resigned ? ` (${r.resigned} signed again after an anchor refusal)` : ''}, mean batch ${r.meanBatch.toFixed(1)}, server ${r.serverCores.toFixed(2)} cores, load generator ${r.clientCores.toFixed(2)}, other processes ${r.otherCores.toFixed(2)}, peak RSS ${r.peakRssMiB.toFixed(0)} MiB, load ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}` +
      (holds(r) ? '' : '  (does not hold)'),
  );
};

log(
  `${availableParallelism()} cores; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

/** A fresh server, warmed up, then `rate` ballots/s for `seconds`. */
async function freshRun(label: string, rate: number, seconds: number, withObserver = false) {
  const ballots = await ballotsFor(WARMUP + Math.round(rate * seconds));
  const s = await start(ballots);
  try {
    let next = 0;
    await warmUp(() => {
      const k = next++;
      return castSigned(s.ballotsUrl, s.tokens[k]!, ballots[k]!, s.heads);
    }, WARMUP);
    const r = await run(s, ballots, WARMUP, rate, seconds, withObserver);
    show(label, r);
    if (r.boardBallots !== WARMUP + r.ok)
      log(`  the board holds ${r.boardBallots} ballots for ${WARMUP + r.ok} receipts`);
    return r;
  } finally {
    await stop(s);
    await sleep(2000);
  }
}

// 1. Probing: rising rates, a fresh server each; stop at the first that does not hold.
let rate = FIXED_RATE;
if (rate === undefined) {
  for (const r of RATES) {
    if (!holds(await freshRun(`probe ${PROBE_SECONDS} s`, r, PROBE_SECONDS))) break;
    rate = r;
  }
  if (rate === undefined) {
    rate = RATES[0]!;
    log(`no probed rate held; the sustained runs use the lowest, ${rate}/s`);
  }
}

// 2. Sustained, without and with an observer.
const results: (RunResult & { used: number })[] = [];
for (const withObserver of [false, true]) {
  const r = await freshRun(`${SECONDS} s${withObserver ? ' + observer' : ''}`, rate, SECONDS, withObserver);
  if (r.mirror)
    log(
      `  observer: ${r.mirror.polls} polls, ${r.mirror.entries} entries mirrored, ${r.mirror.ballots} of them ballots (server: ${r.boardBallots}), ` +
        `slowest poll ${r.mirror.maxPollMs.toFixed(0)} ms, ${r.mirror.failures.length ? r.mirror.failures.join('; ') : 'every entry linked and hashed'}`,
    );
  results.push(r);
}

log('');
for (const h of header) log(h);
for (const r of rows) log(r);
const sustained = results;
const met = sustained.every((r) => r.rate >= 100 && r.p99 < P99_LIMIT_MS && r.errors.size === 0);
log('');
log(`target (≥ 100 ballots/s, p99 < 1 s, no errors, with and without observer): ${met ? 'met' : 'NOT met'}`);
if (sustained.some((r) => r.mirror?.failures.length)) process.exitCode = 1;
