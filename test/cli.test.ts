/** The `saylau` command as a newcomer runs it: `npx saylau …` from the repository root. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, syntheticVoters, writeSyntheticRoll, type RunningServer } from '@saylau/server';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin', 'saylau');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'saylau-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run `saylau` without blocking this process (which may be serving the requests it makes). */
function saylau(args: string[], env: Record<string, string> = {}) {
  const child = spawn(bin, args, { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b) => (stdout += b));
  child.stderr.on('data', (b) => (stderr += b));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  );
}

/**
 * An administrator `root` and a commission account `chair` on a server in a new data directory, with
 * a virtual clock before election day 2027-03-14's deadlines (so that a test runs on any date); `f`
 * gets each one's environment for `saylau` (server address and session token).
 */
async function withAccounts(
  f: (a: { d: string; server: RunningServer; admin: Env; chair: Env }) => Promise<void>,
): Promise<void> {
  const d = tmp();
  const password = { SAYLAU_PASSWORD: 'long enough password' };
  for (const [name, role] of [
    ['root', 'admin'],
    ['chair', 'commission'],
  ] as const)
    expect(
      (await saylau(['user', 'add', '--data', d, '--name', name, '--role', role], password)).status,
    ).toBe(0);
  const server = await startServer({
    dataDir: d,
    clock: () => new Date('2027-01-10T09:00:00+05:00'),
    log: () => undefined,
  });
  try {
    const at = { SAYLAU_SERVER: server.url };
    const session = async (name: string) =>
      (await saylau(['session', '--name', name], { ...at, ...password })).stdout.trim();
    await f({
      d,
      server,
      admin: { ...at, SAYLAU_TOKEN: await session('root') },
      chair: { ...at, SAYLAU_TOKEN: await session('chair') },
    });
  } finally {
    await server.close();
  }
}
type Env = Record<string, string>;

describe('saylau CLI', () => {
  it('is installed as a bin and lists its commands', () => {
    const r = spawnSync(bin, ['--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const c of [
      'serve',
      'user',
      'backup',
      'election',
      'grant',
      'roll',
      'nomination',
      'initiative',
      'ceremony',
      'trustee',
      'credentials',
      'demo',
      'vote',
    ])
      expect(r.stdout).toContain(c);
  });

  it('demo: an akim election, then a referendum with abstain and its turnout rule, and exit 0', async () => {
    const d = tmp();
    const r = await saylau(['demo', '--voters', '10', '--out', d, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Result of demo-10');
    expect(r.stdout).toContain(
      'Referendum demo-10-referendum (7 of 10 on the roll took part; valid only if more than 50%)',
    );
    expect(r.stdout).toMatch(/^ {2}Abstain +\d+/m);
    expect(r.stdout).toContain(join(d, 'referendum.jsonl'));
  }, 120_000);

  it('refuses bad arguments with a message and exit 1, without a stack trace', () => {
    const d = tmp();
    const r = spawnSync(bin, ['user', 'add', '--data', d, '--name', 'x', '--role', 'king'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SAYLAU_PASSWORD: 'long enough password' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /--role: expected one of admin, commission, credential-authority, trustee, observer/,
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('vote: a missing option is one line and exit 2, and --help names the per-contest form and SAYLAU_SERVER', () => {
    const r = spawnSync(bin, ['vote', '--election', 'demo', '--iin', '1'], { cwd: root, encoding: 'utf8' });
    expect([r.status, r.stderr.trim().split('\n')]).toEqual([
      2,
      [expect.stringMatching(/^saylau vote: required option '--login-code <code>' not specified$/)],
    ]);
    const help = spawnSync(bin, ['vote', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--choice q1=1 --choice q2=2');
    expect(help.stdout).toContain('SAYLAU_SERVER');
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
      const list = (await (await fetch(`${url}/api/elections`)).json()) as { elections: unknown[] };
      expect(list.elections).toHaveLength(1);
      expect(list.elections[0]).toMatchObject({ id: 'demo', status: 'open', demo: true });
      const page = await (await fetch(`${url}/?lang=ru`)).text();
      expect(page).toContain('ДЕМО');
      expect(page).toContain('идёт голосование');
      const voters = join(d, 'demo', 'voters.csv');
      expect(statSync(voters).mode & 0o777).toBe(0o600);
      const rows = readFileSync(voters, 'utf8').trim().split('\n');
      expect(rows).toHaveLength(21);

      // `saylau vote` as README gives it, against this server: one line per error, with its exit code.
      // The file is for spreadsheets: a BOM, quoted cells, `;` between them, CRLF.
      const [header, first] = rows.map((r) =>
        r
          .replace(/^\uFEFF/, '')
          .trim()
          .split(';')
          .map((c) => c.replace(/^"(.*)"$/, '$1')),
      );
      const col = (name: string) => first![header!.findIndex((h) => h.toLowerCase().includes(name))]!;
      const args = ['vote', '--election', 'demo', '--iin', col('iin'), '--login-code', col('login')];
      const credential = col('credential');
      const typo = credential.slice(0, -1) + (credential.endsWith('A') ? 'B' : 'A');
      const bad = await saylau([...args, '--credential', typo, '--choice', '2'], { SAYLAU_SERVER: url });
      expect([bad.status, bad.stderr.trim().split('\n')]).toEqual([
        2,
        [expect.stringMatching(/^saylau vote: --credential: /)],
      ]);
      const off = await saylau([
        ...args,
        '--credential',
        credential,
        '--choice',
        '2',
        '--server',
        'http://127.0.0.1:9',
      ]);
      expect(off.status).toBe(3);
      expect(off.stderr).toMatch(/^saylau vote: no response from http:\/\/127\.0\.0\.1:9: /);
      expect(off.stderr.trim().split('\n')).toHaveLength(1);
      const two = await saylau([...args, '--credential', credential, '--choice', '1,2'], {
        SAYLAU_SERVER: url,
      });
      expect(two.status).toBe(2);
      expect(two.stderr).toMatch(/the ballot has 1 contest\(s\) \(akim\): give one option number for each/);
      const ok = await saylau([...args, '--credential', credential, '--choice', '2'], { SAYLAU_SERVER: url });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(
        /^Ballot cast for: .+\nTracker: \S+ +\(board entry \d+\)\nReceipt signature: valid$/m,
      );
      // The login code signs in again; the same credential votes again (the last ballot counts).
      const again = await saylau([...args, '--credential', credential, '--choice', '1'], {
        SAYLAU_SERVER: url,
      });
      expect(again.status).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('an administrator grants and revokes; `election list` shows an account only the elections it holds', async () => {
    await withAccounts(async ({ d, admin, chair }) => {
      for (const id of ['aksu', 'zhana']) {
        const file = join(d, `${id}.json`);
        writeFileSync(
          file,
          JSON.stringify({ id, district: { kk: id, ru: id, en: id }, electionDay: '2027-03-14' }),
        );
        expect((await saylau(['election', 'create', '--file', file], admin)).status).toBe(0);
      }
      const denied = await saylau(['election', 'create', '--file', join(d, 'aksu.json')], chair);
      expect([denied.status, denied.stderr]).toEqual([1, expect.stringContaining('FORBIDDEN')]);

      const granted = await saylau(['grant', 'add', '--election', 'aksu', '--name', 'chair'], admin);
      expect(JSON.parse(granted.stdout)).toMatchObject({
        election: 'aksu',
        user: 'chair',
        role: 'commission',
      });
      const list = await saylau(['grant', 'list', '--election', 'aksu'], admin);
      expect(JSON.parse(list.stdout).grants.map((g: { user: string }) => g.user)).toEqual(['chair']);
      const held = await saylau(['election', 'list'], chair);
      expect(JSON.parse(held.stdout)).toEqual([
        { id: 'aksu', kind: 'akim', status: 'nominations', district: 'aksu', electionDay: '2027-03-14' },
      ]);
      const other = await saylau(['election', 'open', '--election', 'zhana'], chair);
      expect([other.status, other.stderr]).toEqual([1, expect.stringContaining('NOT_GRANTED')]);

      expect((await saylau(['grant', 'revoke', '--election', 'aksu', '--name', 'chair'], admin)).status).toBe(
        0,
      );
      expect(JSON.parse((await saylau(['election', 'list'], chair)).stdout)).toEqual([]);
    });
  }, 120_000);

  it('initiative: a referendum called by signatures from a file, shown, and not recorded twice', async () => {
    await withAccounts(async ({ d, server, chair, admin }) => {
      const names = { kk: 'ref', ru: 'ref', en: 'ref' };
      const file = join(d, 'ref.json');
      const questions = [{ id: 'road', text: names, subject: 'local-amenities' }];
      writeFileSync(
        file,
        JSON.stringify({
          id: 'ref',
          kind: 'referendum',
          district: names,
          electionDay: '2027-03-14',
          questions,
        }),
      );
      expect((await saylau(['election', 'create', '--file', file], admin)).status).toBe(0);
      expect((await saylau(['grant', 'add', '--election', 'ref', '--name', 'chair'], admin)).status).toBe(0);
      const voters = syntheticVoters(20, '2027-03-14', 3);
      writeSyntheticRoll(server.ctx, 'ref', voters);
      const iins = join(d, 'iins.txt');
      writeFileSync(iins, `${voters[0]!.iin}\n\n${voters[1]!.iin}\n${voters[1]!.iin}\n`);
      const run = (...args: string[]) => saylau(['initiative', ...args, '--election', 'ref'], chair);
      const r = await run('signatures', '--file', iins);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        initiative: { kind: 'signatures', valid: 2, threshold: 1 },
        invalid: [{ index: 2, reason: 'duplicate' }],
      });
      expect(JSON.parse((await run('show')).stdout)).toMatchObject({ kind: 'signatures', valid: 2 });
      const again = await run('signatures', '--file', iins);
      expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('INITIATIVE_EXISTS')]);
    });
  }, 120_000);
});
