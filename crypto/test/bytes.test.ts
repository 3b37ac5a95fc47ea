import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CryptoError } from '../src/errors.ts';
import { hexToBytesStrict, randomBytes } from '../src/bytes.ts';

/** SPEC §1.2 by its definition: pairs of lowercase hex digits, nothing else. */
const reference = (s: string): number[] | null =>
  /^(?:[0-9a-f]{2})*$/.test(s)
    ? Array.from({ length: s.length / 2 }, (_, i) => parseInt(s.slice(2 * i, 2 * i + 2), 16))
    : null;

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof CryptoError) return e.code;
    throw e;
  }
};

describe('strict hex (SPEC §1.2)', () => {
  it('accepts exactly lowercase hex pairs, and decodes them', () => {
    const chars = fc.constantFrom(...'0123456789abcdefABCDEFgxz -\u0660\uff10\u00e9'.split(''), '0x');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 12 }).map((a) => a.join('')),
        (s) => {
          const want = reference(s);
          if (want === null) expect(codeOf(() => hexToBytesStrict(s, 'f'))).toBe('BAD_HEX');
          else expect(Array.from(hexToBytesStrict(s, 'f'))).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        expect(hexToBytesStrict(hex, 'f', b.length)).toEqual(b);
      }),
    );
  });

  it('refuses valid hex with any one character replaced by one that is not a lowercase hex digit', () => {
    // One UTF-16 code unit, so that the length stays right.
    const notHex = fc
      .integer({ min: 0, max: 0xffff })
      .map((u) => String.fromCharCode(u))
      .filter((c) => !/[0-9a-f]/.test(c));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), notHex, (b, at, c) => {
        const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        const i = at % hex.length;
        const bad = hex.slice(0, i) + c + hex.slice(i + 1);
        expect(codeOf(() => hexToBytesStrict(bad, 'f', b.length))).toBe('BAD_HEX');
      }),
      { numRuns: 1000 },
    );
    // Upper case, other letters, signs, and digits of other scripts (Arabic-Indic, full-width).
    for (const c of ['A', 'F', 'G', 'g', 'x', ' ', '-', '\u0660', '\uff10']) {
      expect(codeOf(() => hexToBytesStrict(`0${c}`, 'f'))).toBe('BAD_HEX');
      expect(codeOf(() => hexToBytesStrict(`${c}0`, 'f'))).toBe('BAD_HEX');
    }
  });

  it('checks the type and the length first', () => {
    expect(codeOf(() => hexToBytesStrict(12, 'f'))).toBe('BAD_TYPE');
    expect(codeOf(() => hexToBytesStrict('abc', 'f', 2))).toBe('BAD_LENGTH');
    expect(codeOf(() => hexToBytesStrict('ABCD', 'f', 2))).toBe('BAD_HEX');
    expect(codeOf(() => hexToBytesStrict('abc', 'f'))).toBe('BAD_HEX');
    expect(codeOf(() => hexToBytesStrict('', 'f'))).toBe(null);
  });
});

describe('randomBytes', () => {
  it('fills more than the 65,536 bytes one getRandomValues call allows', () => {
    const b = randomBytes(200_000);
    expect(b.length).toBe(200_000);
    // Every 65,536-byte chunk was filled: none is left all zero.
    for (let i = 0; i < b.length; i += 65536)
      expect(b.subarray(i, i + 65536).some((x) => x !== 0)).toBe(true);
  });
});
