/**
 * The server's and the verifier's SPEC §10.12 outcome rules (R0–R7), written apart (§11), agree on
 * random contests: candidates with or without "Against all", and referendum questions with or
 * without "abstain", under a turnout rule or none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideOutcome as serverOutcome, type BallotContest } from '@saylau/server';
import { decideOutcome as verifierOutcome } from '../verifier/src/outcome.ts';
import type { ContestInfo } from '../verifier/src/nominations.ts';

const RUNS = 2000;
const NAMES = { kk: 'x', ru: 'x', en: 'x' };

type Kind = 'candidate' | 'against-all' | 'yes' | 'no' | 'abstain';
interface Case {
  id: string;
  kind: 'candidates' | 'question';
  options: { id: string; kind: Kind }[];
  counts: number[];
  rules: { againstAllWins: 'repeat' | 'off'; tie: 'repeat' | 'lot'; turnoutPercent: number };
  tallyHash: string;
  roll: number;
}

/** §8.1 contest ids. */
const contestId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
/** Many zeros, small counts that tie easily, and large ones. */
const count = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 1_000_000 }),
);
const rules = fc.record({
  againstAllWins: fc.constantFrom('repeat' as const, 'off' as const),
  tie: fc.constantFrom('repeat' as const, 'lot' as const),
  turnoutPercent: fc.oneof(fc.constant(0), fc.constant(50), fc.integer({ min: 0, max: 100 })),
});
const tallyHash = fc.stringMatching(/^[0-9a-f]{64}$/);

/** 1–8 candidates with distinct random ids in a random ballot order, "Against all" last or absent. */
const candidateOptions = fc
  .tuple(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([ids, againstAll]) => [
    ...ids.map((id) => ({ id, kind: 'candidate' as const })),
    ...(againstAll ? [{ id: 'against-all', kind: 'against-all' as const }] : []),
  ]);

/** Counts where a random set of candidates (at least two when possible) share the largest count. */
function tiedCounts(options: Case['options']) {
  const candidates = options.flatMap((o, i) => (o.kind === 'candidate' ? [i] : []));
  return fc
    .record({
      top: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
      leaders: fc.subarray(candidates, { minLength: Math.min(2, candidates.length) }),
      below: fc.array(fc.nat(), { minLength: options.length, maxLength: options.length }),
      // "Against all" equal to, above or below the top.
      against: fc.integer({ min: -1, max: 1 }),
    })
    .map(({ top, leaders, below, against }) =>
      options.map((o, i) => {
        if (o.kind === 'against-all') return Math.max(0, top + against);
        return leaders.includes(i) ? top : top === 0 ? 0 : below[i]! % top;
      }),
    );
}

const candidatesCase: fc.Arbitrary<Case> = candidateOptions.chain((options) =>
  fc.record({
    id: contestId,
    kind: fc.constant('candidates' as const),
    options: fc.constant(options),
    counts: fc.oneof(
      fc.array(count, { minLength: options.length, maxLength: options.length }),
      tiedCounts(options),
    ),
    rules,
    tallyHash,
    roll: fc.integer({ min: 1, max: 2_000_000 }),
  }),
);

const YES_NO = [
  { id: 'yes', kind: 'yes' as const },
  { id: 'no', kind: 'no' as const },
];
/** Yes and no, and "abstain" under a profile that offers it; a roll near twice the counted, so R0 cuts both ways. */
const questionCase: fc.Arbitrary<Case> = fc
  .record({
    id: contestId,
    abstain: fc.boolean(),
    yesNo: fc.oneof(
      fc.tuple(count, count),
      count.map((c) => [c, c] as [number, number]),
    ),
    abstained: count,
    rules,
    tallyHash,
    slack: fc.integer({ min: -3, max: 3 }),
  })
  .map(({ id, abstain, yesNo, abstained, rules, tallyHash, slack }) => {
    const counts = abstain ? [...yesNo, abstained] : [...yesNo];
    const counted = counts.reduce((a, b) => a + b, 0);
    return {
      id,
      kind: 'question' as const,
      options: abstain ? [...YES_NO, { id: 'abstain', kind: 'abstain' as const }] : YES_NO,
      counts,
      rules,
      tallyHash,
      roll: Math.max(1, counted, 2 * counted + slack),
    };
  });

function both(c: Case) {
  const server: BallotContest = {
    id: c.id,
    kind: c.kind,
    ...(c.kind === 'question' ? { question: NAMES } : {}),
    options: c.options.map((o) => ({ ...o, names: NAMES })),
  };
  const verifier: ContestInfo = { id: c.id, kind: c.kind, options: c.options.map((o) => ({ ...o })) };
  return {
    server: serverOutcome(server, c.counts, c.rules, c.tallyHash, c.roll),
    verifier: verifierOutcome(verifier, c.counts, c.rules, c.tallyHash, c.roll),
  };
}

describe('server and verifier outcome rules agree (SPEC §10.12)', () => {
  it(`on ${RUNS} random contests, ties favoured`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(candidatesCase, questionCase), (c) => {
        const { server, verifier } = both(c);
        expect(verifier).toEqual(server);
        seen.add(
          'reason' in server ? `${server.kind}:${server.reason}` : 'lot' in server ? 'lot' : server.kind,
        );
      }),
      { numRuns: RUNS },
    );
    // Every outcome shape of §10.12 came up, so no rule went untested.
    expect([...seen].sort()).toEqual([
      'adopted',
      'elected',
      'invalid:turnout',
      'lot',
      'rejected',
      'repeat:against-all',
      'repeat:no-votes',
      'repeat:tie',
    ]);
  });

  it('agrees on the SPEC §10.12 example result', () => {
    const c: Case = {
      id: 'akim',
      kind: 'candidates',
      options: ['c2', 'c1', 'c3', 'against-all'].map((id) => ({
        id,
        kind: id === 'against-all' ? ('against-all' as const) : ('candidate' as const),
      })),
      counts: [210, 305, 50, 33],
      rules: { againstAllWins: 'repeat', tie: 'repeat', turnoutPercent: 50 },
      tallyHash: 'f'.repeat(64),
      roll: 850,
    };
    expect(both(c)).toEqual({
      server: { kind: 'elected', winner: 'c1' },
      verifier: { kind: 'elected', winner: 'c1' },
    });
  });
});
