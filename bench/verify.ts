/**
 * Verifier benchmark: `saylau-verify` against Belenios' `belenios-tool election verify`,
 * side by side on this machine in the same run, on elections of the same shape — 5 candidates and
 * "Against all" (6 options), exactly one choice, 3 trustees with t = 2, one ballot per voter, tally,
 * 2 partial decryptions and the result.
 *
 * - Saylau: a real board per size, made through the server (bench/verify-board.ts) and cached in
 *   $TMPDIR/saylau-bench-verify/saylau-N; timed is the CLI (node_modules/.bin/saylau-verify BOARD)
 *   from process start to exit, which must be 0.
 * - Belenios: Debian's belenios-tool 2.0, group BELENIOS-2048, threshold trustees, one question of 6
 *   answers with min = max = 1 (bench/belenios/make-election.sh), cached in …/belenios-N; timed is
 *   `belenios-tool election verify --dir DIR`, which must exit 0.
 *
 * Each tool runs `--runs` times per size (default 1), alternating; the table shows the fastest run.
 * Wall clock, user+system CPU and peak RSS come from /usr/bin/time; each run is logged with the load
 * average before and after it. Targets: Saylau ≥ 5× faster wall clock than Belenios at 1,000
 * ballots, ≥ 6× at 10,000, and at most 5 ms of CPU per ballot at 10,000.
 *
 * Run: npm run bench:verify [-- --sizes 1000,10000 --runs 1 --no-belenios --saylau-args "--workers 2"]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_CACHE, makeBenchBoard } from './verify-board.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('sizes') ?? '1000,10000').split(',').map(Number);
const RUNS = Number(arg('runs') ?? 1);
const BELENIOS = !process.argv.includes('--no-belenios');
const SAYLAU_ARGS = (arg('saylau-args') ?? '').split(' ').filter(Boolean);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (s: string) => console.log(s);

interface Timing {
  wall: number;
  cpu: number;
  rssMiB: number;
  code: number;
  tail: string;
}

/** Run a command under /usr/bin/time; wall clock, CPU seconds (user + system) and peak RSS. */
function timed(cmd: string, args: string[], opts: { cwd?: string } = {}): Timing {
  const tmp = mkdtempSync(join(tmpdir(), 'saylau-time-'));
  const out = join(tmp, 'time');
  try {
    const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', cmd, ...args], {
      cwd: opts.cwd ?? ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, TERM: 'dumb' },
    });
    const last = readFileSync(out, 'utf8').trim().split('\n').at(-1)!;
    const [wall, user, sys, rss] = last.split(' ').map(Number) as [number, number, number, number];
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    return { wall, cpu: user + sys, rssMiB: rss / 1024, code: r.status ?? -1, tail };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The saylau-verify CLI: the workspace bin link, or the bin file named in verifier/package.json. */
function saylauVerifyCommand(): [string, string[]] {
  const link = join(ROOT, 'node_modules', '.bin', 'saylau-verify');
  if (existsSync(link)) return [link, []];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'verifier', 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['saylau-verify'];
  if (!bin)
    throw new Error(
      'no saylau-verify: neither node_modules/.bin/saylau-verify nor a bin in verifier/package.json',
    );
  return [process.execPath, [join(ROOT, 'verifier', bin)]];
}

function beleniosVersion(): string | null {
  const r = spawnSync('belenios-tool', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Busy CPU-seconds of the whole machine, to see whether anything else ran during a measurement. */
const machineBusy = () =>
  cpus().reduce((s, c) => s + (c.times.user + c.times.nice + c.times.sys + c.times.irq) / 1000, 0);

interface Row {
  ballots: number;
  saylau: Timing[];
  belenios: Timing[];
  other: number;
}

/** The 1-minute load average, for the log line of each run. */
const load = () => loadavg()[0]!.toFixed(2);

const best = (ts: Timing[]) => (ts.length ? ts.reduce((a, b) => (b.wall < a.wall ? b : a)) : null);

const [verifyCmd, verifyPre] = saylauVerifyCommand();
const belenios = BELENIOS ? beleniosVersion() : null;
if (BELENIOS && !belenios)
  log('belenios-tool not found: measuring Saylau only (apt-get install belenios-tool)');

// 1. Inputs (cached): a Saylau board and a Belenios election per size.
const inputs = [];
for (const n of SIZES) {
  log(`Saylau board of ${n} ballots…`);
  const board = await makeBenchBoard({ ballots: n, log: (s) => log(`  ${s}`) });
  log(`  ${board.boardFile}${board.seconds ? ` (made in ${board.seconds.toFixed(0)} s)` : ' (cached)'}`);
  let bel: string | null = null;
  if (belenios) {
    bel = join(BENCH_CACHE, `belenios-${n}`);
    log(`Belenios election of ${n} ballots…`);
    const t = performance.now();
    const r = spawnSync('bash', [join(ROOT, 'bench', 'belenios', 'make-election.sh'), bel, String(n), '2'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`make-election.sh failed (${r.status})`);
    log(`  ${bel} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  inputs.push({ n, board, bel });
}

// 2. Measurements, the two tools alternating.
log('');
log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(2)}; ` +
    `Node ${process.version}; ${belenios ? `belenios-tool ${belenios}` : 'no Belenios'}`,
);
const rows: Row[] = [];
for (const { n, board, bel } of inputs) {
  const row: Row = { ballots: n, saylau: [], belenios: [], other: 0 };
  for (let run = 0; run < RUNS; run++) {
    const m0 = machineBusy();
    const l0 = load();
    const s = timed(verifyCmd, [...verifyPre, ...SAYLAU_ARGS, board.boardFile]);
    row.saylau.push(s);
    row.other = Math.max(row.other, (machineBusy() - m0 - s.cpu) / s.wall);
    log(
      `saylau-verify ${n}: ${s.wall.toFixed(2)} s, CPU ${s.cpu.toFixed(1)} s (${(s.cpu / s.wall).toFixed(2)} cores, ` +
        `${((1000 * s.cpu) / n).toFixed(2)} ms/ballot), peak RSS ${s.rssMiB.toFixed(0)} MiB, load ${l0} → ${load()}, ` +
        `exit ${s.code}${s.code === 0 ? '' : ` — ${s.tail}`}`,
    );
    if (bel) {
      const m1 = machineBusy();
      const l1 = load();
      const b = timed('belenios-tool', ['election', 'verify', '--dir', bel]);
      row.belenios.push(b);
      row.other = Math.max(row.other, (machineBusy() - m1 - b.cpu) / b.wall);
      log(
        `belenios-tool election verify ${n}: ${b.wall.toFixed(2)} s, CPU ${b.cpu.toFixed(1)} s ` +
          `(${(b.cpu / b.wall).toFixed(2)} cores), peak RSS ${b.rssMiB.toFixed(0)} MiB, load ${l1} → ${load()}, exit ${b.code}` +
          `${b.code === 0 ? '' : ` — ${b.tail}`}`,
      );
    }
  }
  rows.push(row);
}

// 3. The table and the targets.
const fmt = (x: number | undefined, d: number) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
log('');
log(
  '| ballots | Saylau s | Saylau ms/ballot | Saylau CPU ms/ballot | Belenios s | Belenios ms/ballot | ratio (Belenios / Saylau) |',
);
log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let failed = false;
const targets: string[] = [];
for (const r of rows) {
  const s = best(r.saylau)!;
  const b = best(r.belenios);
  const sms = (1000 * s.wall) / r.ballots;
  const bms = b ? (1000 * b.wall) / r.ballots : undefined;
  const ratio = bms === undefined ? undefined : bms / sms;
  log(
    `| ${r.ballots.toLocaleString('en')} | ${fmt(s.wall, 1)} | ${fmt(sms, 2)} | ${fmt((1000 * s.cpu) / r.ballots, 2)} | ${fmt(b?.wall, 1)} | ${fmt(bms, 2)} | ${fmt(ratio, 1)}× |`,
  );
  if (r.saylau.some((t) => t.code !== 0) || r.belenios.some((t) => t.code !== 0)) failed = true;
  const want = r.ballots >= 10_000 ? 6 : 5;
  if (ratio !== undefined)
    targets.push(
      `${r.ballots} ballots: ${ratio.toFixed(1)}× faster wall clock (target ≥ ${want}×): ${ratio >= want ? 'met' : 'NOT met'}`,
    );
  const cpuMs = (1000 * s.cpu) / r.ballots;
  if (r.ballots >= 10_000)
    targets.push(
      `${r.ballots} ballots: ${cpuMs.toFixed(2)} ms of CPU per ballot (target ≤ 5 ms): ${cpuMs <= 5 ? 'met' : 'NOT met'}`,
    );
  if (r.other > 0.2)
    targets.push(
      `${r.ballots} ballots: other processes used up to ${r.other.toFixed(2)} cores during the runs (noisy)`,
    );
}
log('');
for (const t of targets) log(t);
if (failed) {
  log('a verifier did not exit 0 on a valid election: the figures are not comparable');
  process.exitCode = 1;
}
