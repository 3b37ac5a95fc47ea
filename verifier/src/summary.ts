/**
 * The verified result, for people: each contest's options with their names (from `ballot-fixed`)
 * and counts and the outcome (from `result`). Given only when every check passed (exit code 0), so
 * nothing unverified is ever shown as a result.
 */
import type { Entry } from './board.ts';

export interface Names {
  kk: string;
  ru: string;
  en: string;
}

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

interface FixedPayload {
  contests: { id: string; options: { id: string; names: Names }[] }[];
}
interface ResultPayload extends Omit<VerifiedResult, 'contests'> {
  contests: { id: string; counts: number[]; outcome: Record<string, unknown> }[];
}

/** Call only after every check passed: the shapes below were checked by 3.3 and 10.1–10.3. */
export function verifiedResult(entries: readonly Entry[]): VerifiedResult | null {
  const fixed = entries.find((e) => e.type === 'ballot-fixed')?.payload as FixedPayload | undefined;
  const result = entries.filter((e) => e.type === 'result').at(-1)?.payload as ResultPayload | undefined;
  if (!fixed || !result) return null;
  return {
    roll: result.roll,
    ballots: result.ballots,
    counted: result.counted,
    revotes: result.revotes,
    trustees: result.trustees,
    contests: result.contests.map((c, ci) => ({
      id: c.id,
      options: fixed.contests[ci]!.options.map((o, oi) => ({
        id: o.id,
        names: o.names,
        count: c.counts[oi]!,
      })),
      outcome: c.outcome,
    })),
  };
}
