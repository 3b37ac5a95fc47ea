/**
 * `npx saylau-verify` as an observer runs it (SPEC §11): from the repository root, on a file or a
 * server's URL, with each exit code (0 complete, 1 failed, 2 unusable, 3 not finished).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '@saylau/tools';
import { startServer, openDatabase, loadServerKeys } from '@saylau/server';
import { ballotTracker, signDocument } from '@saylau/crypto';
import { indexOfType, parseBoard, serialiseBoard, tamper, type Entry } from './tamper-helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'node_modules', '.bin', 'saylau-verify');
let dir = '';
let board = '';
let election = '';
let entries: Entry[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, env: { ...process.env, LANG: 'C', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/**
 * The board with its first ballot deleted and the chain re-hashed after it: 2.6 tells, and so do the
 * anchors of the ballots cast after it (7.6).
 */
const withoutFirstBallot = (text: string) =>
  tamper(
    text,
    (es) => {
      const s = indexOfType(entries, 'ballot', 1);
      es.splice(s, 1);
      return s;
    },
    { rehash: true },
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-verify-cli-'));
  const demo = await runDemo({ voters: 16, outDir: dir, seed: 5, revoteShare: 0.2 });
  board = demo.boardFile;
  election = demo.election;
  entries = parseBoard((await import('node:fs')).readFileSync(board, 'utf8'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('saylau-verify', () => {
  it('exit 0 on a finished, untouched election, with every check listed', async () => {
    const r = await run([board, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const id of ['1.1', '2.3', '4.5', '7.4', '8.2', '9.3', '10.2'])
      expect(r.stdout).toMatch(`[pass] ${id}`);
    expect(r.stdout).toContain('VERIFIED');
    expect(r.stdout).toMatch(/Result: 16 voters counted/);
    expect(r.stdout).toMatch(/→ elected: /);
    expect(r.stdout).not.toContain('FAIL');
  });

  it('writes the report in Kazakh and Russian', async () => {
    const kk = await run([board, '--lang', 'kk']);
    expect(kk.code).toBe(0);
    expect(kk.stdout).toContain('ТЕКСЕРІЛДІ');
    // A check with nothing to check says so in every language, with its reason.
    expect(kk.stdout).toMatch(/\[тексерілмеді\] 2\.4 .*\n\s+\(қол қойылған шың/);
    const ru = await run([board], { LANG: 'ru_RU.UTF-8' });
    expect(ru.code).toBe(0);
    expect(ru.stdout).toContain('ПРОВЕРЕНО');
    expect(ru.stdout).toMatch(/\[пропущено\] 2\.6 .*\n\s+\(прежняя выгрузка не дана/);
    const en = await run([board, '--lang', 'en']);
    expect(en.stdout).toMatch(/\[skipped\] 2\.4 /);
    expect(en.stdout).not.toMatch(/\[pass\] 2\.[46] /);
  });

  it('--json gives the machine-readable report', async () => {
    const r = await run([board, '--json', '--workers', '0']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      exitCode: number;
      election: string;
      ballots: number;
      checks: unknown[];
    };
    expect(report.exitCode).toBe(0);
    expect(report.election).toBe(election);
    expect(report.ballots).toBe(entries.filter((e) => e.type === 'ballot').length);
    expect(report.checks).toHaveLength(45);
    const skipped = (report.checks as { id: string; status: string }[]).filter((c) => c.status === 'skipped');
    expect(skipped.map((c) => c.id)).toEqual(expect.arrayContaining(['2.4', '2.6']));
    // The verified result, with names, equals the published one.
    const published: { contests: { counts: number[]; outcome: unknown }[] } = entries.at(-1)!.payload;
    const result = (
      report as unknown as { result: { contests: { options: { count: number }[]; outcome: unknown }[] } }
    ).result;
    expect(result.contests.map((c) => c.options.map((o) => o.count))).toEqual(
      published.contests.map((c) => c.counts),
    );
    expect(result.contests[0]!.outcome).toEqual(published.contests[0]!.outcome);
  });

  it('exit 1 naming the check and the entry when a ballot was tampered with', async () => {
    const text = (await import('node:fs')).readFileSync(board, 'utf8');
    const s = indexOfType(entries, 'ballot', 2);
    const bad = tamper(
      text,
      (es) => {
        const c: string = es[s]!.payload.contests[0];
        es[s]!.payload.contests[0] = c.slice(0, 10) + (c[10] === 'a' ? 'b' : 'a') + c.slice(11);
        return s;
      },
      { rehash: false },
    );
    const r = await run([file('bad.jsonl', bad), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { failures: { check: string; seq: number | null }[] };
    expect(report.failures).toContainEqual(expect.objectContaining({ check: '2.3', seq: s }));
    const human = await run([file('bad.jsonl', bad), '--lang', 'en']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`[FAIL] 2.3`);
    expect(human.stdout).toContain(`entry ${s}:`);
  });

  it('exit 3 while voting is open, saying what is pending', async () => {
    const open = serialiseBoard(entries.slice(0, indexOfType(entries, 'ballot', 5)));
    const r = await run([file('open.jsonl', open), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('NOT FINISHED');
    expect(r.stdout).toMatch(/\[pending\] 8\.1/);
    expect(r.stdout).toMatch(/\[pending\] 10\.2/);
    expect(r.stdout).not.toContain('[FAIL]');
  });

  it('exit 2 on unusable input: a missing file, not a board, a bad option', async () => {
    const missing = await run([join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl');
    const notBoard = await run([file('x.jsonl', 'hello world\n')]);
    expect(notBoard.code).toBe(2);
    expect(notBoard.stdout).toContain('UNUSABLE');
    const badLang = await run([board, '--lang', 'fr']);
    expect(badLang.code).toBe(2);
    const badWorkers = await run([board, '--workers', 'many']);
    expect(badWorkers.code).toBe(2);
    expect(badWorkers.stderr).toContain('workers');
    const badCheckpoint = await run([board, '--checkpoint', file('cp.json', '{"checkpoint":1}')]);
    expect(badCheckpoint.code).toBe(2);
    for (const r of [missing, notBoard, badLang, badWorkers, badCheckpoint])
      expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--since catches an entry rewritten after an earlier export (and passes when extended)', async () => {
    const cut = indexOfType(entries, 'ballot', 8);
    const earlier = file('earlier.jsonl', serialiseBoard(entries.slice(0, cut)));
    expect((await run([board, '--since', earlier])).code).toBe(0);
    // Rewrite a ballot inside the earlier prefix and re-hash the whole chain: --since tells.
    const text = (await import('node:fs')).readFileSync(board, 'utf8');
    const rewritten = withoutFirstBallot(text);
    const r = await run([file('rewritten.jsonl', rewritten), '--since', earlier, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { failures: { check: string }[] };
    expect(report.failures.map((f) => f.check)).toContain('2.6');
  });

  it('says loudly when a receipted ballot is superseded, naming the entry that counts; names what stands at a wrong seq', async () => {
    // Receipts as the server signed them, with the server's own key from the demo's database.
    const db = openDatabase(join(dir, 'data', 'saylau.sqlite'));
    const key = loadServerKeys(db).board.secretKey;
    db.close();
    const receiptOf = (e: Entry, seq = e.seq) => {
      const receipt = {
        election,
        tracker: ballotTracker(e.payload),
        seq,
        hash: e.hash,
        checkpoint: { election, seq: e.seq, head: e.hash },
      };
      return { receipt, signature: signDocument('receipt', receipt, key) };
    };
    const ballots = entries.filter((e) => e.type === 'ballot');
    const byCredential = new Map<string, Entry[]>();
    for (const b of ballots)
      byCredential.set(b.payload.credential, [...(byCredential.get(b.payload.credential) ?? []), b]);
    const [first, last] = [...byCredential.values()]
      .find((bs) => bs.length > 1)!
      .filter((_, i, a) => i === 0 || i === a.length - 1);
    const superseded = await run([
      board,
      '--checkpoint',
      file('r1.json', JSON.stringify(receiptOf(first!))),
      '--lang',
      'en',
    ]);
    expect(superseded.code).toBe(0); // the board is fine: the voter may have voted again
    expect(superseded.stdout).toMatch(/WARNING.*SUPERSEDED/);
    expect(superseded.stdout).toContain(`entry ${last!.seq} (tracker ${ballotTracker(last!.payload)})`);
    // Said above the checks and again under the verdict, in every language.
    expect(superseded.stdout.trimEnd().split('\n').at(-1)).toMatch(/someone else used your credential/);
    const kk = await run([
      board,
      '--checkpoint',
      file('r1.json', JSON.stringify(receiptOf(first!))),
      '--lang',
      'kk',
    ]);
    expect(kk.stdout).toContain('АУЫСТЫРЫЛҒАН');
    const json = await run([
      board,
      '--checkpoint',
      file('r1.json', JSON.stringify(receiptOf(first!))),
      '--json',
    ]);
    expect(JSON.parse(json.stdout).receipts).toEqual([
      {
        what: 'receipt[0]',
        tracker: ballotTracker(first!.payload),
        seq: first!.seq,
        status: 'superseded',
        countedBy: { seq: last!.seq, tracker: ballotTracker(last!.payload) },
      },
    ]);
    const counted = await run([
      board,
      '--checkpoint',
      file('r2.json', JSON.stringify(receiptOf(last!))),
      '--json',
    ]);
    expect(JSON.parse(counted.stdout).receipts[0].status).toBe('counted');
    // A receipt whose seq now holds another ballot: the failure names that ballot and where its own is.
    const other = ballots.find((b) => b.seq !== last!.seq)!;
    const moved = await run([
      board,
      '--checkpoint',
      file('r3.json', JSON.stringify(receiptOf(last!, other.seq))),
      '--json',
    ]);
    expect(moved.code).toBe(1);
    const failure = JSON.parse(moved.stdout).failures.find((f: { check: string }) => f.check === '2.4');
    expect(failure).toMatchObject({ seq: other.seq, key: 'receiptMoved' });
    expect(failure.message).toContain(
      `entry ${other.seq} is another ballot (tracker ${ballotTracker(other.payload)})`,
    );
    expect(failure.message).toContain(`is at entry ${last!.seq} instead`);
  });

  it("reads a server's board by URL and checks its signed head", async () => {
    const server = await startServer({ dataDir: join(dir, 'data'), log: () => undefined });
    try {
      const url = `${server.url}/api/elections/${election}/board`;
      const head = (await (await fetch(`${url}/head`)).json()) as unknown;
      const cp = file('head.json', JSON.stringify(head));
      const r = await run([url, '--checkpoint', cp, '--lang', 'en']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\[pass\] 2\.4/);
      const wrong = JSON.parse(JSON.stringify(head)) as { signature: string };
      wrong.signature = (wrong.signature[0] === '0' ? '1' : '0') + wrong.signature.slice(1);
      const bad = await run([url, '--checkpoint', file('bad-head.json', JSON.stringify(wrong)), '--json']);
      expect(bad.code).toBe(1);
      expect((JSON.parse(bad.stdout) as { failures: { check: string }[] }).failures[0]?.check).toBe('2.4');
      const gone = await run([`${server.url}/api/elections/no-such/board`]);
      expect(gone.code).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('--mirror keeps a verified copy and the signed heads, and never replaces them with a rewritten board', async () => {
    const server = await startServer({ dataDir: join(dir, 'data'), log: () => undefined });
    try {
      const url = `${server.url}/api/elections/${election}/board`;
      const text = await (await fetch(url)).text();
      const head = (await (await fetch(`${url}/head`)).json()) as { signature: string };
      // The observer's copy from earlier in the day: the board up to the 8th ballot.
      const cut = indexOfType(entries, 'ballot', 8);
      const mirror = file('mirror.jsonl', serialiseBoard(entries.slice(0, cut)));
      const kept = `${mirror}.checkpoints.json`;
      const first = await run([url, '--mirror', mirror, '--lang', 'en']);
      expect([first.code, first.stderr.trim()]).toEqual([
        0,
        `mirror ${mirror}: ${entries.length} entries (${entries.length - cut} new); signed heads kept: 1`,
      ]);
      expect(readFileSync(mirror, 'utf8')).toBe(text);
      expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual([head]);
      // Nothing new: the same head is not kept twice.
      const again = await run([url, '--mirror', mirror, '--lang', 'en']);
      expect([again.code, again.stderr.trim()]).toEqual([
        0,
        `mirror ${mirror}: ${entries.length} entries (0 new); signed heads kept: 1`,
      ]);

      // The mirror holds another history (the server rewrote a ballot since): 2.6, both files kept.
      const other = withoutFirstBallot(text);
      writeFileSync(mirror, other);
      const keptBefore = readFileSync(kept, 'utf8');
      const rewritten = await run([url, '--mirror', mirror, '--json', '--lang', 'en']);
      expect(rewritten.code).toBe(1);
      expect(
        (JSON.parse(rewritten.stdout) as { failures: { check: string }[] }).failures.map((f) => f.check),
      ).toContain('2.6');
      expect(rewritten.stderr).toMatch(/NOT updated/);
      expect(readFileSync(mirror, 'utf8')).toBe(other);
      expect(readFileSync(kept, 'utf8')).toBe(keptBefore);

      // A kept head the board does not match (here: its signature no longer verifies): 2.4, nothing written.
      const cut2 = serialiseBoard(entries.slice(0, cut));
      writeFileSync(mirror, cut2);
      const forged = {
        ...head,
        signature: (head.signature[0] === '0' ? '1' : '0') + head.signature.slice(1),
      };
      writeFileSync(kept, JSON.stringify([forged]));
      const contradicted = await run([url, '--mirror', mirror, '--json']);
      expect(contradicted.code).toBe(1);
      expect(readFileSync(mirror, 'utf8')).toBe(cut2);
      expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual([forged]);

      // Unusable: --mirror with --since, a URL that is not a board's, a kept-heads file that is not one.
      expect((await run([url, '--mirror', mirror, '--since', mirror])).code).toBe(2);
      const notBoard = await run([`${url}?from=3`, '--mirror', mirror]);
      expect([notBoard.code, notBoard.stderr]).toEqual([
        2,
        expect.stringMatching(/--mirror needs a board file/),
      ]);
      writeFileSync(kept, '{"not": "a list"}');
      expect((await run([url, '--mirror', mirror])).code).toBe(2);
    } finally {
      await server.close();
    }
  });
});
