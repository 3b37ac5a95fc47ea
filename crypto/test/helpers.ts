/** Shared fixtures for crypto tests. */
import { G, ORDER, randomScalar, encodeScalar, type Point } from '../src/group.ts';
import { proofContext, type ProofContext } from '../src/proofs/context.ts';
import { bytesToHex, randomBytes } from '../src/bytes.ts';
import { numberToBytesLE } from '@noble/curves/utils.js';
import { CryptoError } from '../src/errors.ts';

export function keyPair(): { x: bigint; K: Point } {
  const x = randomScalar();
  return { x, K: G.multiply(x) };
}

export function ctxFor(fingerprint = randomBytes(32), context = randomBytes(32)): ProofContext {
  return proofContext(fingerprint, context);
}

/** A hex point encoding that is not canonical: the field element p − 1 + 1 = p (≥ p). */
export const NON_CANONICAL_POINT = 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
/** A negative field element (odd): canonical decoders must refuse it. */
export const NEGATIVE_POINT = '0100000000000000000000000000000000000000000000000000000000000000';
export const IDENTITY_HEX = '0'.repeat(64);
/** ℓ itself, little-endian: the smallest scalar out of range. */
export const SCALAR_L_BYTES = numberToBytesLE(ORDER, 32);
export const SCALAR_L = bytesToHex(SCALAR_L_BYTES);

export { encodeScalar };

/** Flip one hex character (keeps it hex): the smallest corruption of an encoding. */
export function flipHex(s: string, at = 0): string {
  const c = s[at]!;
  const r = c === '0' ? '1' : '0';
  return s.slice(0, at) + r + s.slice(at + 1);
}

/** Set bit 255 of an encoding: never canonical, as every encoding is of a field element < 2^255. */
export function withHighBit(hex: string): string {
  const last = parseInt(hex.slice(62, 64), 16) | 0x80;
  return hex.slice(0, 62) + last.toString(16);
}

/** The CryptoError `f` throws; fails the test when it throws nothing or something else. */
export function errorOf(f: () => unknown): CryptoError {
  try {
    f();
  } catch (e) {
    if (e instanceof CryptoError) return e;
    throw e;
  }
  throw new Error('expected a CryptoError, nothing was thrown');
}

/** [code, field] of the CryptoError `f` throws, or undefined when it throws nothing. */
export function codeOf(f: () => unknown): [string, string] | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CryptoError) return [e.code, e.field];
    throw e;
  }
  return undefined;
}
