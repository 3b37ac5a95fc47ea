/**
 * The data directory is private to the server's account (SPEC §9.1): with the usual umask 022 the
 * directory is 0700 and the database, its -wal and -shm and a backup 0600; `saylau serve` refuses a
 * directory or database that group or others can reach.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../src/server.ts';
import { openDatabase } from '../src/database.ts';

const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'saylau');
let root: string;
let data: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'saylau-data-dir-'));
  data = join(root, 'data');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** `saylau …` under `umask 022`; resolves when `until` matches its output, or when it exits. */
function saylau(args: string[], until?: RegExp) {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const child = spawn('sh', ['-c', `umask 022 && exec '${bin}' ${quoted}`], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (err += b));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
    if (until) child.stdout.on('data', () => until.test(out) && resolve({ status: null, out, err }));
    void exited.then((status) => resolve({ status, out, err }));
  });
  return { child, ready, exited };
}

const serve = () =>
  saylau(['serve', '--data', data, '--no-demo', '--port', '0'], /Saylau ballot server on http/);

describe('the data directory under umask 022', () => {
  it('is 0700, the database and its -wal and -shm 0600, and a backup 0600', async () => {
    const server = serve();
    const up = await server.ready;
    try {
      expect(up.status, up.err).toBeNull();
      expect(modeOf(data)).toBe(0o700);
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`])
        expect([f, modeOf(join(data, f))]).toEqual([f, 0o600]);
      const out = join(root, 'copy.sqlite');
      const backup = await saylau(['backup', '--data', data, '--out', out]).ready;
      expect([backup.status, backup.err]).toEqual([0, '']);
      expect(modeOf(out)).toBe(0o600);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('keeps sorts and temporary tables in memory, not in temporary files', () => {
    const db = openDatabase(join(root, DB_FILE));
    try {
      expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    } finally {
      db.close();
    }
  });
});

describe('saylau serve refuses a data directory that others can reach', () => {
  /** A data directory made by a first run, then `loosen` applied to it. */
  async function refusedAfter(loosen: () => void): Promise<string> {
    const first = serve();
    await first.ready;
    first.child.kill('SIGTERM');
    await first.exited;
    loosen();
    const r = await serve().ready;
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.out).not.toMatch(/Saylau ballot server on/);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  }

  it('a 0755 directory', async () => {
    const line = await refusedAfter(() => chmodSync(data, 0o755));
    expect(line).toBe(
      `saylau: ${data} is 0755: other users could read the server's keys and the voter roll; ` +
        `run: chmod 700 ${data} && chmod 600 ${join(data, DB_FILE)}*`,
    );
  });

  it('a 0644 database', async () => {
    const line = await refusedAfter(() => chmodSync(join(data, DB_FILE), 0o644));
    expect(line).toContain(`${join(data, DB_FILE)} is 0644`);
    expect(line).toContain(`run: chmod 700 ${data} && chmod 600 ${join(data, DB_FILE)}*`);
  });

  it('a -wal or -shm that group can write', async () => {
    const first = serve();
    await first.ready;
    try {
      // While the server runs, so that both companions exist.
      chmodSync(join(data, `${DB_FILE}-shm`), 0o620);
      const r = await serve().ready;
      expect(r.status).toBe(1);
      expect(r.err).toContain(`${join(data, DB_FILE)}-shm is 0620`);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
