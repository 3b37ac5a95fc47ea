/** Byte helpers with strict decoding (SPEC §1.2): lowercase hex only, exact lengths. */
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { fail } from './errors.ts';

export { bytesToHex, concatBytes, utf8ToBytes };

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Decode lowercase hex of exactly `length` bytes (any length when omitted). */
export function hexToBytesStrict(value: unknown, field: string, length?: number): Uint8Array {
  if (typeof value !== 'string') fail('BAD_TYPE', field, 'expected a hex string');
  if (length !== undefined && value.length !== 2 * length)
    fail('BAD_LENGTH', field, `expected ${length} bytes (${2 * length} hex characters), got ${value.length}`);
  if (!HEX.test(value)) fail('BAD_HEX', field, 'expected lowercase hexadecimal');
  const out = new Uint8Array(value.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(value.slice(2 * i, 2 * i + 2), 16);
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
