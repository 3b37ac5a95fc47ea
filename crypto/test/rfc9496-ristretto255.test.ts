/** The group against RFC 9496's own vectors (SPEC §2.1). */
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { G, IDENTITY, decodePoint, encodePoint, smallMultiple } from '../src/group.ts';
import { bytesToHex } from '../src/bytes.ts';
import V from './vectors/rfc9496-ristretto255.json' with { type: 'json' };
import { b64ToHex, codeOf, hexToB64, withHighBit } from './helpers.ts';

const P = ed25519.Point.Fp.ORDER;
const le = (hex: string) => bytesToNumberLE(Buffer.from(hex, 'hex'));
const leHex = (n: bigint) => bytesToHex(numberToBytesLE(n, 32));
// The vectors are hex bytes; points are base64url on the board (SPEC §1.2).
const refused = (hex: string) =>
  [false, true].map((allowIdentity) =>
    codeOf(() => decodePoint(hexToB64(hex), 'ballot.alpha', { allowIdentity })),
  );
const NON_CANONICAL = ['NON_CANONICAL', 'ballot.alpha'];

describe('ristretto255 against RFC 9496 Appendix A (SPEC §2.1)', () => {
  it('encodes B·0 … B·15 to the bytes of Appendix A.1', () => {
    expect(V.smallMultiples).toHaveLength(16);
    let sum = IDENTITY;
    V.smallMultiples.forEach((hex, i) => {
      // Points built by arithmetic, never decoded, so encodePoint cannot answer from its cache.
      expect(encodePoint(sum)).toBe(hexToB64(hex));
      expect(encodePoint(smallMultiple(i))).toBe(hexToB64(hex));
      sum = sum.add(G);
    });
  });

  it('decodes each multiple to that multiple, and B·0 only where the identity is allowed', () => {
    expect(codeOf(() => decodePoint(hexToB64(V.smallMultiples[0]!), 'publicKey'))).toEqual([
      'IDENTITY',
      'publicKey',
    ]);
    expect(decodePoint(hexToB64(V.smallMultiples[0]!), 'tally', { allowIdentity: true }).is0()).toBe(true);
    for (let i = 1; i < 16; i++) {
      const p = decodePoint(hexToB64(V.smallMultiples[i]!), 'p');
      expect(p.equals(smallMultiple(i))).toBe(true);
      expect(p.equals(smallMultiple(i + 1))).toBe(false);
      expect(encodePoint(p)).toBe(hexToB64(V.smallMultiples[i]!));
    }
  });

  it('refuses every invalid encoding of Appendix A.2 as NON_CANONICAL, naming the field', () => {
    const all = V.invalidEncodings.flatMap((g) => g.encodings);
    expect(all).toHaveLength(29);
    for (const hex of all) expect(refused(hex), hex).toEqual([NON_CANONICAL, NON_CANONICAL]);
  });

  it('refuses the valid encodings made non-canonical: low bit flipped, bit 255 set, negated', () => {
    for (const hex of V.smallMultiples.slice(1)) {
      const s = le(hex);
      expect(s % 2n).toBe(0n); // ENCODE gives non-negative field elements (RFC 9496 §4.3.2)
      // Bit 0 is the sign: flipping it gives a negative field element.
      expect(refused(leHex(s ^ 1n))).toEqual([NON_CANONICAL, NON_CANONICAL]);
      // Bit 255 set: a value ≥ p, never a canonical field encoding.
      expect(refused(b64ToHex(withHighBit(hexToB64(hex))))).toEqual([NON_CANONICAL, NON_CANONICAL]);
      // p − s: the same field element up to sign, and negative (odd).
      expect(refused(leHex(P - s))).toEqual([NON_CANONICAL, NON_CANONICAL]);
    }
  });
});
