import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pippenger } from '@noble/curves/abstract/curve.js';
import { randomBytes } from '../src/bytes.ts';
import { G, IDENTITY, ORDER, RistrettoPoint, mod, randomScalar, type Point } from '../src/group.ts';
import { msm } from '../src/proofs/msm.ts';

/** Σ sᵢ·Pᵢ term by term: the definition the MSM must agree with. */
const naive = (ps: readonly Point[], ss: readonly bigint[]) =>
  ps.reduce((acc, p, i) => (ss[i] === 0n ? acc : acc.add(p.multiplyUnsafe(ss[i]!))), IDENTITY);

const HALF = ORDER >> 1n;
/** The scalars a batch check produces: full ones, weights (128 bits) and their negations, edges. */
const scalar = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, ORDER - 1n, ORDER - 2n, HALF, HALF + 1n, HALF - 1n),
  fc.bigInt({ min: 0n, max: ORDER - 1n }),
  fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }),
  fc.bigInt({ min: 1n, max: (1n << 128n) - 1n }).map((w) => ORDER - w),
  fc.bigInt({ min: 0n, max: 255n }),
);
const pool = Array.from({ length: 24 }, () => G.multiply(randomScalar()));
const point = fc.oneof(fc.constantFrom(...pool), fc.constantFrom(G, IDENTITY, G.negate()));

describe('multi-scalar multiplication (SPEC §5.6)', () => {
  it('equals Σ sᵢ·Pᵢ term by term, for any points and scalars below ℓ', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(point, scalar), { maxLength: 40 }), (terms) => {
        const ps = terms.map((t) => t[0]);
        const ss = terms.map((t) => t[1]);
        expect(msm(ps, ss).equals(naive(ps, ss))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('equals noble’s pippenger on a batch-sized input', () => {
    const ps = Array.from({ length: 600 }, (_, i) => pool[i % pool.length]!.add(G.multiply(BigInt(i + 1))));
    const ss = ps.map((_, i) => (i % 3 === 0 ? randomScalar() : mod(-BigInt('0x' + bytes16()))));
    expect(msm(ps, ss).equals(pippenger(RistrettoPoint, ps, ss))).toBe(true);
  });

  it('finds the zero of a combination that cancels, and not of one that is off by one', () => {
    const P = G.multiply(randomScalar());
    const s = randomScalar();
    const t = randomScalar();
    // s·P + t·P − (s + t)·P = 0, with the same point three times.
    expect(msm([P, P, P], [s, t, mod(-(s + t))]).is0()).toBe(true);
    expect(msm([P, P, P], [s, t, mod(-(s + t) + 1n)]).is0()).toBe(false);
    expect(msm([], []).is0()).toBe(true);
    expect(msm([P], [0n]).is0()).toBe(true);
    expect(msm([P, IDENTITY], [1n, 5n]).equals(P)).toBe(true);
  });

  it('refuses scalars outside [0, ℓ) and mismatched lengths', () => {
    expect(() => msm([G], [ORDER])).toThrow(RangeError);
    expect(() => msm([G], [-1n])).toThrow(RangeError);
    expect(() => msm([G, G], [1n])).toThrow(RangeError);
  });
});

function bytes16(): string {
  return Array.from(randomBytes(16), (x) => x.toString(16).padStart(2, '0')).join('');
}
