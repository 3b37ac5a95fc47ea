/**
 * The encrypted tally kept current while the vote is open (SPEC §10.10): per option, the sum of each
 * credential's last ballot, updated right after each ballot's transaction, in board order, from the
 * ciphertexts the verifier worker already decoded. Closing the vote then encodes these sums instead of
 * decoding every ballot on the board again (a dozen ristretto decodings a ballot: seconds of the event
 * loop at 10,000 ballots).
 *
 * Memory only, and only for an election whose every ballot went through here: after a restart, or
 * with ballots written by other code, the counts do not match the board and closing sums the board
 * as before. The verifier and the trustees recompute the tally from the board in any case (§11, §10.11).
 */
import {
  add,
  pointFromCoordinates,
  type Ciphertext,
  type ElectionParams,
  type PointCoordinates,
} from '@saylau/crypto';
import {
  aggregateBallots,
  ballotCiphertexts,
  emptySums,
  tallyPayload,
  type BallotPayload,
  type TallyPayload,
} from '@saylau/protocol';
import type { ServerContext } from '../context.ts';

interface Running {
  sums: Ciphertext[][];
  /** Ballots added, and distinct credentials among them. */
  ballots: number;
  counted: number;
}

const tallies = new WeakMap<ServerContext, Map<string, Running>>();

function runningOf(ctx: ServerContext): Map<string, Running> {
  let m = tallies.get(ctx);
  if (!m) tallies.set(ctx, (m = new Map()));
  return m;
}

const negate = (c: Ciphertext): Ciphertext => ({ alpha: c.alpha.negate(), beta: c.beta.negate() });

/** The ciphertexts of a worker's verdict (verify-batch.ts): α then β of each option, four coordinates a point. */
export function fromCoordinates(params: ElectionParams, coords: readonly bigint[]): Ciphertext[][] {
  let k = 0;
  const point = () => pointFromCoordinates(coords.slice(k, (k += 4)) as unknown as PointCoordinates);
  const rows = params.contests.map((c) =>
    Array.from({ length: c.options }, () => ({ alpha: point(), beta: point() })),
  );
  if (k !== coords.length)
    throw new Error('the verdict has more coordinates than the ballot has ciphertexts');
  return rows;
}

export interface NotedBallot {
  /** The verdict's coordinates of the ballot's ciphertexts. */
  ciphertexts: readonly bigint[];
  /** It is the election's first ballot: the running tally starts here. */
  first: boolean;
  /** The payload of the same credential's ballot it replaces (SPEC §10.10: the last one counts). */
  replaced: BallotPayload | null;
}

/**
 * After a ballot's transaction committed, before anything else runs: add the ballot and take out
 * the one it replaces. A failure here only stops the running tally (closing then sums the board);
 * the ballot is on the board and its voter gets the receipt.
 */
export function noteBallot(
  ctx: ServerContext,
  election: string,
  params: ElectionParams,
  b: NotedBallot,
): void {
  const all = runningOf(ctx);
  if (b.first) all.set(election, { sums: emptySums(params), ballots: 0, counted: 0 });
  const r = all.get(election);
  if (!r) return;
  try {
    const added = fromCoordinates(params, b.ciphertexts);
    const taken = b.replaced === null ? null : ballotCiphertexts(params, b.replaced);
    r.sums = r.sums.map((row, ci) =>
      row.map((sum, oi) => {
        const s = add(sum, added[ci]![oi]!);
        return taken ? add(s, negate(taken[ci]![oi]!)) : s;
      }),
    );
    r.ballots++;
    if (taken === null) r.counted++;
  } catch (e) {
    all.delete(election);
    ctx.log(`running tally of ${election} stopped, closing will sum the board: ${(e as Error).message}`);
  }
}

/**
 * The `tally` payload at closing (SPEC §10.10): from the running tally when it covers exactly the
 * board's ballots and credentials, else summed from the board. Either way the running tally ends.
 */
export function closingTally(ctx: ServerContext, election: string, params: ElectionParams): TallyPayload {
  const all = runningOf(ctx);
  const r = all.get(election);
  all.delete(election);
  if (r) {
    const { ballots, counted } = ctx.db
      .prepare(
        'SELECT COUNT(*) AS ballots, COUNT(DISTINCT credential) AS counted FROM ballots WHERE election = ?',
      )
      .get(election) as { ballots: number; counted: number };
    if (ballots === r.ballots && counted === r.counted) return tallyPayload(params, r.sums, ballots, counted);
    ctx.log(`running tally of ${election} does not cover the board; summing the board`);
  }
  return aggregateBallots(params, ctx.board.ofType(election, 'ballot'));
}

/** Whether closing would use a running tally (tests). */
export function hasRunningTally(ctx: ServerContext, election: string): boolean {
  return runningOf(ctx).has(election);
}
