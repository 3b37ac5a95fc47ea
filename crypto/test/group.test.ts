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
import {
  IDENTITY_POINT,
  NEGATIVE_POINT,
  NON_CANONICAL_POINT,
  SCALAR_L,
  hexToB64,
  withUnusedBits,
} from './helpers.ts';
import { bytesToB64 } from '../src/bytes.ts';
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
    expect(codeOf(() => decodePoint(IDENTITY_POINT, 'alpha'))).toEqual(['IDENTITY', 'alpha']);
    expect(decodePoint(IDENTITY_POINT, 'tally', { allowIdentity: true }).is0()).toBe(true);
    const good = encodePoint(G);
    expect(codeOf(() => decodePoint(good.slice(2), 'k'))).toEqual(['BAD_LENGTH', 'k']);
    // A second spelling of the same bytes (unused low bits set), padding, the other alphabet, spaces.
    expect(codeOf(() => decodePoint(withUnusedBits(good), 'k'))).toEqual(['BAD_BASE64', 'k']);
    expect(codeOf(() => decodePoint(`${good.slice(0, 42)}=`, 'k'))).toEqual(['BAD_BASE64', 'k']);
    expect(codeOf(() => decodePoint(`${good}=`, 'k'))).toEqual(['BAD_BASE64', 'k']);
    for (const c of ['+', '/', ' ', '\n', '.'])
      expect(codeOf(() => decodePoint(good.slice(0, 5) + c + good.slice(6), 'k'))).toEqual([
        'BAD_BASE64',
        'k',
      ]);
    // Standard base64 (RFC 4648 §4) of a point whose base64url has '-' or '_'.
    const dashed = [2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]
      .map((k) => encodePoint(G.multiply(k)))
      .find((t) => /[-_]/.test(t))!;
    expect(codeOf(() => decodePoint(dashed.replace(/-/g, '+').replace(/_/g, '/'), 'k'))).toEqual([
      'BAD_BASE64',
      'k',
    ]);
    // The old form: the same point in hex is the wrong length for base64url.
    expect(
      codeOf(() => decodePoint(Buffer.from(decodePoint(good, 'k').toBytes()).toString('hex'), 'k')),
    ).toEqual(['BAD_LENGTH', 'k']);
    expect(codeOf(() => decodePoint(42, 'k'))).toEqual(['BAD_TYPE', 'k']);
  });

  it('refuses every random 32-byte string that is not a canonical encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        const text = bytesToB64(b);
        let decoded: string | null = null;
        try {
          decoded = encodePoint(decodePoint(text, 'p', { allowIdentity: true }));
        } catch (e) {
          expect(e).toBeInstanceOf(CryptoError);
        }
        // Whatever decodes must re-encode to the very same bytes: one encoding per point.
        if (decoded !== null) expect(decoded).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses scalars ≥ ℓ and zero where a non-zero scalar is required', () => {
    expect(codeOf(() => decodeScalar(SCALAR_L, 'response'))).toEqual(['SCALAR_RANGE', 'response']);
    expect(codeOf(() => decodeScalar(hexToB64('ff'.repeat(32)), 'response'))).toEqual([
      'SCALAR_RANGE',
      'response',
    ]);
    expect(decodeScalar(encodeScalar(ORDER - 1n), 's')).toBe(ORDER - 1n);
    expect(codeOf(() => decodeScalar(hexToB64('00'.repeat(32)), 'secret', { nonZero: true }))).toEqual([
      'SCALAR_RANGE',
      'secret',
    ]);
    expect(() => encodeScalar(ORDER)).toThrow(RangeError);
    const one = encodeScalar(1n);
    expect(codeOf(() => decodeScalar(withUnusedBits(one), 's'))).toEqual(['BAD_BASE64', 's']);
    expect(codeOf(() => decodeScalar(`${one} `, 's'))).toEqual(['BAD_BASE64', 's']);
    expect(codeOf(() => decodeScalar(one.slice(1), 's'))).toEqual(['BAD_LENGTH', 's']);
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
