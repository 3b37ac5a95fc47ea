/**
 * Who won (SPEC §10.12 rules R0–R7): plurality for a candidates contest under the profile's
 * against-all and tie rules; for a referendum question the profile's turnout rule, then a simple
 * majority of "yes" over "no" (abstentions decide nothing). Pure functions of the published counts
 * and the roll's count, so any verifier reaches the same outcome.
 */
import { sha256Hex, utf8ToBytes } from '@saylau/crypto';
import type { BallotContest } from '../elections/store.ts';
import type { Outcome, Profile } from '@saylau/protocol';

export type { Outcome };

export type OutcomeRules = Pick<Profile, 'againstAllWins' | 'tie' | 'turnoutPercent'>;

/**
 * R7, the lot: draw = hex SHA-256(utf8(tallyHash ":" contestId ":" tied ids joined by ",")), where
 * tallyHash is the hash of the `tally` entry; the winner is tied[r mod k] with r the first 8 bytes
 * of the draw as an unsigned big-endian integer and k = the number of tied candidates.
 */
export function drawLot(tallyHash: string, contestId: string, tied: readonly string[]) {
  const draw = sha256Hex(utf8ToBytes(`${tallyHash}:${contestId}:${tied.join(',')}`));
  const r = BigInt(`0x${draw.slice(0, 16)}`);
  return { winner: tied[Number(r % BigInt(tied.length))]!, draw };
}

export function decideOutcome(
  contest: BallotContest,
  counts: readonly number[],
  rules: OutcomeRules,
  tallyHash: string,
  roll: number,
): Outcome {
  if (counts.length !== contest.options.length) throw new Error('one count per option is needed');
  // R0: a question counts only if more than turnoutPercent % of the roll took part.
  const counted = counts.reduce((a, b) => a + b, 0);
  if (contest.kind === 'question' && rules.turnoutPercent > 0 && counted * 100 <= rules.turnoutPercent * roll)
    return { kind: 'invalid', reason: 'turnout' };
  // R1: no counted ballot at all.
  if (counts.every((c) => c === 0)) return { kind: 'repeat', reason: 'no-votes' };
  if (contest.kind === 'question') {
    // R2: adopted only with strictly more "yes" than "no"; "abstain" counts for neither.
    const yes = counts[contest.options.findIndex((o) => o.kind === 'yes')] ?? 0;
    const no = counts[contest.options.findIndex((o) => o.kind === 'no')] ?? 0;
    return yes > no ? { kind: 'adopted' } : { kind: 'rejected' };
  }
  const candidates = contest.options
    .map((o, i) => ({ id: o.id, kind: o.kind, votes: counts[i]! }))
    .filter((o) => o.kind === 'candidate');
  const againstAll = contest.options.reduce((s, o, i) => (o.kind === 'against-all' ? s + counts[i]! : s), 0);
  const top = Math.max(0, ...candidates.map((c) => c.votes));
  // R3: "Against all" with strictly more votes than every candidate, when the profile says so.
  if (rules.againstAllWins === 'repeat' && againstAll > top) return { kind: 'repeat', reason: 'against-all' };
  // R4: no candidate received a vote (every vote was against all, under 'off').
  if (top === 0) return { kind: 'repeat', reason: 'no-votes' };
  const tied = candidates.filter((c) => c.votes === top).map((c) => c.id);
  // R5: a single leader is elected.
  if (tied.length === 1) return { kind: 'elected', winner: tied[0]! };
  // R6: a tie for first place repeats the election, or (R7) is settled by the verifiable lot.
  if (rules.tie === 'repeat') return { kind: 'repeat', reason: 'tie', tied };
  const { winner, draw } = drawLot(tallyHash, contest.id, tied);
  return { kind: 'elected', winner, lot: { tied, draw } };
}
