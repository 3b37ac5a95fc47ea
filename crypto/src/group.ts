/**
 * The ristretto255 group (SPEC §2): prime order ℓ, canonical 32-byte encodings.
 * Points come only from canonical bytes; scalars are 32-byte little-endian integers < ℓ.
 */
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { invert as invertMod } from '@noble/curves/abstract/modular.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { b64ToBytesStrict, bytesToB64, randomBytes } from './bytes.ts';
import { fail } from './errors.ts';

export const RistrettoPoint: typeof ristretto255.Point = ristretto255.Point;
export type Point = InstanceType<typeof ristretto255.Point>;

/** Group order ℓ = 2^252 + 27742317777372353535851937790883648493. */
export const ORDER: bigint = RistrettoPoint.Fn.ORDER;
/** The generator G (SPEC §2.1). */
export const G: Point = RistrettoPoint.BASE;
export const IDENTITY: Point = RistrettoPoint.ZERO;

export function mod(a: bigint): bigint {
  const r = a % ORDER;
  return r < 0n ? r + ORDER : r;
}

/** Little-endian bytes to an integer (any length; 64 bytes for wide reduction, SPEC §3.3). */
export const bytesToScalarLE = (b: Uint8Array): bigint => bytesToNumberLE(b);

/** Uniform scalar in [1, ℓ): 64 random bytes reduced mod ℓ (bias < 2^-250), zero rejected. */
export function randomScalar(): bigint {
  for (;;) {
    const s = mod(bytesToScalarLE(randomBytes(64)));
    if (s !== 0n) return s;
  }
}

export interface PointOptions {
  /** Accept the identity (only where SPEC allows it, e.g. an encrypted tally of no ballots). */
  allowIdentity?: boolean;
}

/** Decode a point from 32 canonical bytes (SPEC §2.1). */
export function decodePointBytes(bytes: Uint8Array, field: string, opts: PointOptions = {}): Point {
  if (bytes.length !== 32) fail('BAD_LENGTH', field, `expected 32 bytes, got ${bytes.length}`);
  let p: Point;
  try {
    p = RistrettoPoint.fromBytes(bytes);
  } catch {
    fail('NON_CANONICAL', field, 'not a canonical ristretto255 encoding');
  }
  if (!opts.allowIdentity && p.is0()) fail('IDENTITY', field, 'the identity point is not allowed here');
  encodings.set(p, bytes.slice());
  return p;
}

/** A point as JSON (SPEC §1.2, §2.1): 43 characters of base64url. */
export function decodePoint(text: unknown, field: string, opts: PointOptions = {}): Point {
  return decodePointBytes(b64ToBytesStrict(text, field, 32), field, opts);
}

/**
 * Encodings of points already seen. Points are immutable, and a ristretto encoding costs an
 * inversion and a square root, so the bytes a point was decoded from are kept for re-use in
 * challenge hashes (SPEC §5.1), where every statement point is hashed again.
 */
const encodings = new WeakMap<Point, Uint8Array>();

/** The cached 32-byte encoding. Callers must not mutate it. */
export function pointBytes(p: Point): Uint8Array {
  let b = encodings.get(p);
  if (b === undefined) {
    b = p.toBytes();
    encodings.set(p, b);
  }
  return b;
}

export function encodePointBytes(p: Point): Uint8Array {
  return pointBytes(p).slice();
}

export function encodePoint(p: Point): string {
  return bytesToB64(pointBytes(p));
}

/** A point's internal extended Edwards coordinates X, Y, Z, T: a decoded point handed to another thread. */
export type PointCoordinates = readonly [bigint, bigint, bigint, bigint];

export function pointCoordinates(p: Point): PointCoordinates {
  // `ep` is the Edwards representative noble's constructor takes; its type hides it, the object does not.
  const e = (p as unknown as { ep: InstanceType<typeof ed25519.Point> }).ep;
  return [e.X, e.Y, e.Z, e.T];
}

/**
 * The point with coordinates from pointCoordinates, checked to lie on the curve. Only for points
 * this program decoded itself in another thread (a worker's verdict): no sqrt, unlike decoding,
 * and never for input, which must be the canonical bytes of §2.1.
 */
export function pointFromCoordinates(c: PointCoordinates): Point {
  const ep = new ed25519.Point(c[0], c[1], c[2], c[3]);
  ep.assertValidity();
  return new RistrettoPoint(ep);
}

export interface ScalarOptions {
  /** Refuse zero (secret keys, Lagrange denominators). */
  nonZero?: boolean;
}

/** Decode a scalar: 32 bytes little-endian, value < ℓ (SPEC §2.2). */
export function decodeScalarBytes(bytes: Uint8Array, field: string, opts: ScalarOptions = {}): bigint {
  if (bytes.length !== 32) fail('BAD_LENGTH', field, `expected 32 bytes, got ${bytes.length}`);
  const s = bytesToScalarLE(bytes);
  if (s >= ORDER) fail('SCALAR_RANGE', field, 'scalar is not below the group order');
  if (opts.nonZero && s === 0n) fail('SCALAR_RANGE', field, 'scalar must not be zero');
  return s;
}

/** A scalar as JSON (SPEC §1.2, §2.2): 43 characters of base64url. */
export function decodeScalar(text: unknown, field: string, opts: ScalarOptions = {}): bigint {
  return decodeScalarBytes(b64ToBytesStrict(text, field, 32), field, opts);
}

export function encodeScalarBytes(s: bigint): Uint8Array {
  if (s < 0n || s >= ORDER) throw new RangeError('scalar out of range');
  return numberToBytesLE(s, 32);
}

export function encodeScalar(s: bigint): string {
  return bytesToB64(encodeScalarBytes(s));
}

/** Modular inverse mod ℓ (public values only: Lagrange coefficients). */
export function invert(a: bigint): bigint {
  const x = mod(a);
  if (x === 0n) throw new RangeError('no inverse of zero');
  return invertMod(x, ORDER);
}

/** m·G for a small non-negative integer m (a vote count). */
export function smallMultiple(m: number | bigint): Point {
  const k = BigInt(m);
  return k === 0n ? IDENTITY : G.multiply(mod(k));
}
