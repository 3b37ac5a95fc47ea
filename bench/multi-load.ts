/**
 * Many elections on one server: a region's election day. The server (bench/lib/bench-server.ts, a
 * child process on a temporary data directory) holds --created elections, --open of them open for
 * voting and the rest only created, as a region's server holds them between steps. Ballots arrive
 * across the open elections in turn at --rate per second for --seconds, open-loop (each latency runs
 * from the moment the ballot was due), while --observers observers each mirror --boards boards, one
 * poll of each a second, checking every entry's link and hash.
 *
 * The same offered rate is first run against a server with one election (the single-election
 * figure); the target is throughput within 10 % of it, p99 < 1 s, no errors and peak memory < 1 GiB.
 * Memory after set-up and the warm-up (after a GC) is also printed for one election and for the
 * whole region: what hosting idle elections costs.
 *
 * Ballots are encrypted ahead in worker threads and kept in $TMPDIR/saylau-bench-multi (--fresh
 * rebuilds them). Run: npm run bench:multi [-- --rate 110 --seconds 60 --created 200 --open 50
 * --observers 5 --boards 2]
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
  type ElectionParams,
} from '@saylau/crypto';
import { buildBallots, type Built } from './lib/ballots.ts';
import {
  castSigned,
  machineBusy,
  startMultiBenchServer,
  summarise,
  warmUp,
  type MultiBenchServer,
  type Outcome,
} from './lib/bench-client.ts';
import { observe, rssMiB, type Mirror } from './lib/observer.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = Number(arg(name) ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name}: expected a positive integer`);
  return v;
};
const RATE = num('rate', 110);
const SECONDS = num('seconds', 60);
const CREATED = num('created', 200);
const OPEN = num('open', 50);
const OBSERVERS = num('observers', 5);
const BOARDS = num('boards', 2);
if (OPEN > CREATED) throw new Error('--open: at most --created');
const CANDIDATES = 5;
const WARMUP = 32;
const ELECTION_DAY = '2026-12-20';
const P99_LIMIT_MS = 1000;
const log = (s: string) => console.log(s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = Array.from({ length: CREATED }, (_, i) => `region-${String(i).padStart(4, '0')}`);

// Ballot k of the timed load goes to open election k mod OPEN; the warm-up comes first.
const total = WARMUP + RATE * SECONDS;
const perElection = (e: number, elections: number) => Math.ceil((total - e) / elections);

const CACHE_DIR = join(tmpdir(), 'saylau-bench-multi');
const CACHE = join(CACHE_DIR, 'encrypted-ballots.json');
const Cache = z.strictObject({
  // base64url of 32 bytes (SPEC §1.2): a cache from before, in hex, is rebuilt.
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  ballots: z.record(z.string(), z.array(z.custom<Built>((v) => typeof v === 'object' && v !== null))),
});
const cached = (() => {
  if (process.argv.includes('--fresh') || !existsSync(CACHE)) return null;
  const r = Cache.safeParse(JSON.parse(readFileSync(CACHE, 'utf8')));
  if (!r.success) log(`${CACHE} holds ballots of another format; encrypting anew`);
  return r.success ? r.data : null;
})();
const publicKey = cached ? decodePoint(cached.publicKey, 'publicKey') : G.multiply(randomScalar());
const ballots: Record<string, Built[]> = cached?.ballots ?? {};
const paramsOf = (id: string): ElectionParams =>
  makeElectionParams(id, publicKey, [{ id: 'akim', options: CANDIDATES + 1 }]);

/** At least n ballots of election `id`, encrypting (and caching) what is missing. */
async function ballotsFor(id: string, n: number): Promise<Built[]> {
  const have = ballots[id] ?? [];
  if (have.length < n) {
    ballots[id] = have.concat(await buildBallots(paramsOf(id).json, n - have.length));
    mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    writeFileSync(CACHE, JSON.stringify({ publicKey: encodePoint(publicKey), ballots }), { mode: 0o600 });
  }
  return ballots[id]!.slice(0, n);
}

interface Result {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errorText: string;
  ok: number;
  offered: number;
  setupRssMiB: number;
  peakRssMiB: number;
  serverCores: number;
  otherCores: number;
  load: [number, number];
  mirror: Mirror;
}

/** Offer RATE ballots/s across the server's open elections in turn, for SECONDS. */
async function runOn(s: MultiBenchServer, from: Map<string, Built[]>, label: string): Promise<Result> {
  const open = s.opened;
  const at = (k: number) => {
    const e = open[k % open.length]!;
    const i = Math.floor(k / open.length);
    return () => castSigned(e.ballotsUrl, e.tokens[i]!, from.get(e.election)![i]!, e.heads);
  };
  let next = 0;
  await warmUp(() => at(next++)(), WARMUP);
  s.send({ type: 'rss' });
  const setupRssMiB = (await s.next('rss')).rssMiB;
  s.send({ type: 'mark' });
  await s.next('marked');
  const load1 = loadavg()[0]!;
  const busy0 = machineBusy();
  const cpu0 = process.cpuUsage();
  let peak = rssMiB(s.child.pid!) ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(s.child.pid!) ?? 0)), 200);
  const watched = open.slice(0, OBSERVERS * BOARDS).map((e) => e.election);
  const observers = Array.from({ length: OBSERVERS }, (_, j) =>
    observe(s.url, watched.slice(j * BOARDS, (j + 1) * BOARDS)),
  );
  const outcomes: Outcome[] = [];
  const pending: Promise<void>[] = [];
  const n = RATE * SECONDS;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const late = performance.now() - due;
    pending.push(at(WARMUP + i)().then((o) => void outcomes.push({ ...o, ms: o.ms + late })));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - t0) / 1000;
  const mirrors = await Promise.all(observers.map((o) => o.stop()));
  clearInterval(sampler);
  s.send({ type: 'stats' });
  const st = await s.next('stats');
  const cpu = process.cpuUsage(cpu0);
  const other = machineBusy() - busy0 - st.cpuSeconds - (cpu.user + cpu.system) / 1e6;
  const sum = summarise(outcomes, seconds);
  return {
    label,
    ...sum,
    offered: n,
    setupRssMiB,
    peakRssMiB: Math.max(peak, rssMiB(s.child.pid!) ?? 0),
    serverCores: st.cpuSeconds / st.wallSeconds,
    otherCores: Math.max(0, other) / st.wallSeconds,
    load: [load1, loadavg()[0]!],
    mirror: {
      polls: mirrors.reduce((a, m) => a + m.polls, 0),
      entries: mirrors.reduce((a, m) => a + m.entries, 0),
      ballots: mirrors.reduce((a, m) => a + m.ballots, 0),
      maxPollMs: Math.max(...mirrors.map((m) => m.maxPollMs)),
      failures: mirrors.flatMap((m) => m.failures),
    },
  };
}
async function region(created: number, open: number, label: string): Promise<Result> {
  const opened = ids.slice(0, open);
  const from = new Map<string, Built[]>();
  for (const [e, id] of opened.entries()) from.set(id, await ballotsFor(id, perElection(e, open)));
  const s = await startMultiBenchServer(
    {
      electionDay: ELECTION_DAY,
      candidates: CANDIDATES,
      publicKey: encodePoint(publicKey),
      idle: ids.slice(open, created),
    },
    opened.map((id) => ({ election: id, ballots: from.get(id)!, params: paramsOf(id) })),
  );
  try {
    return await runOn(s, from, label);
  } finally {
    const exited = new Promise((r) => s.child.once('exit', r));
    s.send({ type: 'stop' });
    await exited;
    await sleep(2000);
  }
}

log(
  `${availableParallelism()} cores; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; offered ${RATE} ballots/s for ${SECONDS} s`,
);
const t = performance.now();
for (let e = 0; e < OPEN; e++) await ballotsFor(ids[e]!, perElection(e, OPEN));
await ballotsFor(ids[0]!, total);
log(`ballots ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);

const single = await region(1, 1, '1 election');
const many = await region(CREATED, OPEN, `${CREATED} elections, ${OPEN} open`);

log('');
log(
  '| run | offered/s | ballots/s | p50 ms | p99 ms | max ms | errors | RSS after set-up and warm-up MiB | peak RSS MiB | server cores | other processes, cores | load average (1 min) | observers |',
);
log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const r of [single, many])
  log(
    `| ${r.label} | ${RATE} | ${r.rate.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.errorText} | ${r.setupRssMiB.toFixed(0)} | ${r.peakRssMiB.toFixed(0)} | ${r.serverCores.toFixed(2)} | ${r.otherCores.toFixed(2)} | ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} | ${r.mirror.polls} polls, ${r.mirror.entries} entries, slowest ${r.mirror.maxPollMs.toFixed(0)} ms${r.mirror.failures.length ? `, FAILED: ${r.mirror.failures.join('; ')}` : ''} |`,
  );
const ratio = many.rate / single.rate;
const met =
  ratio >= 0.9 &&
  many.p99 < P99_LIMIT_MS &&
  many.errorText === '0' &&
  many.peakRssMiB < 1024 &&
  many.mirror.failures.length === 0;
log('');
log(
  `throughput ${(ratio * 100).toFixed(1)} % of one election's; target (≥ 90 %, p99 < 1 s, no errors, peak < 1 GiB, every mirrored entry checked): ${met ? 'met' : 'NOT met'}`,
);
if (many.mirror.failures.length || single.mirror.failures.length) process.exitCode = 1;
