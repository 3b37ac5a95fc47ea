/**
 * Ingest benchmark (issue #3 step 8): how many ballots a server on this machine takes in over HTTP.
 * The server runs as a child process (bench/ingest-server.ts) so the load generator does not share
 * its event loop; it verifies with its default worker-thread pool. Before the clock starts this
 * process builds N ballots with distinct credentials (in worker threads, bench/ingest-builder.ts) and
 * the server issues one voter token per ballot. Then, for each concurrency C, C clients POST ballots
 * back to back for a fixed time; each figure counts only 201 answers with a receipt.
 * Run: npm run bench:ingest [-- --ballots 4500 --seconds 8 --concurrency 16,32,64 --candidates 5]
 *      [--workers W (server verifier threads)] [--builders B] [--profile DIR (the server's CPU profiles)]
 */
import { fork } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  G,
  canonicalJson,
  encodePoint,
  makeElectionParams,
  randomScalar,
  verifyDocument,
} from '@saylau/crypto';
import type { Built, BuilderMessage } from './ingest-builder.ts';
import type { ChildMessage, ParentMessage } from './ingest-server.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => Number(arg(name) ?? fallback);
const N = num('ballots', 4500);
const SECONDS = num('seconds', 8);
const LEVELS = (arg('concurrency') ?? '16,32,64').split(',').map(Number);
const CANDIDATES = num('candidates', 5);
const BUILDERS = num('builders', availableParallelism());
const WORKERS = arg('workers') === undefined ? undefined : Number(arg('workers'));
const WARMUP = 32;
const ELECTION = 'ingest-bench';
const ELECTION_DAY = '2026-12-20';

const log = (s: string) => console.log(s);

// 1. The voters' side, before any timing: credentials and ballots for the election parameters.
const publicKey = G.multiply(randomScalar());
const params = makeElectionParams(ELECTION, publicKey, [{ id: 'akim', options: CANDIDATES + 1 }]);
const total = N + WARMUP;
log(`building ${total} ballots (${CANDIDATES + 1} options) in ${BUILDERS} threads…`);
const buildStart = performance.now();
const bootstrap = new URL('../server/src/casting/worker-bootstrap.mjs', import.meta.url);
const builderModule = new URL('./ingest-builder.ts', import.meta.url).href;
let built = 0;
const parts = await Promise.all(
  Array.from({ length: BUILDERS }, (_, w) => {
    const count = Math.floor(total / BUILDERS) + (w < total % BUILDERS ? 1 : 0);
    return new Promise<Built[]>((resolve, reject) => {
      const worker = new Worker(bootstrap, {
        workerData: { module: builderModule, job: { params: params.json, count } },
      });
      worker.on('message', (m: BuilderMessage) => {
        if (m.type === 'progress') {
          built += m.done;
          if (built % 1000 === 0) log(`  ${built} built`);
        } else {
          resolve(m.ballots);
          void worker.terminate();
        }
      });
      worker.on('error', reject);
    });
  }),
);
const ballots = parts.flat();
log(`built ${ballots.length} ballots in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);

// 2. The server: a child process with its own event loop and verifier threads.
const child = fork(new URL('./ingest-server.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx', ...(arg('profile') ? ['--cpu-prof', '--cpu-prof-dir', arg('profile')!] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const fromChild = <T extends ChildMessage['type']>(type: T) =>
  new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
    const on = (m: ChildMessage) => {
      if (m.type === 'error') reject(new Error(`server: ${m.message}`));
      else if (m.type === type) {
        child.off('message', on);
        resolve(m as Extract<ChildMessage, { type: T }>);
      }
    };
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
const toChild = (m: ParentMessage) => child.send(m);
toChild({
  type: 'setup',
  election: ELECTION,
  electionDay: ELECTION_DAY,
  candidates: CANDIDATES,
  publicKey: encodePoint(publicKey),
  credentials: ballots.map((b) => b.credential),
  tokens: ballots.length,
  ...(WORKERS === undefined ? {} : { workers: WORKERS }),
});
const ready = await fromChild('ready');
if (canonicalJson(ready.params) !== canonicalJson(params.json))
  throw new Error('the server opened the election with other parameters');
const url = `${ready.url}/api/elections/${ELECTION}/ballots`;
log(`server ready at ${ready.url}; ${ready.tokens.length} voter tokens issued`);

// 3. Load: C clients, each POSTing its next ballot as soon as the previous answer arrives.
let next = 0;
const receipts: { receipt: unknown; signature: string }[] = [];
interface Outcome {
  ms: number;
  status: number;
  code: string;
}
async function castOne(i: number): Promise<Outcome> {
  const t = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.tokens[i]}` },
      body: ballots[i]!.body,
    });
    const body = (await res.json()) as { receipt?: unknown; signature?: string; error?: { code: string } };
    if (res.status === 201 && body.signature && receipts.length < 500 && i % 8 === 0)
      receipts.push({ receipt: body.receipt, signature: body.signature });
    return { ms: performance.now() - t, status: res.status, code: body.error?.code ?? 'OK' };
  } catch (e) {
    return { ms: performance.now() - t, status: 0, code: (e as Error).name };
  }
}

async function level(c: number, seconds: number) {
  const outcomes: Outcome[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  let exhausted = false;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (performance.now() < until) {
        if (next >= ballots.length) {
          exhausted = true;
          return;
        }
        outcomes.push(await castOne(next++));
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const ok = outcomes.filter((o) => o.status === 201);
  const ms = ok.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]! : NaN);
  const errors = new Map<string, number>();
  for (const o of outcomes) if (o.status !== 201) errors.set(o.code, (errors.get(o.code) ?? 0) + 1);
  return {
    c,
    elapsed,
    ok: ok.length,
    rate: ok.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    max: ms.at(-1) ?? NaN,
    errors,
    exhausted,
  };
}

{
  // Warm-up: start the verifier threads and the JIT; not counted.
  const warm = await Promise.all(Array.from({ length: WARMUP }, () => castOne(next++)));
  const bad = warm.filter((o) => o.status !== 201);
  if (bad.length) throw new Error(`warm-up casts refused: ${bad.map((o) => o.code).join(', ')}`);
}

toChild({ type: 'mark' });
await fromChild('marked');
const clientCpu = process.cpuUsage();
/** Busy CPU-seconds of the whole machine, to see whether anything else ran during the load. */
const machineBusy = () =>
  cpus().reduce((s, c) => s + (c.times.user + c.times.nice + c.times.sys + c.times.irq) / 1000, 0);
const machineStart = machineBusy();
log(`load average before the load: ${loadavg()[0]!.toFixed(2)}`);
const rows: string[] = [];
for (const c of LEVELS) {
  const r = await level(c, SECONDS);
  const errs = [...r.errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0';
  const line = `| ${c} | ${r.ok} | ${r.elapsed.toFixed(1)} | ${r.rate.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${errs}${r.exhausted ? ' (ran out of ballots)' : ''} |`;
  rows.push(line);
  log(
    `C=${c}: ${r.ok} receipts in ${r.elapsed.toFixed(1)} s → ${r.rate.toFixed(1)} ballots/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms, errors ${errs}`,
  );
  await new Promise((r) => setTimeout(r, 1000));
}

// 4. The server's side: peak memory, batching, and the board holds what was receipted.
const machineSeconds = machineBusy() - machineStart;
const clientCpuSeconds = (() => {
  const u = process.cpuUsage(clientCpu);
  return (u.user + u.system) / 1e6;
})();
toChild({ type: 'stats' });
const stats = await fromChild('stats');
const badReceipts = receipts.filter(
  (r) => !verifyDocument('receipt', r.receipt, r.signature, ready.serverKey),
);
toChild({ type: 'stop' });

log('');
log(`| clients | receipts | seconds | ballots/s | p50 ms | p99 ms | max ms | errors |`);
log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
for (const r of rows) log(r);
log('');
log(
  `server: peak RSS ${stats.maxRssMiB.toFixed(0)} MiB; ${stats.pool.workers} verifier threads; ` +
    `${stats.pool.ballots} ballots in ${stats.pool.batches} batches (mean ${(stats.pool.ballots / stats.pool.batches).toFixed(1)}, ` +
    `largest ${stats.pool.largestBatch}); ${stats.ballots} ballots on the board; ` +
    `${receipts.length - badReceipts.length}/${receipts.length} sampled receipts verify`,
);
log(
  `CPU during the load (${stats.wallSeconds.toFixed(0)} s, ${availableParallelism()} cores): server ` +
    `${(stats.cpuSeconds / stats.wallSeconds).toFixed(2)} cores (main thread busy ${(100 * stats.mainThreadBusy).toFixed(0)} %), ` +
    `load generator ${(clientCpuSeconds / stats.wallSeconds).toFixed(2)} cores, ` +
    `other processes ${(Math.max(0, machineSeconds - stats.cpuSeconds - clientCpuSeconds) / stats.wallSeconds).toFixed(2)} cores`,
);
if (badReceipts.length > 0) process.exitCode = 1;
