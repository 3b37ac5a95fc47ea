/**
 * The encrypted tally (SPEC §10.10): per option, the homomorphic sum (§4.2) of the ciphertexts of
 * each credential's last ballot on the board. Pure, so that trustees and verifiers run the same
 * computation on the board they downloaded.
 */
import {
  ZERO_CIPHERTEXT,
  add,
  decodeContestCiphertexts,
  encodeCiphertext,
  type Ciphertext,
  type ElectionParams,
} from '@saylau/crypto';
import type { BallotPayload, TallyPayload } from './payloads.ts';

/** A ballot's ciphertexts, per contest and option in the election's order, strictly decoded. */
export function ballotCiphertexts(params: ElectionParams, p: BallotPayload): Ciphertext[][] {
  return params.contests.map((shape, ci) =>
    decodeContestCiphertexts(p.contests[ci], shape.options, `contests[${ci}]`),
  );
}

/** Per contest, per option, the sum of no ballots. */
export function emptySums(params: ElectionParams): Ciphertext[][] {
  return params.contests.map((c) => Array.from({ length: c.options }, () => ZERO_CIPHERTEXT));
}

/** The `tally` payload (SPEC §10.10) from the sums and the counts of ballots and credentials. */
export function tallyPayload(
  params: ElectionParams,
  sums: readonly (readonly Ciphertext[])[],
  ballots: number,
  counted: number,
): TallyPayload {
  return {
    ballots,
    counted,
    revotes: ballots - counted,
    contests: params.contests.map((c, ci) => ({ id: c.id, ciphertexts: sums[ci]!.map(encodeCiphertext) })),
  };
}

/** `ballots` in board order (payloads of `ballot` entries, SPEC §8.2). */
export function aggregateBallots(
  params: ElectionParams,
  ballots: Iterable<{ payload: BallotPayload }>,
): TallyPayload {
  const last = new Map<string, BallotPayload>();
  let total = 0;
  for (const b of ballots) {
    const p = b.payload;
    last.set(p.credential, p);
    total++;
  }
  const sums = emptySums(params);
  for (const p of last.values())
    ballotCiphertexts(params, p).forEach((row, ci) =>
      row.forEach((ct, oi) => (sums[ci]![oi] = add(sums[ci]![oi]!, ct))),
    );
  return tallyPayload(params, sums, total, last.size);
}
