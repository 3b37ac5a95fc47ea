/**
 * Threshold decryption (SPEC §6.7–§6.8). Trustee j publishes D_j = x_j·A for each ciphertext
 * (A, B) with a Chaum–Pedersen proof that log_G X_j = log_A D_j; any t verified shares combine
 * by Lagrange interpolation at 0 into M = B − x·A = m·G.
 */
import { fail } from '../errors.ts';
import type { Ciphertext } from '../elgamal.ts';
import { G, IDENTITY, decodePoint, encodePoint, invert, mod, type Point } from '../group.ts';
import { asObject, exactKeys } from '../proofs/codec.ts';
import { proofContext, u64be, type ProofContext } from '../proofs/context.ts';
import {
  decodeDleq,
  dleqEquationsBound,
  encodeDleq,
  proveDleqBound,
  type DleqBinding,
  type DleqJson,
  type DleqProof,
  type DleqStatement,
} from '../proofs/dleq.ts';
import { checkEquations, checkEquationsBatch, type Equation } from '../proofs/equation.ts';
import { checkIndex, checkParams, MAX_TRUSTEES, type ThresholdParams } from './params.ts';

/** Trustee j's decryption factor for one ciphertext. */
export interface DecryptionShare {
  trustee: number;
  /** D_j = x_j·A (the identity when A is, e.g. the tally of no ballots). */
  factor: Point;
  proof: DleqProof;
}

export interface DecryptionShareJson {
  trustee: number;
  factor: string;
  proof: DleqJson;
}

/**
 * SPEC §6.7: context bytes are empty; the challenge is
 * H_proof/decryption(fingerprint, "", u64be(j), G, X_j, A, B, D_j, A1, A2).
 */
function decryptionStatement(
  fingerprint: Uint8Array,
  trustee: number,
  publicShare: Point,
  c: Ciphertext,
  factor: Point,
): { ctx: ProofContext; st: DleqStatement; binding: DleqBinding } {
  checkIndex(trustee, 'trustee');
  return {
    ctx: proofContext(fingerprint, new Uint8Array(0)),
    st: { g1: G, h1: publicShare, g2: c.alpha, h2: factor },
    binding: {
      purpose: 'proof/decryption',
      integers: [u64be(trustee)],
      statement: [G, publicShare, c.alpha, c.beta, factor],
    },
  };
}

export function partialDecrypt(
  fingerprint: Uint8Array,
  trustee: number,
  secretShare: bigint,
  c: Ciphertext,
  publicShare: Point = G.multiply(secretShare),
): DecryptionShare {
  const x = mod(secretShare);
  if (x === 0n) fail('SCALAR_RANGE', 'secretShare', 'secret share must not be zero');
  const factor = c.alpha.is0() ? IDENTITY : c.alpha.multiply(x);
  const { ctx, st, binding } = decryptionStatement(fingerprint, trustee, publicShare, c, factor);
  return { trustee, factor, proof: proveDleqBound(ctx, st, x, binding) };
}

/** One factor per ciphertext (the tally has one ciphertext per option). */
export function partialDecryptMany(
  fingerprint: Uint8Array,
  trustee: number,
  secretShare: bigint,
  cs: readonly Ciphertext[],
): DecryptionShare[] {
  const X = G.multiply(mod(secretShare));
  return cs.map((c) => partialDecrypt(fingerprint, trustee, secretShare, c, X));
}

export function decryptionEquations(
  fingerprint: Uint8Array,
  publicShare: Point,
  c: Ciphertext,
  share: DecryptionShare,
): Equation[] {
  const { ctx, st, binding } = decryptionStatement(fingerprint, share.trustee, publicShare, c, share.factor);
  return dleqEquationsBound(ctx, st, share.proof, binding);
}

/** `publicShare` is X_j from §6.6 for j = share.trustee; the caller looks it up. */
export function verifyDecryptionShare(
  fingerprint: Uint8Array,
  publicShare: Point,
  c: Ciphertext,
  share: DecryptionShare,
): boolean {
  if (publicShare.is0()) return false;
  return checkEquations(decryptionEquations(fingerprint, publicShare, c, share));
}

/** All of one trustee's factors at once (SPEC §5.6 batching); false if any fails or counts differ. */
export function verifyDecryptionSharesBatch(
  fingerprint: Uint8Array,
  trustee: number,
  publicShare: Point,
  cs: readonly Ciphertext[],
  shares: readonly DecryptionShare[],
): boolean {
  if (publicShare.is0() || cs.length !== shares.length) return false;
  if (shares.some((s) => s.trustee !== trustee)) return false;
  return checkEquationsBatch(
    cs.flatMap((c, k) => decryptionEquations(fingerprint, publicShare, c, shares[k]!)),
  );
}

/** λ_j = Π_{m∈S, m≠j} m / (m − j) mod ℓ: the Lagrange coefficient at 0 (SPEC §6.8). */
export function lagrangeCoefficient(j: number, indices: readonly number[]): bigint {
  let num = 1n;
  let den = 1n;
  for (const m of indices) {
    if (m === j) continue;
    num = mod(num * BigInt(m));
    den = mod(den * BigInt(m - j));
  }
  return mod(num * invert(den));
}

function checkSet(params: ThresholdParams, trustees: readonly number[], field: string): void {
  const { t, n } = checkParams(params.t, params.n);
  const seen = new Set<number>();
  trustees.forEach((j, k) => {
    checkIndex(j, `${field}[${k}].trustee`, n);
    if (seen.has(j)) fail('BAD_PARAMS', `${field}[${k}].trustee`, `trustee ${j} appears twice`);
    seen.add(j);
  });
  if (seen.size < t) fail('BAD_PARAMS', field, `${seen.size} decryption shares, need at least t = ${t}`);
}

/**
 * M = B − Σ_{j∈S} λ_j·D_j (SPEC §6.8) from at least t distinct, already verified factors.
 * With honest factors any such S gives the same M = m·G.
 */
export function combineDecryptionShares(
  params: ThresholdParams,
  c: Ciphertext,
  shares: readonly Pick<DecryptionShare, 'trustee' | 'factor'>[],
): Point {
  const S = shares.map((s) => s.trustee);
  checkSet(params, S, 'shares');
  let acc = c.beta;
  for (const s of shares) acc = acc.subtract(s.factor.multiplyUnsafe(lagrangeCoefficient(s.trustee, S)));
  return acc;
}

/**
 * Per-option combination for a tally: `byTrustee[k]` holds one trustee's factors for every
 * ciphertext, in order. Returns M for each ciphertext.
 */
export function combineMany(
  params: ThresholdParams,
  cs: readonly Ciphertext[],
  byTrustee: readonly (readonly Pick<DecryptionShare, 'trustee' | 'factor'>[])[],
): Point[] {
  byTrustee.forEach((row, k) => {
    if (row.length !== cs.length)
      fail('BAD_LENGTH', `byTrustee[${k}]`, `expected ${cs.length} factors, got ${row.length}`);
    if (row.some((s) => s.trustee !== row[0]?.trustee))
      fail('BAD_PARAMS', `byTrustee[${k}]`, 'factors of different trustees in one row');
  });
  return cs.map((c, o) =>
    combineDecryptionShares(
      params,
      c,
      byTrustee.map((row) => row[o]!),
    ),
  );
}

export function encodeDecryptionShare(s: DecryptionShare): DecryptionShareJson {
  return { trustee: s.trustee, factor: encodePoint(s.factor), proof: encodeDleq(s.proof) };
}

/** The factor may be the identity (it is exactly when A is); the proof decides the rest. */
export function decodeDecryptionShare(json: unknown, field: string, n?: number): DecryptionShare {
  const o = asObject(json, field);
  exactKeys(o, ['trustee', 'factor', 'proof'], field);
  return {
    trustee: checkIndex(o.trustee, `${field}.trustee`, n ?? MAX_TRUSTEES),
    factor: decodePoint(o.factor, `${field}.factor`, { allowIdentity: true }),
    proof: decodeDleq(o.proof, `${field}.proof`),
  };
}
