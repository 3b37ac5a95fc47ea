/**
 * Upload benchmark: how long the server's event loop stalls while it takes the two large uploads, a
 * 100,000-key credential list with its owner map (POST …/credentials, SPEC §10.7) and a roll CSV of about 8 MB
 * (POST …/roll/imports, §10.3). The server runs as a child process (bench/lib/upload-server.ts) with
 * perf_hooks.monitorEventLoopDelay; for each upload this process resets the monitor, sends the upload,
 * and prints the largest and the p99 event-loop delay the server saw meanwhile, and the wall time.
 * The monitor can miss one long stall (it samples on a timer that the stall delays), so the server
 * also reports how late a 10 ms interval timer came at most: the larger of the two is the stall.
 * The keys are multiples of the Ed25519 base point (valid strict keys, §7.3), cached in
 * $TMPDIR/saylau-bench-uploads; the roll is synthetic (server/src/roll/synthetic.ts).
 * Run: npm run bench:uploads [-- --keys 100000 --roll-bytes 8000000]
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { rollCsv, syntheticVoters } from '@saylau/server';
import type { UploadChildMessage, UploadParentMessage } from './lib/upload-server.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const KEYS = Number(arg('keys') ?? 100_000);
const ROLL_BYTES = Number(arg('roll-bytes') ?? 8_000_000);
const ELECTION_DAY = '2026-12-20';
const PASSWORD = 'bench password 1234';
const log = (s: string) => console.log(s);

/** KEYS distinct valid keys kG, k = 1…KEYS, sorted as §7.3 wants them; cached between runs. */
function credentialKeys(): string[] {
  const dir = join(tmpdir(), 'saylau-bench-uploads');
  const file = join(dir, `keys-${KEYS}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const keys: string[] = [];
  let p = ed25519.Point.BASE;
  for (let i = 0; i < KEYS; i++, p = p.add(ed25519.Point.BASE)) keys.push(p.toHex());
  keys.sort();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys));
  return keys;
}

/** The largest synthetic roll whose CSV stays within ROLL_BYTES. */
function rollFile(): { csv: Buffer; voters: number } {
  const all = syntheticVoters(Math.ceil(ROLL_BYTES / 90), ELECTION_DAY, 7);
  let lo = 1;
  let hi = all.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(rollCsv(all.slice(0, mid))) <= ROLL_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return { csv: Buffer.from(rollCsv(all.slice(0, lo))), voters: lo };
}

const child = fork(new URL('./lib/upload-server.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const next = <T extends UploadChildMessage['type']>(type: T) =>
  new Promise<Extract<UploadChildMessage, { type: T }>>((resolve, reject) => {
    const on = (m: UploadChildMessage) => {
      if (m.type === 'error') reject(new Error(`server: ${m.message}`));
      else if (m.type === type) resolve(m as Extract<UploadChildMessage, { type: T }>);
      else return;
      child.off('message', on);
    };
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
const send = (m: UploadParentMessage) => child.send(m);

log(`preparing ${KEYS} credential keys and a roll of about ${(ROLL_BYTES / 1e6).toFixed(1)} MB…`);
const keys = credentialKeys();
const roll = rollFile();
send({ type: 'setup', electionDay: ELECTION_DAY, credentials: KEYS, password: PASSWORD });
const ready = await next('ready');
// The list with its owner map: owners[i] holds keys[i] (SPEC §10.7).
const listBody = JSON.stringify({ list: keys, owners: ready.owners });

async function session(name: string): Promise<string> {
  const r = await fetch(`${ready.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${name}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}
const authority = await session('authority');
const chair = await session('chair');

interface Row {
  upload: string;
  size: string;
  status: number;
  wall: number;
  maxMs: number;
  p99Ms: number;
  lateMs: number;
  load: string;
}
const rows: Row[] = [];

async function measure(upload: string, size: string, request: () => Promise<Response>): Promise<unknown> {
  const before = loadavg()[0]!.toFixed(2);
  send({ type: 'mark' });
  await next('marked');
  const t = performance.now();
  const res = await request();
  const text = await res.text();
  const wall = (performance.now() - t) / 1000;
  send({ type: 'stats' });
  const s = await next('stats');
  const row = {
    upload,
    size,
    status: res.status,
    wall,
    maxMs: s.maxMs,
    p99Ms: s.p99Ms,
    lateMs: s.lateMaxMs,
    load: `${before} → ${loadavg()[0]!.toFixed(2)}`,
  };
  rows.push(row);
  log(
    `${upload}: ${res.status} in ${wall.toFixed(1)} s; event-loop delay max ${s.maxMs.toFixed(0)} ms, ` +
      `p99 ${s.p99Ms.toFixed(0)} ms, ${s.samples} samples; interval timer late by at most ` +
      `${s.lateMaxMs.toFixed(0)} ms (load ${row.load})`,
  );
  if (res.status >= 300) log(`  ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// The noise floor: the same server doing nothing for 5 s on this shared machine.
await measure('nothing (idle 5 s)', '—', async () => {
  await new Promise((r) => setTimeout(r, 5000));
  return fetch(`${ready.url}/api/elections`);
});
await measure('credential list', `${KEYS} keys, ${(listBody.length / 1e6).toFixed(1)} MB`, () =>
  fetch(`${ready.url}/api/elections/${ready.listElection}/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${authority}` },
    body: listBody,
  }),
);
const staged = await measure(
  'roll import',
  `${roll.voters} voters, ${(roll.csv.length / 1e6).toFixed(1)} MB`,
  () =>
    fetch(`${ready.url}/api/elections/${ready.rollElection}/roll/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${chair}` },
      body: new Uint8Array(roll.csv),
    }),
);
// Accepting the import is not an upload, but it handles the same rows: printed for comparison.
const n = (staged as { import?: number } | null)?.import;
if (n !== undefined)
  await measure('roll accept (not an upload)', `${roll.voters} voters`, () =>
    fetch(`${ready.url}/api/elections/${ready.rollElection}/roll/imports/${n}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair}` },
    }),
  );

log('');
log(
  '| upload | size | status | wall s | event-loop delay max ms | p99 ms | 10 ms timer late by at most, ms | load average (1 min) |',
);
log(
  '| ------ | ---- | -----: | -----: | ----------------------: | -----: | ------------------------------: | -------------------- |',
);
for (const r of rows)
  log(
    `| ${r.upload} | ${r.size} | ${r.status} | ${r.wall.toFixed(1)} | ${r.maxMs.toFixed(0)} | ${r.p99Ms.toFixed(0)} | ${r.lateMs.toFixed(0)} | ${r.load} |`,
  );
send({ type: 'stop' });
