/**
 * Pedersen DKG with Feldman commitments (SPEC §6.2, §6.4, §6.6).
 * Dealer i picks f_i(x) = a_{i,0} + a_{i,1}x + … + a_{i,t−1}x^{t−1}, publishes C_{i,k} = a_{i,k}·G
 * with a Schnorr proof of knowledge each, and gives trustee j the share f_i(j) (encrypted, §6.3).
 * Every public value here (joint key, public shares) is computable by anyone from the commitments.
 */
import { concatBytes, utf8ToBytes } from '../bytes.ts';
import { fail } from '../errors.ts';
import { G, IDENTITY, ORDER, decodePoint, encodePoint, mod, randomScalar, type Point } from '../group.ts';
import { asArray, asObject, exactKeys } from '../proofs/codec.ts';
import { proofContext, u64be, type ProofContext } from '../proofs/context.ts';
import { checkEquations, type Equation } from '../proofs/equation.ts';
import {
  decodeSchnorr,
  encodeSchnorr,
  proveSchnorr,
  schnorrEquations,
  type SchnorrProof,
} from '../proofs/schnorr.ts';
import { checkIndex, checkParams, type ThresholdParams } from './params.ts';

export interface CoefficientCommitment {
  /** C_{i,k} = a_{i,k}·G, never the identity. */
  point: Point;
  /** Schnorr proof of knowledge of a_{i,k} (SPEC §6.2). */
  proof: SchnorrProof;
}

/** What dealer i publishes: t commitments, k = 0..t−1. */
export interface DealerCommitments {
  dealer: number;
  coefficients: CoefficientCommitment[];
}

export interface DealerCommitmentsJson {
  dealer: number;
  coefficients: { point: string; proof: { commitment: string; response: string } }[];
}

/** Dealer i's secret polynomial and its public commitments. */
export interface Dealing {
  dealer: number;
  /** a_{i,0}, …, a_{i,t−1}: secret, erase after the DKG. */
  polynomial: bigint[];
  commitments: DealerCommitments;
}

const COMMITMENT_LABEL = utf8ToBytes('dkg-commitment');

/** Schnorr context for C_{i,k} (SPEC §6.2): "dkg-commitment" ‖ u64be(i) ‖ u64be(k), 30 bytes. */
export function commitmentContext(fingerprint: Uint8Array, dealer: number, k: number): ProofContext {
  return proofContext(fingerprint, concatBytes(COMMITMENT_LABEL, u64be(dealer), u64be(k)));
}

/** f(x) mod ℓ by Horner's rule. */
export function evaluatePolynomial(coefficients: readonly bigint[], x: number | bigint): bigint {
  const X = BigInt(x);
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = mod(acc * X + coefficients[k]!);
  return acc;
}

/** Random polynomial of degree t−1 (non-zero coefficients) and its commitments with proofs (SPEC §6.2). */
export function createDealing(fingerprint: Uint8Array, params: ThresholdParams, dealer: number): Dealing {
  const { t, n } = checkParams(params.t, params.n);
  checkIndex(dealer, 'dealer', n);
  const polynomial = Array.from({ length: t }, () => randomScalar());
  const coefficients = polynomial.map((a, k) => {
    const point = G.multiply(a);
    return { point, proof: proveSchnorr(commitmentContext(fingerprint, dealer, k), a, point) };
  });
  return { dealer, polynomial, commitments: { dealer, coefficients } };
}

/** The share dealer i gives trustee j: f_i(j) (SPEC §6.2). */
export function shareFor(dealing: Dealing, recipient: number): bigint {
  checkIndex(recipient, 'recipient');
  return evaluatePolynomial(dealing.polynomial, recipient);
}

/** Schnorr equations of all t proofs, for batch verification (SPEC §5.6). */
export function commitmentEquations(fingerprint: Uint8Array, c: DealerCommitments): Equation[] {
  return c.coefficients.flatMap((cc, k) =>
    schnorrEquations(commitmentContext(fingerprint, c.dealer, k), cc.point, cc.proof),
  );
}

/** Structure (dealer in 1..n, exactly t non-identity commitments) and every proof (SPEC §6.2). */
export function verifyCommitments(
  fingerprint: Uint8Array,
  params: ThresholdParams,
  c: DealerCommitments,
): boolean {
  const { t, n } = checkParams(params.t, params.n);
  if (!Number.isInteger(c.dealer) || c.dealer < 1 || c.dealer > n) return false;
  if (c.coefficients.length !== t) return false;
  if (c.coefficients.some((cc) => cc.point.is0())) return false;
  return checkEquations(commitmentEquations(fingerprint, c));
}

/** Σ_k C_k·j^k = f(j)·G, by Horner's rule on points (SPEC §6.4). Public data: variable time. */
export function feldmanPoint(points: readonly Point[], j: number): Point {
  const J = BigInt(checkIndex(j, 'recipient'));
  let acc = IDENTITY;
  for (let k = points.length - 1; k >= 0; k--) acc = acc.multiplyUnsafe(J).add(points[k]!);
  return acc;
}

/** Feldman check (SPEC §6.4): s·G = Σ_k C_{i,k}·j^k. */
export function verifyShare(commitments: DealerCommitments, recipient: number, share: bigint): boolean {
  if (share < 0n || share >= ORDER) return false;
  const expected = feldmanPoint(
    commitments.coefficients.map((c) => c.point),
    recipient,
  );
  return (share === 0n ? IDENTITY : G.multiply(share)).equals(expected);
}

/**
 * QUAL (SPEC §6.6): dealers whose commitments verified and who were not disqualified, sorted.
 * Fewer than t qualified dealers aborts the DKG.
 */
export function qualifiedSet(
  params: ThresholdParams,
  published: Iterable<number>,
  disqualified: Iterable<number>,
): number[] {
  const { t, n } = checkParams(params.t, params.n);
  const out = new Set<number>();
  for (const i of published) out.add(checkIndex(i, 'published', n));
  for (const i of disqualified) out.delete(checkIndex(i, 'disqualified', n));
  if (out.size < t) fail('BAD_PARAMS', 'qual', `only ${out.size} qualified dealers, need at least t = ${t}`);
  return [...out].sort((a, b) => a - b);
}

/** Ĉ_k = Σ_{i∈QUAL} C_{i,k}: commitments to the joint polynomial F = Σ f_i. */
function jointCoefficients(qual: readonly DealerCommitments[]): Point[] {
  if (qual.length === 0) fail('BAD_PARAMS', 'qual', 'no qualified dealers');
  const seen = new Set<number>();
  const t = qual[0]!.coefficients.length;
  const acc: Point[] = Array.from({ length: t }, () => IDENTITY);
  qual.forEach((c, idx) => {
    if (seen.has(c.dealer)) fail('BAD_PARAMS', `qual[${idx}].dealer`, `dealer ${c.dealer} appears twice`);
    seen.add(c.dealer);
    if (c.coefficients.length !== t)
      fail(
        'BAD_LENGTH',
        `qual[${idx}].coefficients`,
        `expected ${t} commitments, got ${c.coefficients.length}`,
      );
    c.coefficients.forEach((cc, k) => (acc[k] = acc[k]!.add(cc.point)));
  });
  return acc;
}

/** K = Σ_{i∈QUAL} C_{i,0} (SPEC §6.6); the identity is refused. */
export function jointPublicKey(qual: readonly DealerCommitments[]): Point {
  const K = jointCoefficients(qual)[0]!;
  if (K.is0()) fail('IDENTITY', 'jointPublicKey', 'the joint public key is the identity');
  return K;
}

/** X_j = Σ_{i∈QUAL} Σ_k C_{i,k}·j^k = x_j·G (SPEC §6.6), for j = 1..n; index j−1 holds X_j. */
export function publicShares(qual: readonly DealerCommitments[], n: number): Point[] {
  const joint = jointCoefficients(qual);
  return Array.from({ length: n }, (_, idx) => {
    const X = feldmanPoint(joint, idx + 1);
    if (X.is0()) fail('IDENTITY', `publicShares[${idx}]`, 'a public share is the identity');
    return X;
  });
}

export function publicShare(qual: readonly DealerCommitments[], j: number): Point {
  const X = feldmanPoint(jointCoefficients(qual), j);
  if (X.is0()) fail('IDENTITY', 'publicShare', 'the public share is the identity');
  return X;
}

/**
 * x_j = Σ_{i∈QUAL} s_{i→j} (SPEC §6.6). `received` maps each dealer to the verified share it sent
 * (j's own f_j(j) included); every dealer of QUAL must be present.
 */
export function finalShare(qual: readonly number[], received: ReadonlyMap<number, bigint>): bigint {
  let x = 0n;
  for (const i of qual) {
    const s = received.get(i);
    if (s === undefined) fail('BAD_PARAMS', `received[${i}]`, `no share from qualified dealer ${i}`);
    x = mod(x + s);
  }
  if (x === 0n) fail('SCALAR_RANGE', 'finalShare', 'the final share is zero');
  return x;
}

export function encodeCommitments(c: DealerCommitments): DealerCommitmentsJson {
  return {
    dealer: c.dealer,
    coefficients: c.coefficients.map((cc) => ({
      point: encodePoint(cc.point),
      proof: encodeSchnorr(cc.proof),
    })),
  };
}

/** Strict decoding (SPEC §6.2): exact keys, t entries, canonical non-identity points, scalars < ℓ. */
export function decodeCommitments(json: unknown, field: string, params: ThresholdParams): DealerCommitments {
  const { t, n } = checkParams(params.t, params.n);
  const o = asObject(json, field);
  exactKeys(o, ['dealer', 'coefficients'], field);
  const dealer = checkIndex(o.dealer, `${field}.dealer`, n);
  const coefficients = asArray(o.coefficients, `${field}.coefficients`, t).map((e, k) => {
    const f = `${field}.coefficients[${k}]`;
    const eo = asObject(e, f);
    exactKeys(eo, ['point', 'proof'], f);
    return { point: decodePoint(eo.point, `${f}.point`), proof: decodeSchnorr(eo.proof, `${f}.proof`) };
  });
  return { dealer, coefficients };
}
