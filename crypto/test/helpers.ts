/** Shared fixtures for crypto tests. */
import { G, ORDER, randomScalar, encodeScalar, type Point } from '../src/group.ts';
import { proofContext, type ProofContext } from '../src/proofs/context.ts';
import { b64ToBytesStrict, bytesToB64, bytesToHex, hexToBytesStrict, randomBytes } from '../src/bytes.ts';
import { numberToBytesLE } from '@noble/curves/utils.js';
import { CryptoError } from '../src/errors.ts';

export function keyPair(): { x: bigint; K: Point } {
  const x = randomScalar();
  return { x, K: G.multiply(x) };
}

export function ctxFor(fingerprint = randomBytes(32), context = randomBytes(32)): ProofContext {
  return proofContext(fingerprint, context);
}

/** Hex (a test vector's bytes) to base64url, the JSON form of non-digest bytes (SPEC §1.2). */
export const hexToB64 = (hex: string): string => bytesToB64(hexToBytesStrict(hex, 'hex'));
/** base64url of any length back to hex. */
export const b64ToHex = (text: string): string =>
  bytesToHex(b64ToBytesStrict(text, 'text', Math.floor((text.length * 3) / 4)));

/** A point encoding that is not canonical: the field element p − 1 + 1 = p (≥ p). */
export const NON_CANONICAL_POINT_HEX = 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
export const NON_CANONICAL_POINT = hexToB64(NON_CANONICAL_POINT_HEX);
/** A negative field element (odd): canonical decoders must refuse it. */
export const NEGATIVE_POINT = hexToB64('0100000000000000000000000000000000000000000000000000000000000000');
/** The identity's encoding, 32 zero bytes, in base64url. */
export const IDENTITY_POINT = hexToB64('0'.repeat(64));
/** ℓ itself, little-endian: the smallest scalar out of range. */
export const SCALAR_L_BYTES = numberToBytesLE(ORDER, 32);
export const SCALAR_L = bytesToB64(SCALAR_L_BYTES);

export { encodeScalar };

/** Flip one hex character (keeps it hex): the smallest corruption of a digest. */
export function flipHex(s: string, at = 0): string {
  const c = s[at]!;
  const r = c === '0' ? '1' : '0';
  return s.slice(0, at) + r + s.slice(at + 1);
}

/** Flip the low bit of byte `at` of a base64url value: still canonical base64url, other bytes. */
export function flipByte(text: string, at = 0): string {
  const b = b64ToBytesStrict(text, 'text', Math.floor((text.length * 3) / 4));
  b[at]! ^= 1;
  return bytesToB64(b);
}

/**
 * The same bytes with a non-zero unused low bit in the last character: decodes to the same bytes
 * under a lax decoder, so a second spelling that §1.2 refuses as BAD_BASE64.
 */
export function withUnusedBits(text: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = A.indexOf(text.at(-1)!);
  if (last < 0 || (text.length * 6) % 8 === 0) throw new RangeError('no unused bits to set');
  return text.slice(0, -1) + A[last | 1];
}

/** Set bit 255 of an encoding (base64url): never canonical, as every encoding is of a field element < 2^255. */
export function withHighBit(text: string): string {
  const b = b64ToBytesStrict(text, 'text', 32);
  b[31]! |= 0x80;
  return bytesToB64(b);
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
