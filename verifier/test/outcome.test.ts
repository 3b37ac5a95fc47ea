/** SPEC §10.12 rules R0–R7, each on a hand-worked contest; expected outcomes are read off the SPEC. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decideOutcome, drawLot } from '../src/outcome.ts';
import type { ContestInfo } from '../src/nominations.ts';

const TALLY = '0123456789abcdef'.repeat(4);
const STRICT = { againstAllWins: 'repeat', tie: 'repeat', turnoutPercent: 0 } as const;
const LENIENT = { againstAllWins: 'off', tie: 'lot', turnoutPercent: 0 } as const;

/** A candidates contest in ballot order, "Against all" last when asked (§10.5 B2). */
function akim(ids: string[], againstAll = true): ContestInfo {
  const options = ids.map((id) => ({ id, kind: 'candidate' }));
  return {
    id: 'akim',
    kind: 'candidates',
    options: againstAll ? [...options, { id: 'against-all', kind: 'against-all' }] : options,
  };
}
const question: ContestInfo = {
  id: 'q1',
  kind: 'question',
  options: [
    { id: 'yes', kind: 'yes' },
    { id: 'no', kind: 'no' },
  ],
};

describe('R1: every count 0', () => {
  it('repeats a candidates contest and a question for no votes, under any profile', () => {
    expect(decideOutcome(akim(['c1', 'c2']), [0, 0, 0], STRICT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'no-votes',
    });
    expect(decideOutcome(akim(['c1', 'c2']), [0, 0, 0], LENIENT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'no-votes',
    });
    // R1 comes before R2: an empty question is repeated, not rejected.
    expect(decideOutcome(question, [0, 0], STRICT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'no-votes',
    });
  });
});

describe('R2: a question', () => {
  it('is adopted only with strictly more yes than no', () => {
    expect(decideOutcome(question, [51, 50], STRICT, TALLY, 100)).toEqual({ kind: 'adopted' });
    expect(decideOutcome(question, [1, 0], STRICT, TALLY, 100)).toEqual({ kind: 'adopted' });
    expect(decideOutcome(question, [50, 51], STRICT, TALLY, 100)).toEqual({ kind: 'rejected' });
    expect(decideOutcome(question, [0, 3], STRICT, TALLY, 100)).toEqual({ kind: 'rejected' });
  });

  it('rejects a tie, whatever the tie rule', () => {
    expect(decideOutcome(question, [40, 40], STRICT, TALLY, 100)).toEqual({ kind: 'rejected' });
    expect(decideOutcome(question, [40, 40], LENIENT, TALLY, 100)).toEqual({ kind: 'rejected' });
  });
});

describe('R3: "Against all"', () => {
  it('repeats the election when strictly above every candidate and againstAllWins is repeat', () => {
    expect(decideOutcome(akim(['c1', 'c2']), [10, 20, 21], STRICT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'against-all',
    });
    // With no candidate vote at all, "Against all" is above top = 0.
    expect(decideOutcome(akim(['c1', 'c2']), [0, 0, 5], STRICT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'against-all',
    });
  });

  it('does not decide when only equal to the leader', () => {
    expect(decideOutcome(akim(['c1', 'c2']), [10, 20, 20], STRICT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c2',
    });
  });

  it('never decides with againstAllWins off', () => {
    expect(
      decideOutcome(
        akim(['c1', 'c2']),
        [10, 20, 500],
        { againstAllWins: 'off', tie: 'repeat', turnoutPercent: 0 },
        TALLY,
        100,
      ),
    ).toEqual({
      kind: 'elected',
      winner: 'c2',
    });
  });
});

describe('R4: no vote for any candidate', () => {
  it('repeats for no votes when only "Against all" has votes and it may not decide', () => {
    expect(decideOutcome(akim(['c1', 'c2']), [0, 0, 7], LENIENT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'no-votes',
    });
  });
});

describe('R5: one leader', () => {
  it('elects the single candidate with the largest count', () => {
    expect(decideOutcome(akim(['c2', 'c1', 'c3']), [210, 305, 50, 33], STRICT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c1',
    });
    expect(decideOutcome(akim(['c7'], false), [1], LENIENT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c7',
    });
  });

  it('elects the leader even when others tie below it', () => {
    expect(decideOutcome(akim(['c1', 'c2', 'c3']), [5, 9, 5, 0], LENIENT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c2',
    });
  });
});

describe('R6: a tie with tie = repeat', () => {
  it('lists the tied in ballot order, not by id', () => {
    expect(decideOutcome(akim(['c4', 'c1', 'c3', 'c2']), [30, 12, 30, 30, 1], STRICT, TALLY, 100)).toEqual({
      kind: 'repeat',
      reason: 'tie',
      tied: ['c4', 'c3', 'c2'],
    });
  });
});

describe('R7: a tie with tie = lot', () => {
  /** The SPEC's formula, worked here with node:crypto: r = first 8 bytes, big-endian. */
  function lot(tied: string[]) {
    const draw = createHash('sha256')
      .update(`${TALLY}:akim:${tied.join(',')}`, 'utf8')
      .digest('hex');
    return { draw, index: Number(BigInt(`0x${draw.slice(0, 16)}`) % BigInt(tied.length)) };
  }

  it('draws from SHA-256 of tallyHash:contestId:tied', () => {
    // r = 0xe0e415f47e5c9530 = 16205101499022087472 (above 2^63, so read unsigned); r mod 3 = 1.
    const { draw, index } = lot(['c1', 'c3', 'c4']);
    expect(draw).toBe('e0e415f47e5c9530a15c116eb23082c9510212aa3a3ba0af0bffcade82395ad7');
    expect(index).toBe(1);
    expect(decideOutcome(akim(['c1', 'c2', 'c3', 'c4']), [8, 2, 8, 8, 0], LENIENT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c3',
      lot: { tied: ['c1', 'c3', 'c4'], draw },
    });
  });

  it('picks index 1 and index 0 on other tied sets', () => {
    // r = 0x7d1d923087f4578f, odd: tied[1].
    const a = lot(['c2', 'c5']);
    expect(a.draw).toBe('7d1d923087f4578f697b2a72ef65f9696f67a4c8a633e411ab74cd4d1214f5cf');
    expect(a.index).toBe(1);
    expect(drawLot(TALLY, 'akim', ['c2', 'c5'])).toEqual({ winner: 'c5', draw: a.draw });
    // r = 0x85151600a90692f2, even: tied[0].
    const b = lot(['c1', 'c2']);
    expect(b.draw).toBe('85151600a90692f20cef5bae1c1f64749aad407af4f2984d8325f8739f0de6e7');
    expect(b.index).toBe(0);
    expect(decideOutcome(akim(['c1', 'c2'], false), [1_000_000, 1_000_000], LENIENT, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c1',
      lot: { tied: ['c1', 'c2'], draw: b.draw },
    });
  });

  it('still lets "Against all" repeat first (R3 before R7)', () => {
    expect(
      decideOutcome(
        akim(['c1', 'c2']),
        [8, 8, 9],
        { againstAllWins: 'repeat', tie: 'lot', turnoutPercent: 0 },
        TALLY,
        100,
      ),
    ).toEqual({
      kind: 'repeat',
      reason: 'against-all',
    });
  });
});

describe('R0: the turnout rule of a question', () => {
  const HALF = { againstAllWins: 'off', tie: 'repeat', turnoutPercent: 50 } as const;
  const abstaining: ContestInfo = {
    id: 'q1',
    kind: 'question',
    options: [
      { id: 'yes', kind: 'yes' },
      { id: 'no', kind: 'no' },
      { id: 'abstain', kind: 'abstain' },
    ],
  };

  it('makes a question not valid unless more than the share of the roll took part', () => {
    // 50 of 100 is not more than half; 51 is.
    expect(decideOutcome(question, [30, 20], HALF, TALLY, 100)).toEqual({
      kind: 'invalid',
      reason: 'turnout',
    });
    expect(decideOutcome(question, [31, 20], HALF, TALLY, 100)).toEqual({ kind: 'adopted' });
    // An odd roll: 3 of 5 is more than half, 2 is not.
    expect(decideOutcome(question, [2, 1], HALF, TALLY, 5)).toEqual({ kind: 'adopted' });
    expect(decideOutcome(question, [2, 0], HALF, TALLY, 5)).toEqual({ kind: 'invalid', reason: 'turnout' });
    // R0 before R1: nobody voting is not valid for turnout.
    expect(decideOutcome(question, [0, 0], HALF, TALLY, 5)).toEqual({ kind: 'invalid', reason: 'turnout' });
  });

  it('counts abstentions as taking part, but neither for nor against', () => {
    expect(decideOutcome(abstaining, [10, 9, 40], HALF, TALLY, 100)).toEqual({ kind: 'adopted' });
    expect(decideOutcome(abstaining, [9, 9, 40], HALF, TALLY, 100)).toEqual({ kind: 'rejected' });
    expect(decideOutcome(abstaining, [10, 9, 30], HALF, TALLY, 100)).toEqual({
      kind: 'invalid',
      reason: 'turnout',
    });
  });

  it('never applies to a candidates contest', () => {
    expect(decideOutcome(akim(['c1', 'c2']), [1, 0, 0], HALF, TALLY, 100)).toEqual({
      kind: 'elected',
      winner: 'c1',
    });
  });
});
