/**
 * A contest's outcome from its published counts, written from SPEC §10.12 (rules R0–R7) for check
 * 10.2 (§11.2). Kept apart from the server's code on purpose (§11).
 */
import { platform } from '#platform';
import type { Profile } from '@saylau/protocol';
import type { ContestInfo } from './nominations.ts';

/** The lot of R7: the tied ids in ballot order and the hex SHA-256 that chose among them. */
export interface Lot {
  tied: string[];
  draw: string;
}

/** §10.12 `Outcome`: a question carries or not, the election repeats, or a winner (by lot, R7). */
export type Outcome =
  | { kind: 'adopted' | 'rejected' }
  | { kind: 'invalid'; reason: 'turnout' }
  | { kind: 'repeat'; reason: 'no-votes' | 'against-all' }
  | { kind: 'repeat'; reason: 'tie'; tied: string[] }
  | { kind: 'elected'; winner: string; lot?: Lot };

type Rules = Pick<Profile, 'againstAllWins' | 'tie' | 'turnoutPercent'>;

/** One option with its count and its place on the ballot. */
interface Row {
  id: string;
  kind: string;
  votes: number;
  place: number;
}

/**
 * R7: SHA-256 over the UTF-8 bytes of `tallyHash:contestId:id1,id2,…`; its first 8 bytes, read as
 * an unsigned big-endian integer r, pick tied[r mod k].
 */
export function drawLot(
  tallyHash: string,
  contestId: string,
  tied: readonly string[],
): { winner: string; draw: string } {
  const draw = platform.sha256Hex([tallyHash, contestId, tied.join(',')].join(':'));
  // The first 8 bytes, big-endian: the first 16 hex digits.
  const r = BigInt(`0x${draw.slice(0, 16)}`);
  const pick = Number(r % BigInt(tied.length));
  return { winner: tied[pick]!, draw };
}

/**
 * R2: a question carries only with strictly more "yes" than "no"; equal counts reject it, and
 * "abstain" is on neither side.
 */
function questionOutcome(rows: readonly Row[]): Outcome {
  const votesOf = (kind: string) => rows.find((r) => r.kind === kind)?.votes ?? 0;
  return votesOf('yes') > votesOf('no') ? { kind: 'adopted' } : { kind: 'rejected' };
}

/** R3–R7 for a candidates contest. */
function candidatesOutcome(
  contestId: string,
  rows: readonly Row[],
  rules: Rules,
  tallyHash: string,
): Outcome {
  // Most votes first; equal votes keep ballot order, so the leaders come out as R6 lists them.
  const ranking = rows
    .filter((r) => r.kind === 'candidate')
    .sort((a, b) => b.votes - a.votes || a.place - b.place);
  const top = ranking.length > 0 ? ranking[0]!.votes : 0;
  // R3: with `againstAllWins: "repeat"`, "Against all" strictly above the best candidate.
  const against = rows.find((r) => r.kind === 'against-all');
  if (rules.againstAllWins === 'repeat' && against !== undefined && against.votes > top)
    return { kind: 'repeat', reason: 'against-all' };
  // R4: no candidate has a vote.
  if (top === 0) return { kind: 'repeat', reason: 'no-votes' };
  const leaders = ranking.filter((r) => r.votes === top).map((r) => r.id);
  // R5: a single leader.
  if (leaders.length === 1) return { kind: 'elected', winner: leaders[0]! };
  // R7: `tie: "lot"` draws from the tally's hash; R6: otherwise (`"repeat"`, the §10.2 default) repeat.
  if (rules.tie === 'lot') {
    const { winner, draw } = drawLot(tallyHash, contestId, leaders);
    return { kind: 'elected', winner, lot: { tied: leaders, draw } };
  }
  return { kind: 'repeat', reason: 'tie', tied: leaders };
}

/**
 * R0–R7 in order. `counts[i]` belongs to `contest.options[i]`; a missing count reads as 0 (check
 * 10.3 fails such a result on its own). `roll` is the roll entry's count (R0).
 */
export function decideOutcome(
  contest: ContestInfo,
  counts: readonly number[],
  rules: Rules,
  tallyHash: string,
  roll: number,
): Outcome {
  // R0: a question under a turnout rule needs more than that share of the roll to have taken part;
  // the ballots that took part are the contest's counts together. Compared in integers.
  if (contest.kind === 'question' && rules.turnoutPercent !== 0) {
    let took = 0;
    for (const c of counts) took += c;
    if (!(100 * took > rules.turnoutPercent * roll)) return { kind: 'invalid', reason: 'turnout' };
  }
  // R1: not a single vote for any option.
  if (counts.every((c) => c === 0)) return { kind: 'repeat', reason: 'no-votes' };
  const rows: Row[] = contest.options.map((o, place) => ({
    id: o.id,
    kind: o.kind,
    votes: counts[place] ?? 0,
    place,
  }));
  return contest.kind === 'question'
    ? questionOutcome(rows)
    : candidatesOutcome(contest.id, rows, rules, tallyHash);
}
