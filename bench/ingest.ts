/**
 * Ingest benchmark: how many ballots a server on this machine takes in over HTTP.
 * The server runs as a child process (bench/lib/bench-server.ts) so the load generator does not share
 * its event loop; it verifies with its default worker-thread pool. Before the clock starts this
 * process encrypts N ballots with distinct credentials (in worker threads, bench/lib/ballots.ts) and
 * the server binds each credential to a voter and issues that voter a token. Then, for each
 * concurrency C, C clients POST ballots back to back for a fixed time, each signed just before
 * sending with the newest board head known (SPEC §8.2; bench/lib/sign.ts); the signing counts in the
 * latency and in the load generator's CPU. Each figure counts only 201 answers with a receipt.
 * Run: npm run bench:ingest [-- --ballots 4500 --seconds 8 --concurrency 16,32,64 --candidates 5]
 *      [--workers W (server verifier threads)] [--builders B] [--profile DIR (the server's CPU profiles)]
 */
import { availableParallelism, loadavg } from 'node:os';
import { G, encodePoint, makeElectionParams, randomScalar, verifyDocument } from '@saylau/crypto';
import { buildBallots } from './lib/ballots.ts';
import {
  castSigned,
  machineBusy,
  startBenchServer,
  summarise,
  warmUp,
  type Outcome,
} from './lib/bench-client.ts';

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
log(`encrypting ${total} ballots (${CANDIDATES + 1} options) in ${BUILDERS} threads…`);
const buildStart = performance.now();
const ballots = await buildBallots(params.json, total, {
  threads: BUILDERS,
  progress: (n) => n % 1000 === 0 && log(`  ${n} built`),
});
log(`encrypted ${ballots.length} ballots in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);

// 2. The server: a child process with its own event loop and verifier threads.
const server = await startBenchServer(
  {
    election: ELECTION,
    electionDay: ELECTION_DAY,
    candidates: CANDIDATES,
    publicKey: encodePoint(publicKey),
    ...(WORKERS === undefined ? {} : { workers: WORKERS }),
  },
  ballots,
  params,
  { profileDir: arg('profile') },
);
const ready = { url: server.url, tokens: server.tokens, serverKey: server.serverKey };
const fromChild = server.next;
const toChild = server.send;
const url = server.ballotsUrl;
log(`server ready at ${ready.url}; ${ready.tokens.length} voter tokens issued`);

// 3. Load: C clients, each POSTing its next ballot as soon as the previous answer arrives.
let next = 0;
const receipts: { receipt: unknown; signature: string }[] = [];
async function castOne(i: number): Promise<Outcome> {
  const o = await castSigned(url, ready.tokens[i]!, ballots[i]!, server.heads);
  if (o.signature && receipts.length < 500 && i % 8 === 0)
    receipts.push({ receipt: o.receipt, signature: o.signature });
  return o;
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
  return { c, elapsed, exhausted, ...summarise(outcomes, elapsed) };
}

// Warm-up: start the verifier threads and the JIT; not counted.
await warmUp(() => castOne(next++), WARMUP);

toChild({ type: 'mark' });
await fromChild('marked');
const clientCpu = process.cpuUsage();
const machineStart = machineBusy();
log(`load average before the load: ${loadavg()[0]!.toFixed(2)}`);
const rows: string[] = [];
for (const c of LEVELS) {
  const r = await level(c, SECONDS);
  const errs = r.errorText;
  const line = `| ${c} | ${r.ok} | ${r.elapsed.toFixed(1)} | ${r.rate.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${errs}${r.exhausted ? ' (ran out of ballots)' : ''} |`;
  rows.push(line);
  log(
    `C=${c}: ${r.ok} receipts in ${r.elapsed.toFixed(1)} s → ${r.rate.toFixed(1)} ballots/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms, errors ${errs}` +
      (r.resigned ? `, ${r.resigned} signed again after an anchor refusal` : ''),
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
