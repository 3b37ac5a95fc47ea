/**
 * Check 7.6 (SPEC §10.9.2 "Anchor") rule by rule on small hand-made boards: only the entries' seq,
 * type, hash and the ballots' credential and anchor matter to it.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANCHOR_AGE, checkAnchors } from '../src/anchors.ts';
import type { Entry } from '../src/board.ts';
import { Collector } from '../src/report.ts';

const hashOf = (seq: number) => seq.toString(16).padStart(64, '0');

/** A board: `types[i]` at seq i; ballots get `anchors[i]` and credential `creds[i]`. */
function board(types: string[], ballots: Record<number, { credential: string; anchor: unknown }>): Entry[] {
  return types.map((type, seq) => ({
    index: seq,
    line: seq + 1,
    seq,
    type,
    payload: ballots[seq] ?? {},
    prev: seq === 0 ? '0'.repeat(64) : hashOf(seq - 1),
    hash: hashOf(seq),
    text: '',
    canonical: true,
  }));
}

function failures(entries: Entry[]) {
  const out = new Collector();
  checkAnchors(entries, out);
  return out.failures.map((f) => [f.seq, f.key]);
}

const at = (seq: number) => ({ seq, hash: hashOf(seq) });
const setup = ['manifest', 'roll', 'credentials', 'voting-opened'];

describe('check 7.6: anchors', () => {
  it('passes ballots citing heads of this board since voting opened, in any interleaving', () => {
    const e = board([...setup, 'ballot', 'ballot', 'ballot', 'ballot'], {
      4: { credential: 'a', anchor: at(3) },
      5: { credential: 'b', anchor: at(3) }, // cast concurrently with 4
      6: { credential: 'a', anchor: at(4) }, // a's revote cites its first ballot's head
      7: { credential: 'c', anchor: at(6) },
    });
    expect(failures(e)).toEqual([]);
  });

  it('A1: not before the ballot, or a hash this board does not have there', () => {
    const e = board([...setup, 'ballot', 'ballot', 'ballot'], {
      4: { credential: 'a', anchor: at(4) },
      5: { credential: 'b', anchor: { seq: 3, hash: 'ab'.repeat(32) } },
      6: { credential: 'c', anchor: { seq: 9, hash: hashOf(9) } },
    });
    expect(failures(e)).toEqual([
      [4, 'anchorNotBefore'],
      [5, 'anchorHash'],
      [6, 'anchorNotBefore'],
    ]);
  });

  it('A2: not before voting opened', () => {
    const e = board([...setup, 'ballot'], { 4: { credential: 'a', anchor: at(2) } });
    expect(failures(e)).toEqual([[4, 'anchorBeforeOpening']]);
  });

  it('A3: not older than the same credential’s previous ballot (a swapped revote)', () => {
    const e = board([...setup, 'ballot', 'ballot', 'ballot'], {
      4: { credential: 'a', anchor: at(3) },
      5: { credential: 'b', anchor: at(4) },
      6: { credential: 'a', anchor: at(3) },
    });
    expect(failures(e)).toEqual([[6, 'anchorBeforePrevious']]);
  });

  it(`A4: at most ${MAX_ANCHOR_AGE} entries behind`, () => {
    const types = [...setup, ...Array.from({ length: MAX_ANCHOR_AGE + 1 }, () => 'ballot')];
    const ballots: Record<number, { credential: string; anchor: unknown }> = {};
    for (let s = 4; s < types.length; s++) ballots[s] = { credential: `c${s}`, anchor: at(s - 1) };
    const last = types.length - 1;
    ballots[last] = { credential: 'late', anchor: at(last - MAX_ANCHOR_AGE - 1) };
    ballots[last - 1] = { credential: 'ok', anchor: at(last - 1 - MAX_ANCHOR_AGE) };
    expect(failures(board(types, ballots))).toEqual([[last, 'anchorTooOld']]);
  });

  it('leaves a malformed anchor to 7.1, and checks nothing on entries that are not ballots', () => {
    const e = board([...setup, 'ballot', 'ballot', 'ballot', 'tally'], {
      4: { credential: 'a', anchor: { seq: -1, hash: hashOf(3) } },
      5: { credential: 'b', anchor: { seq: 3, hash: 'AB'.repeat(32) } },
      6: { credential: 'c', anchor: null },
      7: { credential: 'd', anchor: at(99) },
    });
    expect(failures(e)).toEqual([]);
  });
});
