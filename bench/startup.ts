/**
 * Start-up benchmark: how long `npm start` (`saylau serve` on a fresh data directory, up to the
 * "Saylau ballot server on …" line) and `saylau-verify --help` take, as a user runs them.
 * Usage: tsx bench/startup.ts [--runs N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;

/** ms from spawn until `done(stdout so far)` holds, then the child is stopped. */
function time(cmd: string, args: string[], done: (out: string) => boolean, cwd = root): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Its own process group: npx's children (the server) are stopped with it, not left running.
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(performance.now() - t0);
      process.kill(-child.pid!, 'SIGTERM');
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (done(out)) finish();
    });
    child.on('exit', (code) => {
      if (done(out)) finish();
      else if (!settled) reject(new Error(`${cmd} ${args.join(' ')} exited ${code} before it was ready`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(name: string, once: () => Promise<number>) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await once());
  console.log(
    `${name}: median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${runs} runs)`,
  );
}

await measure('npm start (saylau serve, fresh data dir, until listening)', async () => {
  const data = mkdtempSync(join(tmpdir(), 'saylau-startup-'));
  try {
    return await time('npx', ['saylau', 'serve', '--data', data, '--port', '0'], (o) =>
      o.includes('Saylau ballot server on'),
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
await measure('saylau-verify --help', () =>
  time('npx', ['saylau-verify', '--help'], (o) => o.includes('Usage')),
);
