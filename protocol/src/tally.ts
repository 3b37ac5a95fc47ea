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
  const sums: Ciphertext[][] = params.contests.map((c) =>
    Array.from({ length: c.options }, () => ZERO_CIPHERTEXT),
  );
  for (const p of last.values())
    params.contests.forEach((shape, ci) => {
      const cts = decodeContestCiphertexts(p.contests[ci], shape.options, `contests[${ci}]`);
      for (let oi = 0; oi < shape.options; oi++) sums[ci]![oi] = add(sums[ci]![oi]!, cts[oi]!);
    });
  return {
    ballots: total,
    counted: last.size,
    revotes: total - last.size,
    contests: params.contests.map((c, ci) => ({ id: c.id, ciphertexts: sums[ci]!.map(encodeCiphertext) })),
  };
}
