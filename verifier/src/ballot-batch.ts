/**
 * Verification of a batch of ballot entries (checks 7.1, 7.3, 7.4; SPEC §8.3, §5.6), run in a worker
 * thread or in-thread. It gets the entry lines and returns plain verdicts, plus the homomorphic sum
 * (§4.2) of the batch's counted ballots for the tally check (8.2), so that no point decoding is
 * repeated on the main thread.
 */
import { platform } from '#platform';
import {
  CryptoError,
  IDENTITY,
  ORDER,
  ballotBody,
  bytesToScalarLE,
  ballotEquations,
  decodeBallot,
  encodePoint,
  b64ToBytesStrict,
  signatureMessage,
  verifyBallotSignature,
  verifyItemsBatch,
  type DecodedBallot,
  type ElectionParams,
  type Point,
} from '@saylau/crypto';

export interface BallotItem {
  seq: number;
  /** The board line of the entry (§9.3). */
  line: string;
  /** Counted: the last ballot of its credential (§10.10 T2). */
  selected: boolean;
}

export interface BallotVerdict {
  seq: number;
  /** 7.1: the strict decoding error, if any (then signature and proofs were not checked). */
  refused: { code: string; field: string; message: string } | null;
  signature: boolean;
  proofs: boolean;
  /** The ballot decoded, so its `credential` passed the strict §7.4 key check: 5.1 need not repeat it. */
  checkedKey: string | null;
}

export interface BatchResult {
  verdicts: BallotVerdict[];
  /** Per contest, per option: the sum of the selected ballots that decode, as {alpha, beta} in base64url. */
  sums: { alpha: string; beta: string }[][];
  /** Seqs of selected ballots that could not be added (7.1 refused). */
  unsummed: number[];
}

/**
 * SPEC §7.4 ballot signature. The platform's fast verifier goes first (in Node OpenSSL, about ten
 * times faster than the pure-JS verifier; in browsers none); it checks [S]B = R + [k]A exactly with
 * R compared byte for byte, so with S < ℓ checked here and A already checked canonical and not of
 * small order (§8.3 step 2), its "valid" implies the cofactored equation of §7.4. Anything it does
 * not call valid is decided by the strict §7.4 verifier of @saylau/crypto, so the verdict is always
 * exactly §7.4's.
 */
export function verifySignature(b: DecodedBallot): boolean {
  const sig = b64ToBytesStrict(b.json.signature, 'ballot.signature', 64);
  // Ed25519's ℓ is ristretto255's group order.
  if (
    bytesToScalarLE(sig.subarray(32)) < ORDER &&
    platform.fastEd25519(signatureMessage('ballot', ballotBody(b.json)), sig, b.credential) === 'valid'
  )
    return true;
  return verifyBallotSignature(b);
}

export function verifyBallotBatch(params: ElectionParams, items: readonly BallotItem[]): BatchResult {
  const verdicts: BallotVerdict[] = [];
  const decoded: { b: DecodedBallot; v: BallotVerdict; selected: boolean }[] = [];
  const unsummed: number[] = [];
  for (const item of items) {
    const v: BallotVerdict = {
      seq: item.seq,
      refused: null,
      signature: false,
      proofs: false,
      checkedKey: null,
    };
    verdicts.push(v);
    try {
      const payload = (JSON.parse(item.line) as { payload: unknown }).payload;
      const b = decodeBallot(params, payload);
      v.checkedKey = b.json.credential;
      v.signature = verifySignature(b);
      decoded.push({ b, v, selected: item.selected });
    } catch (e) {
      if (!(e instanceof CryptoError)) throw e;
      v.refused = { code: e.code, field: e.field, message: e.message };
      if (item.selected) unsummed.push(item.seq);
    }
  }
  // §5.6: one MSM per batch; a failing batch is bisected, so each verdict equals the one-by-one verdict.
  const ok = verifyItemsBatch(decoded, (d) => ballotEquations(params, d.b, true));
  decoded.forEach((d, i) => (d.v.proofs = ok[i]!));
  const acc: { alpha: Point; beta: Point }[][] = params.contests.map((c) =>
    Array.from({ length: c.options }, () => ({ alpha: IDENTITY, beta: IDENTITY })),
  );
  for (const d of decoded) {
    if (!d.selected) continue;
    d.b.contests.forEach((c, ci) =>
      c.choices.forEach((ch, oi) => {
        const a = acc[ci]![oi]!;
        a.alpha = a.alpha.add(ch.ciphertext.alpha);
        a.beta = a.beta.add(ch.ciphertext.beta);
      }),
    );
  }
  const sums = acc.map((row) => row.map((x) => ({ alpha: encodePoint(x.alpha), beta: encodePoint(x.beta) })));
  return { verdicts, sums, unsummed };
}
