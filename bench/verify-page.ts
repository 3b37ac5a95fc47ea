/**
 * The verifier page (SPEC §11.5) against the command line on the same board: Debian's Chromium,
 * headless, opens dist/saylau-verify.html from disk, is given the board file and verifies it (timed
 * from the click on "Verify" to the report, so reading the file, starting the workers and showing
 * the report are in); `node dist/saylau-verify.mjs BOARD` is timed from process start to exit. Both
 * must find the board complete and correct (exit code 0). The board is bench/verify-board.ts's
 * (cached in $TMPDIR/saylau-bench-verify/saylau-N, the board of `npm run bench:verify`). The two
 * alternate, `--runs` times each (default 3); the fastest and the median of each are shown with
 * their ratio (target: the page within 2× of the command line), and the load average before and
 * after every run, since other work on the machine slows either side.
 *
 * `--throttle R` also runs the page once under Chromium's CPU throttling at rate R (DevTools'
 * "mid-tier mobile" preset is 4): whether that slows the page's Web Workers too is printed, not
 * assumed.
 *
 * Run: npm run bench:verify-page [-- --ballots 1000 --runs 3 --throttle 4]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ensureBuilt } from '../scripts/ensure-built.mjs';
import { launchChromium } from '../test/browser/chromium.ts';
import { makeBenchBoard } from './verify-board.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const BALLOTS = Number(arg('ballots') ?? 1000);
const RUNS = Number(arg('runs') ?? 3);
const THROTTLE = arg('throttle') === undefined ? null : Number(arg('throttle'));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = pathToFileURL(join(ROOT, 'dist', 'saylau-verify.html')).href;
const CLI = join(ROOT, 'dist', 'saylau-verify.mjs');
const log = (s: string) => console.log(s);

interface Run {
  seconds: number;
  /** CPU-seconds (user + system) of the verifier's own processes: Chromium's, or the command's. */
  cpu: number;
  /** Busy CPU-seconds of the whole machine during the run, per second of it (≈ cores used). */
  cores: number;
  load: [number, number];
}

/** Busy CPU-seconds of the whole machine since boot. */
const machineBusy = () =>
  cpus().reduce((s, c) => s + (c.times.user + c.times.nice + c.times.sys + c.times.irq) / 1000, 0);

/** Linux clock ticks per second, the unit of /proc/PID/stat's times. */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU-seconds used so far by process `root` and every process under it: each live process's own
 * time and that of its children that have exited and been reaped (cutime, cstime).
 */
function treeCpu(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based fields.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(d), {
      ppid: Number(f[1]),
      ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    });
  }
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return ticks / TICKS;
}

/** Run `f`, timing it; `cpu` gives the CPU-seconds of the measured processes before and after. */
async function measure(f: () => Promise<void> | void, cpu: () => number): Promise<Run> {
  const before = loadavg()[0]!;
  const busy = machineBusy();
  const cpu0 = cpu();
  const started = performance.now();
  await f();
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    cpu: cpu() - cpu0,
    cores: (machineBusy() - busy) / seconds,
    load: [before, loadavg()[0]!],
  };
}

async function pageRun(browser: Browser, board: string, throttle: number | null): Promise<Run> {
  const page = await browser.newPage();
  try {
    if (throttle !== null) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(`${PAGE}?lang=en`);
    await page.setInputFiles('#board-file', board);
    const run = await measure(
      async () => {
        await page.click('#verify');
        await page.waitForSelector('#report, #error', { timeout: 60 * 60_000 });
      },
      // Chromium runs under this process: its CPU, and this process's own (it only waits meanwhile).
      () => treeCpu(process.pid),
    );
    const error = await page.locator('#error').count();
    const exit = await page.getAttribute('#report', 'data-exit-code').catch(() => null);
    if (error > 0 || exit !== '0')
      throw new Error(`the page did not verify the board: ${await page.textContent('#error, #verdict')}`);
    return run;
  } finally {
    await page.close();
  }
}

async function cliRun(board: string): Promise<Run> {
  // The command's CPU time: its own and its worker threads', from /usr/bin/time.
  const tmp = mkdtempSync(join(tmpdir(), 'saylau-time-'));
  try {
    let status: number | null = null;
    const run = await measure(
      () => {
        status = spawnSync(
          '/usr/bin/time',
          ['-o', join(tmp, 'time'), '-f', '%U %S', process.execPath, CLI, board, '--lang', 'en'],
          { stdio: 'ignore' },
        ).status;
      },
      () => 0,
    );
    if (status !== 0) throw new Error(`saylau-verify exited ${status}`);
    const [user, sys] = readFileSync(join(tmp, 'time'), 'utf8')
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ')
      .map(Number);
    return { ...run, cpu: user! + sys! };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const best = (rs: Run[]) => Math.min(...rs.map((r) => r.seconds));
const median = (rs: Run[]) => {
  const s = rs.map((r) => r.seconds).sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const bestCpu = (rs: Run[]) => Math.min(...rs.map((r) => r.cpu));
const line = (what: string, r: Run) =>
  `${what}: ${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(1)} s, machine ${r.cores.toFixed(2)} cores busy, ` +
  `load average ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}`;

ensureBuilt();
log(`Saylau board of ${BALLOTS} ballots…`);
const board = await makeBenchBoard({ ballots: BALLOTS, log: (s) => log(`  ${s}`) });
log(`  ${board.boardFile}${board.seconds ? ` (made in ${board.seconds.toFixed(0)} s)` : ' (cached)'}`);

const browser = await launchChromium();
try {
  const probe = await browser.newPage();
  await probe.goto(`${PAGE}?lang=en`);
  const workers = Number(await probe.evaluate('navigator.hardwareConcurrency'));
  await probe.close();
  log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}); Node ${process.version}; ` +
      `Chromium ${browser.version()} (headless, ${workers} logical CPUs → ${workers} ballot workers)`,
  );
  // One unmeasured page run: Chromium's first start of the page's code is not what an observer waits for twice.
  await pageRun(browser, board.boardFile, null);
  const page: Run[] = [];
  const cli: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    page.push(await pageRun(browser, board.boardFile, null));
    log(line(`page ${i + 1}`, page.at(-1)!));
    cli.push(await cliRun(board.boardFile));
    log(line(`CLI  ${i + 1}`, cli.at(-1)!));
  }
  log('');
  log(
    `page: fastest ${best(page).toFixed(2)} s, median ${median(page).toFixed(2)} s, least CPU ${bestCpu(page).toFixed(1)} s`,
  );
  log(
    `CLI:  fastest ${best(cli).toFixed(2)} s, median ${median(cli).toFixed(2)} s, least CPU ${bestCpu(cli).toFixed(1)} s`,
  );
  const ratio = best(page) / best(cli);
  log(
    `ratio page / CLI: ${ratio.toFixed(2)} (fastest), ${(median(page) / median(cli)).toFixed(2)} (median), ` +
      `${(bestCpu(page) / bestCpu(cli)).toFixed(2)} (CPU) — target ≤ 2: ${ratio <= 2 ? 'met' : 'NOT met'}`,
  );
  log(
    `load average now: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  if (THROTTLE !== null) {
    const t = await pageRun(browser, board.boardFile, THROTTLE);
    log(line(`page with CPU throttling ×${THROTTLE}`, t));
    log(`  ${(t.seconds / median(page)).toFixed(2)}× the unthrottled median`);
  }
} finally {
  await browser.close();
}
