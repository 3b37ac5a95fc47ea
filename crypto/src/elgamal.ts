/**
 * Exponential ElGamal under the joint key K (SPEC §4): Enc(m; r) = (α, β) = (r·G, m·G + r·K).
 * Additively homomorphic; the tally is the component-wise sum of ballot ciphertexts.
 */
import { fail } from './errors.ts';
import {
  G,
  IDENTITY,
  decodePoint,
  encodePoint,
  mod,
  randomScalar,
  smallMultiple,
  type Point,
  type PointOptions,
} from './group.ts';

export interface Ciphertext {
  alpha: Point;
  beta: Point;
}

export interface CiphertextJson {
  alpha: string;
  beta: string;
}

export interface Encryption {
  ciphertext: Ciphertext;
  /** The randomness r: secret, kept only for proofs and Benaloh audits. */
  nonce: bigint;
}

export function encrypt(
  publicKey: Point,
  message: number | bigint,
  nonce: bigint = randomScalar(),
): Encryption {
  const r = mod(nonce);
  if (r === 0n) fail('SCALAR_RANGE', 'nonce', 'encryption randomness must not be zero');
  return {
    ciphertext: { alpha: G.multiply(r), beta: smallMultiple(message).add(publicKey.multiply(r)) },
    nonce: r,
  };
}

export const ZERO_CIPHERTEXT: Ciphertext = { alpha: IDENTITY, beta: IDENTITY };

export function add(a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: a.alpha.add(b.alpha), beta: a.beta.add(b.beta) };
}

export function sum(cs: readonly Ciphertext[]): Ciphertext {
  return cs.reduce(add, ZERO_CIPHERTEXT);
}

/** Re-randomise: add an encryption of zero with fresh randomness. */
export function rerandomise(publicKey: Point, c: Ciphertext, nonce: bigint = randomScalar()): Ciphertext {
  return add(c, encrypt(publicKey, 0, nonce).ciphertext);
}

export function ciphertextEquals(a: Ciphertext, b: Ciphertext): boolean {
  return a.alpha.equals(b.alpha) && a.beta.equals(b.beta);
}

/** m·G = β − x·α with the full secret key (tests; the election uses threshold decryption, §6.7). */
export function decryptToPoint(secretKey: bigint, c: Ciphertext): Point {
  const x = mod(secretKey);
  if (x === 0n) fail('SCALAR_RANGE', 'secretKey', 'secret key must not be zero');
  return c.beta.subtract(c.alpha.multiply(x));
}

export function encodeCiphertext(c: Ciphertext): CiphertextJson {
  return { alpha: encodePoint(c.alpha), beta: encodePoint(c.beta) };
}

/** Ballot ciphertexts refuse the identity in either component (SPEC §4.1); tallies may allow it. */
export function decodeCiphertext(json: unknown, field: string, opts: PointOptions = {}): Ciphertext {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    fail('BAD_TYPE', field, 'expected a ciphertext object');
  const o = json as Record<string, unknown>;
  return {
    alpha: decodePoint(o.alpha, `${field}.alpha`, opts),
    beta: decodePoint(o.beta, `${field}.beta`, opts),
  };
}
