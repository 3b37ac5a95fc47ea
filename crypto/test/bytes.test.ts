import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CryptoError } from '../src/errors.ts';
import { b64Length, b64ToBytesStrict, bytesToB64, hexToBytesStrict, randomBytes } from '../src/bytes.ts';

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

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const fieldOf = (f: () => unknown): [string, string] | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof CryptoError) return [e.code, e.field];
    throw e;
  }
};

describe('strict base64url (SPEC §1.2)', () => {
  it('writes and reads exactly what Node writes as base64url, at exact lengths', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        const text = bytesToB64(b);
        expect(text).toBe(Buffer.from(b).toString('base64url'));
        expect(text).toHaveLength(b64Length(b.length));
        expect(b64ToBytesStrict(text, 'f', b.length)).toEqual(b);
      }),
      { numRuns: 300 },
    );
    expect([24, 32, 48, 64].map(b64Length)).toEqual([32, 43, 64, 86]);
  });

  it('refuses padding, the standard alphabet and whitespace as BAD_BASE64, naming the field', () => {
    for (const n of [24, 32, 48, 64]) {
      const b = randomBytes(n);
      const std = Buffer.from(b).toString('base64'); // with '=' where n is not a multiple of 3
      if (n % 3 !== 0)
        expect(fieldOf(() => b64ToBytesStrict(std, 'x.key', n))).toEqual(['BAD_BASE64', 'x.key']);
      const text = bytesToB64(b);
      for (const c of ['=', '+', '/', ' ', '\t', '\n', '\r', '.', '\u00e9', '\uff21']) {
        // In place of a character (the length stays right), and added at either end.
        expect(fieldOf(() => b64ToBytesStrict(c + text.slice(1), 'x.key', n))).toEqual([
          'BAD_BASE64',
          'x.key',
        ]);
        expect(fieldOf(() => b64ToBytesStrict(text + c, 'x.key', n))).toEqual(['BAD_BASE64', 'x.key']);
        expect(fieldOf(() => b64ToBytesStrict(c + text, 'x.key', n))).toEqual(['BAD_BASE64', 'x.key']);
      }
    }
    // Any one character outside the alphabet, anywhere.
    const notB64 = fc
      .integer({ min: 0, max: 0xffff })
      .map((u) => String.fromCharCode(u))
      .filter((c) => !B64URL.includes(c));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), notB64, (b, at, c) => {
        const text = bytesToB64(b);
        const i = at % text.length;
        const bad = text.slice(0, i) + c + text.slice(i + 1);
        expect(fieldOf(() => b64ToBytesStrict(bad, 'f', b.length))).toEqual(['BAD_BASE64', 'f']);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a last character with non-zero unused bits: one spelling per byte string', () => {
    for (const n of [1, 2, 31, 32, 64]) {
      const b = randomBytes(n);
      const text = bytesToB64(b);
      const unused = (6 * text.length) % 8 === 0 ? 0 : 6 - ((8 * n) % 6);
      expect(unused).toBeGreaterThan(0);
      const last = B64URL.indexOf(text.at(-1)!);
      expect(last % (1 << unused)).toBe(0);
      for (let bits = 1; bits < 1 << unused; bits++) {
        const other = text.slice(0, -1) + B64URL[last | bits];
        // A lax decoder reads the same bytes from it.
        expect(new Uint8Array(Buffer.from(other, 'base64url'))).toEqual(b);
        expect(fieldOf(() => b64ToBytesStrict(other, 'sig', n))).toEqual(['BAD_BASE64', 'sig']);
      }
    }
  });

  it('refuses a wrong length as BAD_LENGTH and a non-string as BAD_TYPE', () => {
    const text = bytesToB64(randomBytes(32));
    expect(fieldOf(() => b64ToBytesStrict(text.slice(1), 'k', 32))).toEqual(['BAD_LENGTH', 'k']);
    expect(fieldOf(() => b64ToBytesStrict(`${text}A`, 'k', 32))).toEqual(['BAD_LENGTH', 'k']);
    expect(fieldOf(() => b64ToBytesStrict('', 'k', 32))).toEqual(['BAD_LENGTH', 'k']);
    expect(fieldOf(() => b64ToBytesStrict(text, 'k', 64))).toEqual(['BAD_LENGTH', 'k']);
    // The hex of 32 bytes (the encoding before base64url) is only the wrong length.
    expect(fieldOf(() => b64ToBytesStrict('ab'.repeat(32), 'k', 32))).toEqual(['BAD_LENGTH', 'k']);
    for (const v of [42, null, undefined, ['x'], { text }])
      expect(fieldOf(() => b64ToBytesStrict(v, 'k', 32))).toEqual(['BAD_TYPE', 'k']);
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
