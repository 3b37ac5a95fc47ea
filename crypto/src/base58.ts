/**
 * Bitcoin Base58 digits for fixed-length numbers (SPEC §7.1). Not the Bitcoin string codec:
 * no leading-zero rule, a string of exactly `length` digits is a big-endian base-58 integer.
 * The alphabet leaves out 0, O, I and l, which people confuse when copying a code by hand.
 */
import { fail } from './errors.ts';

export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const DIGIT_OF = new Map<string, number>([...BASE58_ALPHABET].map((c, i) => [c, i]));

/** Value 0..57 of a Base58 character, or -1 if it is not one (case-sensitive). */
export function base58Digit(char: string): number {
  return DIGIT_OF.get(char) ?? -1;
}

/** `n` as exactly `length` Base58 digits, most significant first. */
export function encodeBase58Fixed(n: bigint, length: number): string {
  if (!Number.isInteger(length) || length < 1) fail('BAD_PARAMS', 'length', 'expected a positive integer');
  if (n < 0n || n >= 58n ** BigInt(length))
    fail('BAD_PARAMS', 'n', `does not fit in ${length} Base58 digits`);
  let out = '';
  let v = n;
  for (let i = 0; i < length; i++) {
    out = BASE58_ALPHABET[Number(v % 58n)]! + out;
    v /= 58n;
  }
  return out;
}

/**
 * Read Base58 digits as a big-endian integer. A character outside the alphabet fails with
 * BAD_TYPE naming its 0-based index, `field[i]`.
 */
export function decodeBase58Fixed(text: string, field: string): bigint {
  let n = 0n;
  for (let i = 0; i < text.length; i++) {
    const d = base58Digit(text[i]!);
    if (d < 0) fail('BAD_TYPE', `${field}[${i}]`, `${describeChar(text[i]!)} is not a Base58 character`);
    n = n * 58n + BigInt(d);
  }
  return n;
}

/** Name a refused character so that a voter can find it (0, O, I, l get a hint). */
export function describeChar(c: string): string {
  const code = c.codePointAt(0)!;
  const shown =
    code >= 0x21 && code <= 0x7e ? `'${c}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return '0OIl'.includes(c) ? `${shown} (0, O, I and l are never used)` : shown;
}
