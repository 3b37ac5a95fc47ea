/**
 * Byte helpers with strict decoding (SPEC §1.2), exact lengths: digests in lowercase hex, every
 * other byte string (points, scalars, keys, signatures) in base64url without padding.
 */
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { fail } from './errors.ts';

export { bytesToHex, concatBytes, utf8ToBytes };

/** The characters base64url needs for n bytes, without padding (SPEC §1.2). */
export function b64Length(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/** base64url without padding (RFC 4648 §5): the one encoding SPEC §1.2 gives a non-digest byte string. */
export function bytesToB64(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

const B64URL_CHARS = /^[A-Za-z0-9_-]*$/;

/**
 * Decode base64url of exactly `length` bytes: no padding, no `+` `/` or whitespace, and the unused
 * low bits of the last character zero, so each byte string has exactly one encoding (SPEC §1.2).
 */
export function b64ToBytesStrict(value: unknown, field: string, length: number): Uint8Array {
  if (typeof value !== 'string') fail('BAD_TYPE', field, 'expected a base64url string');
  // Padding, `+` `/` and whitespace are refused as not base64url whatever the length.
  if (!B64URL_CHARS.test(value)) fail('BAD_BASE64', field, 'expected base64url without padding');
  if (value.length !== b64Length(length))
    fail(
      'BAD_LENGTH',
      field,
      `expected ${length} bytes (${b64Length(length)} base64url characters), got ${value.length}`,
    );
  let out: Uint8Array;
  try {
    out = base64urlnopad.decode(value);
  } catch {
    fail('BAD_BASE64', field, 'expected canonical base64url without padding');
  }
  // The decoder already refuses non-zero unused bits; the length check above makes this one moot,
  // kept so no future decoder can hand back a different length unnoticed.
  if (out.length !== length) fail('BAD_LENGTH', field, `expected ${length} bytes`);
  return out;
}

/** The value of each lowercase hex digit by character code; -1 for every other character. */
const HEX_DIGIT = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) t['0123456789abcdef'.charCodeAt(i)] = i;
  return t;
})();

/** Decode lowercase hex of exactly `length` bytes (any length when omitted). */
export function hexToBytesStrict(value: unknown, field: string, length?: number): Uint8Array {
  if (typeof value !== 'string') fail('BAD_TYPE', field, 'expected a hex string');
  if (length !== undefined && value.length !== 2 * length)
    fail('BAD_LENGTH', field, `expected ${length} bytes (${2 * length} hex characters), got ${value.length}`);
  if (value.length % 2 !== 0) fail('BAD_HEX', field, 'expected lowercase hexadecimal');
  // A table lookup per character: every ballot has some seventy hex fields, and slicing each byte
  // out for parseInt cost more than the check itself.
  const out = new Uint8Array(value.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = HEX_DIGIT[value.charCodeAt(2 * i)] ?? -1;
    const lo = HEX_DIGIT[value.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) fail('BAD_HEX', field, 'expected lowercase hexadecimal');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Big-endian 32-bit length prefix used by every tagged hash (SPEC §3.2). */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError('u32 out of range');
  return new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** Constant-time comparison for equal-length byte strings. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** getRandomValues fills at most 65,536 bytes per call (Web Crypto). */
const RANDOM_CHUNK = 65536;

/** Cryptographically secure random bytes from the platform (`crypto.getRandomValues`). */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += RANDOM_CHUNK)
    globalThis.crypto.getRandomValues(out.subarray(i, Math.min(length, i + RANDOM_CHUNK)));
  return out;
}
