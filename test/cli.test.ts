/** The `saylau` command as a newcomer runs it: `npx saylau …` from the repository root. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin', 'saylau');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'saylau-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('saylau CLI', () => {
  it('is installed as a bin and lists its commands', () => {
    const r = spawnSync(bin, ['--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const c of [
      'serve',
      'user',
      'backup',
      'election',
      'roll',
      'nomination',
      'ceremony',
      'trustee',
      'credentials',
      'demo',
      'vote',
    ])
      expect(r.stdout).toContain(c);
  });

  it('refuses bad arguments with a message and exit 1, without a stack trace', () => {
    const d = tmp();
    const r = spawnSync(bin, ['user', 'add', '--data', d, '--name', 'x', '--role', 'king'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SAYLAU_PASSWORD: 'long enough password' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--role: expected one of commission/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('serve seeds an open DEMO election into an empty data directory and writes the voters\u2019 codes', async () => {
    const d = tmp();
    const child = spawn(bin, ['serve', '--data', d, '--port', '0'], { cwd: root });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no demo after 50 s:\n${out}`)), 50_000);
        child.stdout.on('data', () => {
          if (/Voters' codes/.test(out)) {
            clearTimeout(t);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
      });
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const list = await (await fetch(`${url}/api/elections`)).json();
      expect(list.elections).toHaveLength(1);
      expect(list.elections[0]).toMatchObject({ id: 'demo', status: 'open', demo: true });
      const page = await (await fetch(`${url}/?lang=ru`)).text();
      expect(page).toContain('ДЕМО');
      expect(page).toContain('идёт голосование');
      const voters = join(d, 'demo', 'voters.csv');
      expect(statSync(voters).mode & 0o777).toBe(0o600);
      expect(readFileSync(voters, 'utf8').trim().split('\n')).toHaveLength(21);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
