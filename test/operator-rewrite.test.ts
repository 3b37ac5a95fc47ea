/**
 * A hostile operator rewrites history on the server's own database file (SPEC §10.9.2 "Anchor",
 * §11.2 check 7.6): with the server stopped, drop the board's triggers, delete a receipted ballot
 * or swap two ballots of one credential, re-chain every later entry, restore the triggers, restart
 * (the server signs heads with its own key again), close and decrypt. The tally and the result are
 * then consistent with the rewritten board; only the voters' signed anchors still point at the
 * board that was. The verifier catches it on the FINAL BOARD ALONE — no earlier export, no
 * checkpoint, no receipt — whenever a ballot was cast after the changed one. The limit: a change
 * after the last ballot leaves no anchor behind it (SECURITY.md); a receipt catches that one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotCiphertextKeys, canonicalJson, sha256Hex, utf8ToBytes } from '@saylau/crypto';
import { castEncrypted, login, prepareBallot, type SignedReceipt } from '@saylau/ballot-client';
import { verifyBoard, type Report } from '@saylau/verifier';
import { startServer, DB_FILE, type RunningServer, localTime } from '@saylau/server';
import {
  finishElection,
  prepareElection,
  type PreparedElection,
  type VirtualNow,
  ELECTION_DAY,
  type Voter,
} from '@saylau/tools';

interface Row {
  election: string;
  seq: number;
  type: string;
  payload: string;
  prev: string;
  hash: string;
}

const hashOf = (r: Pick<Row, 'seq' | 'type' | 'payload' | 'prev'>) =>
  sha256Hex(
    utf8ToBytes(canonicalJson({ seq: r.seq, type: r.type, payload: JSON.parse(r.payload), prev: r.prev })),
  );

/**
 * What the operator does to the stopped server's file: `edit` reorders or drops board rows of the
 * election; every row from the first change on gets a new seq, prev and hash, the private tables
 * follow, and the triggers are put back as they were.
 */
function rewrite(dataDir: string, election: string, edit: (rows: Row[]) => Row[]): void {
  const db = new Database(join(dataDir, DB_FILE));
  try {
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'board'")
      .all() as { name: string; sql: string }[];
    expect(triggers.length).toBe(2);
    const rows = db.prepare('SELECT * FROM board WHERE election = ? ORDER BY seq').all(election) as Row[];
    const edited = edit(rows.map((r) => ({ ...r })));
    // The first row that changed (or, when only the tail was dropped, the first one dropped).
    const changed = edited.findIndex((r, i) => rows[i]?.hash !== r.hash);
    const first = changed === -1 ? edited.length : changed;
    expect(first).toBeGreaterThan(0);
    expect(edited).not.toEqual(rows);
    edited.forEach((r, i) => {
      if (i < first) return;
      r.seq = i;
      r.prev = edited[i - 1]!.hash;
      r.hash = hashOf(r);
    });
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      db.prepare('DELETE FROM board WHERE election = ? AND seq >= ?').run(election, first);
      const ins = db.prepare(
        'INSERT INTO board (election, seq, type, payload, prev, hash) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const r of edited.slice(first)) ins.run(r.election, r.seq, r.type, r.payload, r.prev, r.hash);
      // The lookup tables follow the board, so the server itself sees nothing wrong.
      db.prepare('DELETE FROM ballots WHERE election = ?').run(election);
      db.prepare('DELETE FROM ciphertexts WHERE election = ?').run(election);
      const ballot = db.prepare(
        'INSERT INTO ballots (election, tracker, seq, credential) VALUES (?, ?, ?, ?)',
      );
      const ct = db.prepare('INSERT INTO ciphertexts (election, ciphertext) VALUES (?, ?)');
      for (const r of edited.filter((x) => x.type === 'ballot')) {
        const b = JSON.parse(r.payload);
        ballot.run(election, trackerOf.get(r.payload)!, r.seq, b.credential);
        for (const k of ballotCiphertextKeys(b)) ct.run(election, k);
      }
      for (const t of triggers) db.exec(t.sql);
    })();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

/** The tracker of each cast ballot by its payload text, from the receipts the voters kept. */
const trackerOf = new Map<string, string>();

interface Run {
  dir: string;
  now: VirtualNow;
  server: RunningServer;
  prepared: PreparedElection;
  receipts: SignedReceipt[];
}

async function start(dataDir: string, now: VirtualNow): Promise<RunningServer> {
  return startServer({
    dataDir,
    clock: () => now.value,
    log: () => undefined,
    app: { loginRateLimit: false },
  });
}

/** An election with 8 voters; voter 0 votes twice, the others once, in this order. */
async function election(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'saylau-rewrite-'));
  const now: VirtualNow = { value: new Date(localTime(ELECTION_DAY, 40, '09:00')) };
  const server = await start(join(dir, 'data'), now);
  const prepared = await prepareElection(server, now, { voters: 8, outDir: dir, seed: 7 });
  const params = (
    await fetch(`${server.url}/api/elections/${prepared.id}`).then(
      (r) => r.json() as Promise<{ params: Parameters<typeof prepareBallot>[0] }>,
    )
  ).params;
  const receipts: SignedReceipt[] = [];
  const vote = async (v: Voter, choice: number) => {
    const { token } = await login(server.url, prepared.id, v.iin, v.loginCode);
    const encrypted = prepareBallot(params, prepared.id, v.credential, [choice]);
    const { signed, ballot } = await castEncrypted(
      server.url,
      prepared.id,
      token,
      encrypted.ballot,
      v.credential,
    );
    trackerOf.set(canonicalJson(ballot), signed.receipt.tracker);
    receipts.push(signed);
  };
  const p = prepared.people;
  await vote(p[0]!, 1); // receipts[0]
  await vote(p[1]!, 2); // receipts[1]
  await vote(p[0]!, 3); // receipts[2]: voter 0 votes again
  for (const v of p.slice(2)) await vote(v, 0); // receipts[3..8]
  return { dir, now, server, prepared, receipts };
}

/** Stop, let the operator rewrite the file, restart on it, close and decrypt: the final board. */
async function rewriteAndFinish(run: Run, edit: (rows: Row[]) => Row[]): Promise<string> {
  await run.server.close();
  rewrite(join(run.dir, 'data'), run.prepared.id, edit);
  run.server = await start(join(run.dir, 'data'), run.now);
  const { board } = await finishElection(run.server, run.now, run.prepared);
  return board;
}

const failing = (r: Report) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const seqOf = (run: Run, i: number) => run.receipts[i]!.receipt.seq;

describe('an operator who rewrites the board on disk', () => {
  const runs: Run[] = [];
  afterAll(async () => {
    for (const r of runs) {
      await r.server.close();
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  let honest: Run;
  beforeAll(async () => {
    honest = await election();
    runs.push(honest);
  });

  it('an untouched board verifies (the control)', async () => {
    const { board } = await finishElection(honest.server, honest.now, honest.prepared);
    const r = await verifyBoard(board);
    expect(r.exitCode, JSON.stringify(r.failures.slice(0, 3))).toBe(0);
  });

  it('deleting a receipted ballot with ballots after it is caught on the final board alone (7.6)', async () => {
    const run = await election();
    runs.push(run);
    const victim = seqOf(run, 1); // voter 1's only ballot
    const board = await rewriteAndFinish(run, (rows) => rows.filter((r) => r.seq !== victim));
    const r = await verifyBoard(board);
    expect(r.exitCode).toBe(1);
    // Nothing but the anchors can tell: the chain, tally and result are consistent again.
    expect(failing(r)).toEqual(['7.6']);
    // Every later ballot moved up one place, onto the head it had cited: each one fails 7.6.
    const later = run.receipts.map((x) => x.receipt.seq - 1).filter((s) => s >= victim);
    const anchors = r.failures.filter((f) => f.check === '7.6');
    expect(anchors.map((f) => f.seq)).toEqual(later);
    expect(anchors[0]!).toMatchObject({ seq: victim, key: 'anchorNotBefore' });
  });

  it('swapping two ballots of one credential (the older choice would count) is caught on the final board alone (7.6)', async () => {
    const run = await election();
    runs.push(run);
    const [a, b] = [seqOf(run, 0), seqOf(run, 2)]; // voter 0's first and second ballot
    const board = await rewriteAndFinish(run, (rows) => {
      const i = rows.findIndex((r) => r.seq === a);
      const j = rows.findIndex((r) => r.seq === b);
      [rows[i]!.payload, rows[j]!.payload] = [rows[j]!.payload, rows[i]!.payload];
      rows[i]!.hash = 'changed';
      return rows;
    });
    const r = await verifyBoard(board);
    expect(r.exitCode).toBe(1);
    expect(failing(r)).toEqual(['7.6']);
    // The newer ballot now stands first, citing a head at or after its own place.
    expect(r.failures.some((f) => f.check === '7.6' && f.seq === a && f.key === 'anchorNotBefore')).toBe(
      true,
    );
  });

  it('the limit: deleting the last ballot leaves no later anchor, so only a receipt or a mirror shows it', async () => {
    const run = await election();
    runs.push(run);
    const last = seqOf(run, run.receipts.length - 1);
    const board = await rewriteAndFinish(run, (rows) => rows.filter((r) => r.seq !== last));
    expect((await verifyBoard(board)).exitCode).toBe(0);
    const withReceipt = await verifyBoard(board, { receipts: [run.receipts.at(-1)!] });
    expect(failing(withReceipt)).toEqual(['2.4']);
  });
});
