/**
 * Strong Fiat–Shamir (SPEC §5.1): every challenge hashes the election fingerprint, a context
 * (the ballot's credential public key, a trustee's index), the whole statement and the commitments.
 */
import { fail } from '../errors.ts';
import { pointBytes, type Point } from '../group.ts';
import { hashToScalar, type HashPurpose } from '../hash.ts';

export interface ProofContext {
  /** 32-byte election fingerprint (SPEC §3.4). */
  fingerprint: Uint8Array;
  /** Binding context bytes, e.g. the 32-byte credential public key (SPEC §5.1). */
  context: Uint8Array;
}

export function proofContext(fingerprint: Uint8Array, context: Uint8Array): ProofContext {
  if (fingerprint.length !== 32) fail('BAD_LENGTH', 'fingerprint', 'expected 32 bytes');
  return { fingerprint, context };
}

/** u64 big-endian, for integers in a statement (a sum k, a trustee index). */
export function u64be(n: number | bigint): Uint8Array {
  const v = BigInt(n);
  if (v < 0n || v >= 1n << 64n) throw new RangeError('u64 out of range');
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[7 - i] = Number((v >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** c = H_purpose(fingerprint, context, integers…, statement points…, commitments…). */
export function challenge(
  purpose: HashPurpose,
  ctx: ProofContext,
  integers: readonly Uint8Array[],
  statement: readonly Point[],
  commitments: readonly Point[],
): bigint {
  return hashToScalar(purpose, [
    ctx.fingerprint,
    ctx.context,
    ...integers,
    ...statement.map(pointBytes),
    ...commitments.map(pointBytes),
  ]);
}
