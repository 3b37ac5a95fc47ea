import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add,
  ciphertextEquals,
  decodeCiphertext,
  decryptToPoint,
  encodeCiphertext,
  encrypt,
  rerandomise,
  sum,
  ZERO_CIPHERTEXT,
} from '../src/elgamal.ts';
import { CryptoError } from '../src/errors.ts';
import { ORDER, smallMultiple } from '../src/group.ts';
import { IDENTITY_POINT, keyPair } from './helpers.ts';

const { x, K } = keyPair();
const msg = fc.integer({ min: 0, max: 1000 });
const nonce = fc.bigInt({ min: 1n, max: ORDER - 1n });

describe('exponential ElGamal (SPEC §4)', () => {
  it('decrypts what it encrypts', () => {
    fc.assert(
      fc.property(msg, nonce, (m, r) => {
        expect(decryptToPoint(x, encrypt(K, m, r).ciphertext).equals(smallMultiple(m))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('is additively homomorphic: Enc(a; r) + Enc(b; s) = Enc(a + b; r + s)', () => {
    fc.assert(
      fc.property(msg, msg, nonce, nonce, (a, b, r, s) => {
        const lhs = add(encrypt(K, a, r).ciphertext, encrypt(K, b, s).ciphertext);
        const rhs = encrypt(K, a + b, (r + s) % ORDER || 1n).ciphertext;
        if ((r + s) % ORDER !== 0n) expect(ciphertextEquals(lhs, rhs)).toBe(true);
        expect(decryptToPoint(x, lhs).equals(smallMultiple(a + b))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('addition is commutative and associative, with the zero ciphertext as identity', () => {
    fc.assert(
      fc.property(msg, msg, msg, (a, b, c) => {
        const [ca, cb, cc] = [a, b, c].map((m) => encrypt(K, m).ciphertext) as [
          ReturnType<typeof encrypt>['ciphertext'],
          ReturnType<typeof encrypt>['ciphertext'],
          ReturnType<typeof encrypt>['ciphertext'],
        ];
        expect(ciphertextEquals(add(ca, cb), add(cb, ca))).toBe(true);
        expect(ciphertextEquals(add(add(ca, cb), cc), add(ca, add(cb, cc)))).toBe(true);
        expect(ciphertextEquals(add(ca, ZERO_CIPHERTEXT), ca)).toBe(true);
        expect(ciphertextEquals(sum([ca, cb, cc]), add(add(ca, cb), cc))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('re-randomisation changes the ciphertext, not the plaintext', () => {
    fc.assert(
      fc.property(msg, (m) => {
        const c = encrypt(K, m).ciphertext;
        const d = rerandomise(K, c);
        expect(ciphertextEquals(c, d)).toBe(false);
        expect(decryptToPoint(x, d).equals(smallMultiple(m))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('refuses zero randomness and identity components in a ballot ciphertext', () => {
    expect(() => encrypt(K, 1, 0n)).toThrow(CryptoError);
    const j = encodeCiphertext(encrypt(K, 1).ciphertext);
    expect(() => decodeCiphertext({ ...j, alpha: IDENTITY_POINT }, 'c')).toThrow('c.alpha');
    expect(() => decodeCiphertext({ ...j, beta: IDENTITY_POINT }, 'c')).toThrow('c.beta');
    expect(
      decodeCiphertext({ alpha: IDENTITY_POINT, beta: IDENTITY_POINT }, 'tally', {
        allowIdentity: true,
      }).alpha.is0(),
    ).toBe(true);
    expect(() => decodeCiphertext([j.alpha, j.beta], 'c')).toThrow(CryptoError);
  });
});
