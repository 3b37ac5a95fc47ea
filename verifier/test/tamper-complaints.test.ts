/**
 * Tamper suite for complaints (SPEC §10.9.5, checks 2.5 and 12.1–12.2): a small demo election whose
 * board holds one complaint and its answer; each case forces a bad entry onto it and re-chains, as a
 * server that re-hashes would. The complaint follows every ballot, so no anchor moves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '@saylau/tools';
import { verifyBoard } from '../src/index.ts';
import { expectCaught, indexOfType, loadDemoFixture, summary, tamper, type Entry } from './tamper-helpers.ts';

let dir = '';
let text = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-tamper-complaints-'));
  await runDemo({ voters: 8, outDir: dir, seed: 17, revoteShare: 0, referendumVoters: 0 });
  text = loadDemoFixture(dir).text;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const verify = (board: string) => verifyBoard(board, { workers: 0 });

/** The board with the `type` entry's payload edited, re-chained after it; returns its seq too. */
function edit(type: string, change: (p: Entry['payload']) => void): { board: string; at: number } {
  let at = -1;
  const board = tamper(
    text,
    (es) => {
      at = indexOfType(es, type);
      change(es[at]!.payload);
      return at;
    },
    { rehash: true },
  );
  return { board, at };
}

/** The board with entries rearranged by `change`, re-chained from `from`. */
const rearrange = (change: (es: Entry[]) => number) => tamper(text, change, { rehash: true });
const copy = (e: Entry): Entry => JSON.parse(JSON.stringify(e)) as Entry;

describe('the untouched board', () => {
  it('passes, with the complaint answered', async () => {
    const r = await verify(text);
    expect(r.exitCode, summary(r)).toBe(0);
    expect(r.openComplaints).toEqual([]);
    for (const id of ['12.1', '12.2']) expect(r.checks.find((c) => c.id === id)?.status).toBe('pass');
  });

  it('lists a complaint without an answer as open, which is no failure', async () => {
    const r = await verify(
      rearrange((es) => {
        const i = indexOfType(es, 'complaint-answer');
        es.splice(i, 1);
        return i;
      }),
    );
    expect(r.exitCode, summary(r)).toBe(0);
    expect(r.openComplaints).toEqual(['k1']);
    expect(r.checks.find((c) => c.id === '12.2')?.status).toBe('skipped');
  });
});

describe('complaints (12.1)', () => {
  it('an id out of order → 12.1', async () => {
    const { board, at } = edit('complaint', (p) => (p.id = 'k2'));
    expectCaught(await verify(board), '12.1', { seq: at, key: 'complaintId' });
  });

  it('a commitment that is not 32 bytes of hex → 12.1', async () => {
    const { board, at } = edit('complaint', (p) => (p.commitment = p.commitment.slice(2)));
    expectCaught(await verify(board), '12.1', { seq: at, key: 'malformed' });
  });

  it('a subject outside the list, or a voter named on the board → 12.1', async () => {
    const a = edit('complaint', (p) => (p.about = 'weather'));
    expectCaught(await verify(a.board), '12.1', { seq: a.at, key: 'malformed' });
    const b = edit('complaint', (p) => (p.voter = 'abcdefghijklmnopqrstuv'));
    expectCaught(await verify(b.board), '12.1', { seq: b.at, key: 'malformed' });
  });

  it('filed before voting opened → 12.1', async () => {
    const { board, at } = edit('complaint', (p) => (p.filedAt = '2026-01-01T09:00:00+05:00'));
    expectCaught(await verify(board), '12.1', { seq: at, key: 'complaintTime' });
  });

  it('a complaint after voting closed → 2.5', async () => {
    let at = -1;
    const board = rearrange((es) => {
      const i = indexOfType(es, 'complaint');
      const [c] = es.splice(i, 1);
      at = indexOfType(es, 'tally') + 1;
      es.splice(at, 0, c!);
      return i;
    });
    expectCaught(await verify(board), '2.5', { seq: at, key: 'complaintOutside' });
  });

  it('a complaint after the result → 2.5', async () => {
    const board = rearrange((es) => {
      es.push({
        ...copy(es[indexOfType(es, 'complaint')]!),
        payload: { ...es[indexOfType(es, 'complaint')]!.payload, id: 'k2' },
      });
      return es.length - 1;
    });
    expectCaught(await verify(board), '2.5', { key: 'afterResult' });
  });
});

describe('answers (12.2)', () => {
  it('a second answer, after the result → 12.2, and 2.5 allows the place', async () => {
    let at = -1;
    const board = rearrange((es) => {
      es.push(copy(es[indexOfType(es, 'complaint-answer')]!));
      at = es.length - 1;
      return at;
    });
    const r = await verify(board);
    expectCaught(r, '12.2', { seq: at, key: 'answerRepeated' });
    expect(r.checks.find((c) => c.id === '2.5')?.status, summary(r)).toBe('pass');
  });

  it('an answer to no complaint → 12.2', async () => {
    const { board, at } = edit('complaint-answer', (p) => (p.complaint = 'k9'));
    expectCaught(await verify(board), '12.2', { seq: at, key: 'answerUnknown' });
  });

  it('an answer dated before its complaint → 12.2', async () => {
    const { board, at } = edit('complaint-answer', (p) => (p.answeredAt = '2026-01-01T09:00:00+05:00'));
    expectCaught(await verify(board), '12.2', { seq: at, key: 'answerBeforeComplaint' });
  });

  it('a decision outside the set, or an empty text → 12.2', async () => {
    const a = edit('complaint-answer', (p) => (p.decision = 'maybe'));
    expectCaught(await verify(a.board), '12.2', { seq: a.at, key: 'malformed' });
    const b = edit('complaint-answer', (p) => (p.text = ''));
    expectCaught(await verify(b.board), '12.2', { seq: b.at, key: 'malformed' });
  });
});
