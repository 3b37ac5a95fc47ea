/**
 * The verified result, for people: each contest's options with their names (from `ballot-fixed`)
 * and counts and the outcome (from `result`). Given only when every check passed (exit code 0), so
 * nothing unverified is ever shown as a result.
 */
import type { Entry } from './board.ts';
import { LANGS } from '@saylau/protocol/lang';
import { arr, int, obj, record, str, type Json, type Names } from './shape.ts';

export interface VerifiedResult {
  roll: number;
  ballots: number;
  counted: number;
  revotes: number;
  trustees: number[];
  contests: {
    id: string;
    options: { id: string; names: Names; count: number }[];
    outcome: Record<string, unknown>;
  }[];
}

/** The names as published; the line is canonical (2.3), so its keys are in sorted order (SPEC §3.1). */
function namesOf(v: unknown, path: string): Names {
  const o = obj(v, path, LANGS);
  return { en: str(o.en, `${path}.en`), kk: str(o.kk, `${path}.kk`), ru: str(o.ru, `${path}.ru`) };
}

const list = (o: Json, key: string, path: string): unknown[] => arr(o[key], `${path}.${key}`);

/**
 * Call only after every check passed: 3.3 and 10.1–10.3 checked what is read here, so these strict
 * reads do not throw; if one did, that would be a bug of this verifier, not a result to show.
 */
export function verifiedResult(entries: readonly Entry[]): VerifiedResult | null {
  const fixed = entries.find((e) => e.type === 'ballot-fixed');
  const result = entries.filter((e) => e.type === 'result').at(-1);
  if (!fixed || !result) return null;
  const ballot = list(record(fixed.payload, 'ballot-fixed'), 'contests', 'ballot-fixed').map((c, ci) => {
    const p = `ballot-fixed.contests[${ci}]`;
    return list(record(c, p), 'options', p).map((o, oi) => {
      const q = `${p}.options[${oi}]`;
      const option = record(o, q);
      return { id: str(option.id, `${q}.id`), names: namesOf(option.names, `${q}.names`) };
    });
  });
  const r = record(result.payload, 'result');
  return {
    roll: int(r.roll, 'result.roll'),
    ballots: int(r.ballots, 'result.ballots'),
    counted: int(r.counted, 'result.counted'),
    revotes: int(r.revotes, 'result.revotes'),
    trustees: list(r, 'trustees', 'result').map((x, i) => int(x, `result.trustees[${i}]`)),
    contests: list(r, 'contests', 'result').map((c, ci) => {
      const p = `result.contests[${ci}]`;
      const contest = record(c, p);
      const counts = list(contest, 'counts', p).map((x, oi) => int(x, `${p}.counts[${oi}]`));
      return {
        id: str(contest.id, `${p}.id`),
        options: ballot[ci]!.map((o, oi) => ({ ...o, count: counts[oi]! })),
        outcome: record(contest.outcome, `${p}.outcome`),
      };
    }),
  };
}
