/** The outcome of a contest from its counts (SPEC §10.12 rules R1–R7), recomputed for check 10.2. */
import { createHash } from 'node:crypto';
import type { Profile } from './manifest.ts';
import type { ContestInfo } from './nominations.ts';

export type Outcome =
  | { kind: 'elected'; winner: string }
  | { kind: 'elected'; winner: string; lot: { tied: string[]; draw: string } }
  | { kind: 'repeat'; reason: 'no-votes' | 'against-all' }
  | { kind: 'repeat'; reason: 'tie'; tied: string[] }
  | { kind: 'adopted' }
  | { kind: 'rejected' };

/** R7: draw = hex SHA-256(tallyHash ":" contestId ":" tied ids joined by ","); winner tied[r mod k]. */
export function drawLot(tallyHash: string, contestId: string, tied: readonly string[]) {
  const draw = createHash('sha256')
    .update(`${tallyHash}:${contestId}:${tied.join(',')}`, 'utf8')
    .digest('hex');
  const r = BigInt(`0x${draw.slice(0, 16)}`);
  return { winner: tied[Number(r % BigInt(tied.length))]!, draw };
}

export function decideOutcome(
  contest: ContestInfo,
  counts: readonly number[],
  rules: Pick<Profile, 'againstAllWins' | 'tie'>,
  tallyHash: string,
): Outcome {
  // R1: every count is 0.
  if (counts.every((c) => c === 0)) return { kind: 'repeat', reason: 'no-votes' };
  if (contest.kind === 'question') {
    // R2: adopted only with strictly more "yes" than "no".
    const yes = counts[contest.options.findIndex((o) => o.kind === 'yes')] ?? 0;
    const no = counts[contest.options.findIndex((o) => o.kind === 'no')] ?? 0;
    return yes > no ? { kind: 'adopted' } : { kind: 'rejected' };
  }
  const candidates = contest.options
    .map((o, i) => ({ id: o.id, kind: o.kind, votes: counts[i] ?? 0 }))
    .filter((o) => o.kind === 'candidate');
  const againstAll = contest.options.reduce(
    (s, o, i) => (o.kind === 'against-all' ? s + (counts[i] ?? 0) : s),
    0,
  );
  const top = Math.max(0, ...candidates.map((c) => c.votes));
  // R3: "Against all" strictly above every candidate, when the profile says so.
  if (rules.againstAllWins === 'repeat' && againstAll > top) return { kind: 'repeat', reason: 'against-all' };
  // R4: no vote for any candidate.
  if (top === 0) return { kind: 'repeat', reason: 'no-votes' };
  const tied = candidates.filter((c) => c.votes === top).map((c) => c.id);
  // R5: one leader.
  if (tied.length === 1) return { kind: 'elected', winner: tied[0]! };
  // R6 / R7: a tie repeats the election or is settled by the lot drawn from the tally's hash.
  if (rules.tie === 'repeat') return { kind: 'repeat', reason: 'tie', tied };
  const { winner, draw } = drawLot(tallyHash, contest.id, tied);
  return { kind: 'elected', winner, lot: { tied, draw } };
}
