import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CryptoError } from '../src/errors.ts';
import {
  G,
  ORDER,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  mod,
  pointCoordinates,
  pointFromCoordinates,
  randomScalar,
} from '../src/group.ts';
import { IDENTITY_HEX, NEGATIVE_POINT, NON_CANONICAL_POINT, SCALAR_L } from './helpers.ts';
import { codeOf } from './helpers.ts';

describe('group encodings (SPEC §2)', () => {
  it('round-trips points and scalars', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: ORDER - 1n }), (k) => {
        const p = G.multiply(k);
        expect(decodePoint(encodePoint(p), 'p').equals(p)).toBe(true);
        expect(decodeScalar(encodeScalar(k), 's')).toBe(k);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses non-canonical, negative, identity and malformed points, naming the field', () => {
    expect(codeOf(() => decodePoint(NON_CANONICAL_POINT, 'key'))).toEqual(['NON_CANONICAL', 'key']);
    expect(codeOf(() => decodePoint(NEGATIVE_POINT, 'key'))).toEqual(['NON_CANONICAL', 'key']);
    expect(codeOf(() => decodePoint(IDENTITY_HEX, 'alpha'))).toEqual(['IDENTITY', 'alpha']);
    expect(decodePoint(IDENTITY_HEX, 'tally', { allowIdentity: true }).is0()).toBe(true);
    const good = encodePoint(G);
    expect(codeOf(() => decodePoint(good.slice(2), 'k'))).toEqual(['BAD_LENGTH', 'k']);
    expect(codeOf(() => decodePoint(good.toUpperCase(), 'k'))).toEqual(['BAD_HEX', 'k']);
    expect(codeOf(() => decodePoint(42, 'k'))).toEqual(['BAD_TYPE', 'k']);
  });

  it('refuses every random 32-byte string that is not a canonical encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        const hex = Buffer.from(b).toString('hex');
        let decoded: string | null = null;
        try {
          decoded = encodePoint(decodePoint(hex, 'p', { allowIdentity: true }));
        } catch (e) {
          expect(e).toBeInstanceOf(CryptoError);
        }
        // Whatever decodes must re-encode to the very same bytes: one encoding per point.
        if (decoded !== null) expect(decoded).toBe(hex);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses scalars ≥ ℓ and zero where a non-zero scalar is required', () => {
    expect(codeOf(() => decodeScalar(SCALAR_L, 'response'))).toEqual(['SCALAR_RANGE', 'response']);
    expect(codeOf(() => decodeScalar('ff'.repeat(32), 'response'))).toEqual(['SCALAR_RANGE', 'response']);
    expect(decodeScalar(encodeScalar(ORDER - 1n), 's')).toBe(ORDER - 1n);
    expect(codeOf(() => decodeScalar('00'.repeat(32), 'secret', { nonZero: true }))).toEqual([
      'SCALAR_RANGE',
      'secret',
    ]);
    expect(() => encodeScalar(ORDER)).toThrow(RangeError);
  });

  it('draws random scalars in [1, ℓ)', () => {
    for (let i = 0; i < 20; i++) {
      const s = randomScalar();
      expect(s > 0n && s < ORDER).toBe(true);
    }
    expect(mod(-1n)).toBe(ORDER - 1n);
  });

  it('hands a decoded point over as coordinates and back, refusing coordinates off the curve', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: ORDER - 1n }), (k) => {
        const p = decodePoint(encodePoint(G.multiply(k)), 'p');
        const q = pointFromCoordinates(pointCoordinates(p));
        expect(q.equals(p)).toBe(true);
        expect(encodePoint(q)).toBe(encodePoint(p));
      }),
      { numRuns: 20 },
    );
    const [x, y, z, t] = pointCoordinates(G.multiply(randomScalar()));
    expect(() => pointFromCoordinates([x, y + 1n, z, t])).toThrow();
    expect(() => pointFromCoordinates([x, y, z, t + 1n])).toThrow();
    expect(() => pointFromCoordinates([x, y, 0n, t])).toThrow();
  });
});
