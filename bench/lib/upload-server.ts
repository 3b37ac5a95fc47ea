/**
 * Child process of bench/uploads.ts: a real Saylau server on a temporary data directory with two
 * elections ready for the two large uploads, and an event-loop delay monitor (perf_hooks) that the
 * parent resets before each upload and reads after it. The monitor runs in this process, so what it
 * sees is the server's event loop alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createElection,
  createUser,
  localTime,
  startServer,
  type RunningServer,
  grantElection,
  syntheticVoters,
  writeSyntheticRoll,
  voterRef,
} from '@saylau/server';

export interface UploadSetup {
  type: 'setup';
  electionDay: string;
  /** The roll size the credential list must match (its voters and `roll` entry are written directly). */
  credentials: number;
  password: string;
}
export type UploadParentMessage = UploadSetup | { type: 'mark' } | { type: 'stats' } | { type: 'stop' };
export type UploadChildMessage =
  /** `owners`: the roll's voter references, one to hold each key (SPEC §10.7). */
  | { type: 'ready'; url: string; listElection: string; rollElection: string; owners: string[] }
  | { type: 'marked' }
  /** Event-loop delay since the last mark, in milliseconds. */
  | { type: 'stats'; maxMs: number; p99Ms: number; meanMs: number; samples: number; lateMaxMs: number }
  | { type: 'error'; message: string };

const send = (m: UploadChildMessage) => process.send!(m);
const delay = monitorEventLoopDelay({ resolution: 10 });
/** A cross-check of the monitor: the largest lateness of a 10 ms interval timer. */
let lateMax = 0;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  lateMax = Math.max(lateMax, now - last - 10);
  last = now;
}, 10).unref();
let server: RunningServer | null = null;
let dir = '';

async function setup(m: UploadSetup): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'saylau-uploads-'));
  server = await startServer({ dataDir: dir, log: () => {}, app: { loginRateLimit: false } });
  const ctx = server.ctx;
  await createUser(ctx, 'chair', 'commission', m.password);
  await createUser(ctx, 'authority', 'credential-authority', m.password);
  const district = { kk: 'Бенч', ru: 'Бенч', en: 'Bench' };
  // The server runs on the real clock: the elections are created as of 40 days before their day
  // (SPEC §10.1 refuses deadlines that have passed), whatever today's date.
  const created = new Date(localTime(m.electionDay, 40, '09:00'));
  createElection(ctx, { id: 'list-bench', district, electionDay: m.electionDay }, 'bench', created);
  createElection(ctx, { id: 'roll-bench', district, electionDay: m.electionDay }, 'bench', created);
  for (const e of ['list-bench', 'roll-bench'])
    for (const u of ['chair', 'authority']) grantElection(ctx, e, u, 'bench');
  // The list election's roll as accepting it writes it (rows and board entry), without the import.
  const voters = syntheticVoters(m.credentials, m.electionDay, 3);
  writeSyntheticRoll(ctx, 'list-bench', voters);
  const owners = voters.map((v) => voterRef(ctx, 'list-bench', v.iin));
  delay.enable();
  send({ type: 'ready', url: server.url, listElection: 'list-bench', rollElection: 'roll-bench', owners });
}

async function stop(): Promise<void> {
  if (server) await server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const ms = (ns: number) => ns / 1e6;

process.on('message', (m: UploadParentMessage) => {
  if (m.type === 'setup')
    setup(m).catch((e: unknown) => send({ type: 'error', message: String((e as Error)?.stack ?? e) }));
  else if (m.type === 'mark') {
    delay.reset();
    lateMax = 0;
    send({ type: 'marked' });
  } else if (m.type === 'stats')
    // A few of the monitor's ticks first, so that a stall which has just ended is recorded too.
    setTimeout(
      () =>
        send({
          type: 'stats',
          maxMs: ms(delay.max),
          p99Ms: ms(delay.percentile(99)),
          meanMs: ms(delay.mean),
          samples: delay.count,
          lateMaxMs: lateMax,
        }),
      50,
    );
  else if (m.type === 'stop') void stop();
});
process.on('disconnect', () => void stop());
