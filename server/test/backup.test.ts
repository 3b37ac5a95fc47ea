/** `saylau backup` copies the database while voters cast, and a server runs on the copy. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDocument } from '@saylau/crypto';
import { closeCasting } from '../src/casting/routes.ts';
import { DB_FILE, startServer } from '../src/server.ts';
import {
  ballotOf,
  cast,
  castSetup,
  voterToken,
  type CastSetup,
  VOTING_DAY_MORNING,
  startHarness,
  type Harness,
} from '@saylau/test-kit';

const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'saylau');
let h: Harness;
let e: CastSetup;

beforeEach(async () => {
  h = await startHarness(VOTING_DAY_MORNING);
  e = castSetup(h, { voters: 80, credentials: 80 });
});
afterEach(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

const exportOf = async (url: string, id: string) =>
  (await (await fetch(`${url}/api/elections/${id}/board`)).text()).split('\n').filter(Boolean);

describe('saylau backup', () => {
  it('copies a consistent prefix of the board while ballots arrive, keys included, mode 0600', async () => {
    const castOne = async (i: number) => {
      const r = await cast(h, e.id, ballotOf(h, e, i, [i % 4]).ballot, await voterToken(h, e, i));
      expect(r.status).toBe(201);
    };
    for (let i = 0; i < 10; i++) await castOne(i);
    const out = join(h.dir, 'backup.sqlite');
    let finished = false;
    const backup = run('backup', '--data', h.dir, '--out', out).finally(() => (finished = true));
    // Cast two at a time while the backup runs; the last five always come after it.
    let next = 10;
    while (!finished && next < e.credentials.length - 5)
      await Promise.all([castOne(next++), castOne(next++)]);
    const r = await backup;
    while (next < e.credentials.length) await castOne(next++);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const live = await exportOf(h.url, e.id);
    const seq = Number(new RegExp(`${e.id}: board up to seq (\\d+), head ([0-9a-f]{64})`).exec(r.stdout)![1]);
    expect(r.stdout).toContain(`integrity ok`);

    // A server on the copy: its board is the live board's first seq+1 entries, byte for byte, and it
    // signs checkpoints with the manifest's key (the secrets came along).
    const dir = join(h.dir, 'restored');
    mkdirSync(dir);
    copyFileSync(out, join(dir, DB_FILE));
    const restored = await startServer({ dataDir: dir, clock: () => h.now.value, log: () => undefined });
    try {
      const copy = await exportOf(restored.url, e.id);
      expect(copy.length).toBe(seq + 1);
      expect(copy.length).toBeGreaterThan(10);
      expect(copy.length).toBeLessThanOrEqual(live.length - 5);
      expect(copy).toEqual(live.slice(0, copy.length));
      const head = (await (await fetch(`${restored.url}/api/elections/${e.id}/board/head`)).json()) as {
        checkpoint: { head: string };
        signature: string;
      };
      const serverKey = (JSON.parse(live[0]!) as { payload: { serverKey: string } }).payload.serverKey;
      expect(head.checkpoint.head).toBe(JSON.parse(copy.at(-1)!).hash);
      expect(verifyDocument('checkpoint', head.checkpoint, head.signature, serverKey)).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('never overwrites a file and explains a missing database, exit 1', async () => {
    const out = join(h.dir, 'backup.sqlite');
    expect((await run('backup', '--data', h.dir, '--out', out)).status).toBe(0);
    const before = readFileSync(out);
    const again = await run('backup', '--data', h.dir, '--out', out);
    expect([again.status, again.stderr]).toEqual([
      1,
      expect.stringMatching(/exists; a backup never overwrites/),
    ]);
    expect(readFileSync(out).equals(before)).toBe(true);
    const none = await run('backup', '--data', join(h.dir, 'nowhere'), '--out', join(h.dir, 'x.sqlite'));
    expect([none.status, none.stderr]).toEqual([1, expect.stringMatching(/no database at/)]);
    expect(() => statSync(join(h.dir, 'x.sqlite'))).toThrow();
  });
});
