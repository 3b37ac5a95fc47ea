/** The outcome rules (SPEC §10.12 R0–R7), the lot, and the protocol's catalog and rendering. */
import { formatTime } from '@saylau/protocol/dates';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AGAINST_ALL, YES_NO, type BallotContest } from '../src/index.ts';
import { decideOutcome, drawLot, type Outcome, type OutcomeRules } from '../src/tally/outcome.ts';
import { catalogProblems } from '@saylau/protocol/catalog';
import { PROTOCOL_STRINGS, tr, type ProtocolKey } from '../src/tally/catalog.ts';
import { renderProtocol } from '../src/tally/protocol.ts';
import type { ResultView } from '../src/tally/result.ts';
import { candidateContest } from '@saylau/test-kit';

const akim = candidateContest(['A', 'B', 'C'])[0]!; // c1, c2, c3, against-all
const question: BallotContest = {
  id: 'q1',
  kind: 'question',
  question: { kk: 'Сұрақ', ru: 'Вопрос', en: 'Question' },
  options: (['yes', 'no'] as const).map((o) => ({ id: o, kind: o, names: YES_NO[o] })),
};
const H = 'ab'.repeat(32);
const rules = (
  againstAllWins: 'repeat' | 'off',
  tie: 'repeat' | 'lot',
  turnoutPercent = 0,
): OutcomeRules => ({ againstAllWins, tie, turnoutPercent });
const decide = (counts: number[], r = rules('off', 'repeat'), hash = H) =>
  decideOutcome(akim, counts, r, hash, 100);

describe('candidates contest', () => {
  it('R5: the single leader is elected', () => {
    expect(decide([3, 5, 1, 0])).toEqual({ kind: 'elected', winner: 'c2' });
    expect(decide([3, 5, 1, 9])).toEqual({ kind: 'elected', winner: 'c2' }); // 'off': against all never decides
  });

  it('R3: against all wins a repeat only with strictly more votes than every candidate', () => {
    const r = rules('repeat', 'repeat');
    expect(decide([3, 5, 1, 6], r)).toEqual({ kind: 'repeat', reason: 'against-all' });
    expect(decide([3, 5, 1, 5], r)).toEqual({ kind: 'elected', winner: 'c2' });
    expect(decide([0, 0, 0, 2], r)).toEqual({ kind: 'repeat', reason: 'against-all' });
  });

  it('R1, R4: no votes at all, or none for any candidate, repeat the election', () => {
    expect(decide([0, 0, 0, 0])).toEqual({ kind: 'repeat', reason: 'no-votes' });
    expect(decide([0, 0, 0, 0], rules('repeat', 'lot'))).toEqual({ kind: 'repeat', reason: 'no-votes' });
    expect(decide([0, 0, 0, 4], rules('off', 'lot'))).toEqual({ kind: 'repeat', reason: 'no-votes' });
  });

  it('R6: a tie for first place repeats the election, naming the tied in ballot order', () => {
    expect(decide([4, 2, 4, 1])).toEqual({ kind: 'repeat', reason: 'tie', tied: ['c1', 'c3'] });
    expect(decide([4, 4, 4, 4], rules('repeat', 'repeat'))).toEqual({
      kind: 'repeat',
      reason: 'tie',
      tied: ['c1', 'c2', 'c3'],
    });
  });

  it('R7: the lot is SHA-256 of tally hash, contest and tied ids; deterministic and recomputable', () => {
    const o = decide([4, 2, 4, 1], rules('off', 'lot')) as Extract<Outcome, { lot: unknown }>;
    const draw = createHash('sha256').update(`${H}:akim:c1,c3`).digest('hex');
    expect(o.lot).toEqual({ tied: ['c1', 'c3'], draw });
    expect(o.winner).toBe(['c1', 'c3'][Number(BigInt(`0x${draw.slice(0, 16)}`) % 2n)]);
    expect(decide([4, 2, 4, 1], rules('off', 'lot'))).toEqual(o);
    // Another tally gives another draw; over many tallies every tied candidate can win.
    const winners = new Set(
      Array.from(
        { length: 40 },
        (_, i) => drawLot(i.toString(16).padStart(64, '0'), 'akim', ['c1', 'c2', 'c3']).winner,
      ),
    );
    expect(winners).toEqual(new Set(['c1', 'c2', 'c3']));
    expect(() => decide([1, 2, 3])).toThrow();
  });
});

describe('referendum question', () => {
  it('R2: adopted only with strictly more yes than no; R1: no votes repeat', () => {
    const q = (counts: number[]) => decideOutcome(question, counts, rules('off', 'repeat'), H, 100);
    expect(q([3, 2])).toEqual({ kind: 'adopted' });
    expect(q([2, 2])).toEqual({ kind: 'rejected' });
    expect(q([1, 5])).toEqual({ kind: 'rejected' });
    expect(q([0, 0])).toEqual({ kind: 'repeat', reason: 'no-votes' });
  });

  it("R0: not valid unless more than the profile's share of the roll took part; abstain counts for neither side", () => {
    const abstaining: BallotContest = {
      ...question,
      options: (['yes', 'no', 'abstain'] as const).map((o) => ({ id: o, kind: o, names: YES_NO[o] })),
    };
    const q = (counts: number[], roll: number) =>
      decideOutcome(abstaining, counts, rules('off', 'repeat', 50), H, roll);
    expect(q([30, 10, 10], 100)).toEqual({ kind: 'invalid', reason: 'turnout' }); // 50 of 100
    expect(q([30, 10, 11], 100)).toEqual({ kind: 'adopted' });
    expect(q([10, 10, 31], 100)).toEqual({ kind: 'rejected' }); // abstentions are not "yes"
    expect(q([0, 0, 0], 3)).toEqual({ kind: 'invalid', reason: 'turnout' });
    // A candidates contest has no turnout rule.
    expect(decideOutcome(akim, [1, 0, 0, 0], rules('off', 'repeat', 50), H, 100)).toEqual({
      kind: 'elected',
      winner: 'c1',
    });
  });
});

describe('result protocol strings', () => {
  it('every key has a non-empty Kazakh, Russian and English text', () => {
    expect(catalogProblems(PROTOCOL_STRINGS)).toEqual([]);
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const [key, text] of Object.entries(PROTOCOL_STRINGS[lang]))
        expect(text, `${key}.${lang}`).toBe(text.normalize('NFC'));
  });

  it('renders every outcome in every language, escaped', () => {
    const view = (outcome: Outcome, contest: BallotContest = akim): ResultView => ({
      election: 'x-1',
      kind: contest.kind === 'question' ? 'referendum' : 'akim',
      demo: false,
      district: { kk: 'Ауыл <&>', ru: 'Село <&>', en: 'Village <&>' },
      electionDay: '2026-12-20',
      closedAt: '2026-12-20T20:00:00+05:00',
      turnoutPercent: contest.kind === 'question' ? 50 : 0,
      result: {
        roll: 10,
        ballots: 9,
        counted: 8,
        revotes: 1,
        trustees: [1, 2],
        contests: [{ id: contest.id, counts: contest.options.map(() => 2), outcome }],
      },
      entry: { seq: 40, hash: 'ef'.repeat(32) },
      board: { seq: 40, head: 'ef'.repeat(32) },
      trustees: [
        { index: 1, name: 'T1' },
        { index: 2, name: 'T2' },
      ],
      contests: [
        {
          id: contest.id,
          kind: contest.kind,
          ...(contest.question ? { question: contest.question } : {}),
          options: contest.options.map((o) => ({ ...o, count: 2 })),
          outcome,
        },
      ],
    });
    const cases: [Outcome, BallotContest, string][] = [
      [{ kind: 'elected', winner: 'c2' }, akim, 'elected'],
      [{ kind: 'elected', winner: 'c1', lot: { tied: ['c1', 'c2'], draw: 'cd'.repeat(32) } }, akim, 'byLot'],
      [{ kind: 'repeat', reason: 'against-all' }, akim, 'repeat.against-all'],
      [{ kind: 'repeat', reason: 'tie', tied: ['c1', 'c3'] }, akim, 'repeat.tie'],
      [{ kind: 'repeat', reason: 'no-votes' }, akim, 'repeat.no-votes'],
      [{ kind: 'adopted' }, question, 'adopted'],
      [{ kind: 'rejected' }, question, 'rejected'],
      [{ kind: 'invalid', reason: 'turnout' }, question, 'invalid.turnout'],
    ];
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const [outcome, contest, key] of cases) {
        const text = renderProtocol(view(outcome, contest), lang, '2026-12-23T20:00:00+05:00');
        // The deadline written out in the page's language (SPEC §10.12).
        expect(text).toContain(tr(lang, 'resultDue'));
        expect(text).toContain(formatTime(lang, '2026-12-23T20:00:00+05:00'));
        expect(text).toContain(tr(lang, key as ProtocolKey, { percent: 50 }).replaceAll('"', '&quot;'));
        if (contest.kind === 'question') expect(text).toContain(tr(lang, 'turnoutRule', { percent: 50 }));
        expect(text).toContain('25');
        expect(text).toContain(`${tr(lang, 'district')}</th>`);
        expect(text).toContain('&lt;&amp;&gt;');
        expect(text).not.toContain('<&>');
        expect(text).toContain(contest.kind === 'question' ? YES_NO.yes[lang] : AGAINST_ALL[lang]);
        for (const k of ['chair', 'secretary', 'signatures', 'trustees', 'verifyHow'] as const)
          expect(text).toContain(tr(lang, k));
      }
  });
});
