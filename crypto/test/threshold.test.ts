import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encrypt, sum, type Ciphertext } from '../src/elgamal.ts';
import { G, IDENTITY, mod, randomScalar, smallMultiple } from '../src/group.ts';
import {
  checkParams,
  combineDecryptionShares,
  combineMany,
  createDealing,
  decodeDecryptionShare,
  discreteLog,
  encodeDecryptionShare,
  evaluatePolynomial,
  jointPublicKey,
  lagrangeCoefficient,
  partialDecrypt,
  partialDecryptMany,
  publicShare,
  qualifiedSet,
  verifyDecryptionShare,
  verifyDecryptionSharesBatch,
  verifyShare,
  type DecryptionShare,
} from '../src/threshold/index.ts';
import { fingerprintA, fingerprintB, runDkg, subsets } from './threshold-helpers.ts';
import { codeOf, hexToB64 } from './helpers.ts';

/** Encrypt 0/1 votes for `options` options; returns the per-option tally and true counts. */
function tally(K: ReturnType<typeof runDkg>['K'], votes: number[][]) {
  const options = votes[0]!.length;
  const cts = votes.map((v) => v.map((b) => encrypt(K, b).ciphertext));
  const totals = Array.from({ length: options }, (_, o) => sum(cts.map((row) => row[o]!)));
  const counts = Array.from({ length: options }, (_, o) => votes.reduce((a, v) => a + v[o]!, 0));
  return { totals, counts };
}

describe('§6.1 parameters', () => {
  it('refuses t = 1, t > n, n = 16 and non-integers', () => {
    expect(codeOf(() => checkParams(1, 5))).toEqual(['BAD_PARAMS', 't']);
    expect(codeOf(() => checkParams(4, 3))).toEqual(['BAD_PARAMS', 't']);
    expect(codeOf(() => checkParams(3, 16))).toEqual(['BAD_PARAMS', 'n']);
    expect(codeOf(() => checkParams(2.5, 5))).toEqual(['BAD_PARAMS', 't']);
    expect(codeOf(() => createDealing(fingerprintA, { t: 1, n: 3 }, 1))).toEqual(['BAD_PARAMS', 't']);
    expect(codeOf(() => createDealing(fingerprintA, { t: 2, n: 3 }, 4))).toEqual(['BAD_PARAMS', 'dealer']);
    expect(checkParams(2, 2)).toEqual({ t: 2, n: 2 });
    expect(checkParams(15, 15)).toEqual({ t: 15, n: 15 });
  });
});

describe('§6.2–§6.6 DKG end to end', () => {
  for (const [t, n] of [
    [3, 5],
    [2, 3],
  ] as const) {
    it(`${t}-of-${n}: joint key, public shares, and decryption by every t-subset`, () => {
      const run = runDkg(t, n);
      // x_j·G = X_j for every trustee, and the joint secret interpolates to K.
      run.secretShares.forEach((x, idx) => expect(G.multiply(x).equals(run.publicShares[idx]!)).toBe(true));
      const joint = mod(run.dealings.reduce((a, d) => a + d.polynomial[0]!, 0n));
      expect(G.multiply(joint).equals(run.K)).toBe(true);
      const idx = Array.from({ length: n }, (_, i) => i + 1);
      for (const S of subsets(idx, t)) {
        const x = mod(S.reduce((a, j) => a + lagrangeCoefficient(j, S) * run.secretShares[j - 1]!, 0n));
        expect(x).toBe(joint);
      }
      const { totals, counts } = tally(run.K, [
        [1, 0, 0],
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
        [1, 0, 0],
      ]);
      const byTrustee = idx.map((j) => partialDecryptMany(fingerprintA, j, run.secretShares[j - 1]!, totals));
      byTrustee.forEach((row, k) =>
        expect(verifyDecryptionSharesBatch(fingerprintA, k + 1, run.publicShares[k]!, totals, row)).toBe(
          true,
        ),
      );
      for (const S of subsets(idx, t)) {
        const Ms = combineMany(
          run.params,
          totals,
          S.map((j) => byTrustee[j - 1]!),
        );
        expect(Ms.map((M) => discreteLog(M, 5))).toEqual(counts);
      }
    });
  }

  it('QUAL excludes disqualified dealers; the key then sums only the rest', () => {
    const run = runDkg(3, 5);
    const qual = qualifiedSet(run.params, [1, 2, 3, 4, 5], [2, 5]);
    expect(qual).toEqual([1, 3, 4]);
    const K = jointPublicKey(qual.map((i) => run.dealings[i - 1]!.commitments));
    expect(
      K.equals(
        run.dealings[0]!.commitments.coefficients[0]!.point.add(
          run.dealings[2]!.commitments.coefficients[0]!.point,
        ).add(run.dealings[3]!.commitments.coefficients[0]!.point),
      ),
    ).toBe(true);
    expect(codeOf(() => qualifiedSet(run.params, [1, 2, 3, 4, 5], [1, 2, 3]))).toEqual([
      'BAD_PARAMS',
      'qual',
    ]);
    expect(
      codeOf(() => jointPublicKey([run.dealings[0]!.commitments, run.dealings[0]!.commitments])),
    ).toEqual(['BAD_PARAMS', 'qual[1].dealer']);
  });

  it('refuses an identity joint key', () => {
    const run = runDkg(2, 3);
    const c = run.dealings[0]!.commitments;
    const neg = {
      dealer: 2,
      coefficients: c.coefficients.map((cc) => ({ ...cc, point: cc.point.negate() })),
    };
    expect(codeOf(() => jointPublicKey([c, neg]))).toEqual(['IDENTITY', 'jointPublicKey']);
  });
});

describe('§6.4 Feldman check', () => {
  it('accepts the honest share and rejects a tampered one', () => {
    const d = createDealing(fingerprintA, { t: 3, n: 5 }, 2);
    for (let j = 1; j <= 5; j++) {
      const s = evaluatePolynomial(d.polynomial, j);
      expect(verifyShare(d.commitments, j, s)).toBe(true);
      expect(verifyShare(d.commitments, j, mod(s + 1n))).toBe(false);
      expect(verifyShare(d.commitments, j === 5 ? 1 : j + 1, s)).toBe(false);
    }
    // A different polynomial's share at the same index fails too.
    const other = createDealing(fingerprintA, { t: 3, n: 5 }, 2);
    expect(verifyShare(d.commitments, 1, evaluatePolynomial(other.polynomial, 1))).toBe(false);
  });
});

describe('§6.7–§6.8 threshold decryption property', () => {
  const run = runDkg(3, 5);
  const idx = [1, 2, 3, 4, 5];
  it('every 3-subset decrypts to the right counts; every 2-subset gives a wrong point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 2 }), {
          minLength: 0,
          maxLength: 12,
        }),
        (votes) => {
          const { totals, counts } =
            votes.length > 0
              ? tally(run.K, votes)
              : {
                  totals: [0, 1].map((): Ciphertext => ({ alpha: IDENTITY, beta: IDENTITY })),
                  counts: [0, 0],
                };
          const factors = idx.map((j) =>
            partialDecryptMany(fingerprintA, j, run.secretShares[j - 1]!, totals),
          );
          factors.forEach((row, k) =>
            row.forEach((f, o) =>
              expect(verifyDecryptionShare(fingerprintA, run.publicShares[k]!, totals[o]!, f)).toBe(true),
            ),
          );
          for (const S of subsets(idx, 3)) {
            const Ms = combineMany(
              run.params,
              totals,
              S.map((j) => factors[j - 1]!),
            );
            expect(Ms.map((M) => discreteLog(M, votes.length))).toEqual(counts);
          }
          for (const S of subsets(idx, 2)) {
            totals.forEach((c, o) => {
              // Lagrange at 0 through only two points: the wrong secret, so a wrong point.
              let M = c.beta;
              for (const j of S)
                M = M.subtract(factors[j - 1]![o]!.factor.multiply(lagrangeCoefficient(j, S)));
              if (!c.alpha.is0()) expect(M.equals(smallMultiple(counts[o]!))).toBe(false);
              expect(
                codeOf(() =>
                  combineDecryptionShares(
                    run.params,
                    c,
                    S.map((j) => factors[j - 1]![o]!),
                  ),
                ),
              ).toEqual(['BAD_PARAMS', 'shares']);
            });
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('refuses duplicate indices, indices outside 1..n and too few shares', () => {
    const { totals } = tally(run.K, [[1], [0]]);
    const c = totals[0]!;
    const f = idx.map((j) => partialDecrypt(fingerprintA, j, run.secretShares[j - 1]!, c));
    expect(codeOf(() => combineDecryptionShares(run.params, c, [f[0]!, f[1]!, f[0]!]))).toEqual([
      'BAD_PARAMS',
      'shares[2].trustee',
    ]);
    expect(
      codeOf(() =>
        combineDecryptionShares(run.params, c, [f[0]!, f[1]!, { trustee: 6, factor: f[2]!.factor }]),
      ),
    ).toEqual(['BAD_PARAMS', 'shares[2].trustee']);
    expect(
      codeOf(() =>
        combineDecryptionShares(run.params, c, [f[0]!, f[1]!, { trustee: 0, factor: f[2]!.factor }]),
      ),
    ).toEqual(['BAD_PARAMS', 'shares[2].trustee']);
    expect(codeOf(() => combineDecryptionShares(run.params, c, [f[0]!, f[1]!]))).toEqual([
      'BAD_PARAMS',
      'shares',
    ]);
    // More than t honest shares interpolate to the same point.
    expect(discreteLog(combineDecryptionShares(run.params, c, f), 2)).toBe(1);
  });
});

describe('§6.7 decryption proofs', () => {
  const run = runDkg(2, 3);
  const c = encrypt(run.K, 1).ciphertext;
  const share = partialDecrypt(fingerprintA, 2, run.secretShares[1]!, c);
  const X2 = run.publicShares[1]!;

  it('verifies the honest share', () => {
    expect(verifyDecryptionShare(fingerprintA, X2, c, share)).toBe(true);
    expect(
      publicShare(
        run.dealings.map((d) => d.commitments),
        2,
      ).equals(X2),
    ).toBe(true);
  });

  it('rejects a wrong factor, a wrong public share, another fingerprint, index, ciphertext', () => {
    expect(verifyDecryptionShare(fingerprintA, X2, c, { ...share, factor: share.factor.add(G) })).toBe(false);
    expect(verifyDecryptionShare(fingerprintA, run.publicShares[0]!, c, share)).toBe(false);
    expect(verifyDecryptionShare(fingerprintB, X2, c, share)).toBe(false);
    expect(verifyDecryptionShare(fingerprintA, X2, c, { ...share, trustee: 3 })).toBe(false);
    expect(verifyDecryptionShare(fingerprintA, X2, { alpha: c.alpha, beta: c.beta.add(G) }, share)).toBe(
      false,
    );
    expect(
      verifyDecryptionShare(fingerprintA, X2, c, {
        ...share,
        proof: { ...share.proof, response: mod(share.proof.response + 1n) },
      }),
    ).toBe(false);
    // A correct factor from the wrong secret with a self-made proof: proof under the wrong X fails.
    const fake = partialDecrypt(fingerprintA, 2, randomScalar(), c);
    expect(verifyDecryptionShare(fingerprintA, X2, c, fake)).toBe(false);
  });

  it('batch verification catches one bad factor among many', () => {
    const cs = [encrypt(run.K, 0).ciphertext, encrypt(run.K, 1).ciphertext, c];
    const shares: DecryptionShare[] = partialDecryptMany(fingerprintA, 2, run.secretShares[1]!, cs);
    expect(verifyDecryptionSharesBatch(fingerprintA, 2, X2, cs, shares)).toBe(true);
    const bad = shares.map((s, k) => (k === 1 ? { ...s, factor: s.factor.add(G) } : s));
    expect(verifyDecryptionSharesBatch(fingerprintA, 2, X2, cs, bad)).toBe(false);
    expect(verifyDecryptionSharesBatch(fingerprintA, 2, X2, cs, shares.slice(0, 2))).toBe(false);
    expect(verifyDecryptionSharesBatch(fingerprintA, 1, X2, cs, shares)).toBe(false);
  });

  it('empty tally: A = identity gives factor identity and M = B', () => {
    const zero: Ciphertext = { alpha: IDENTITY, beta: IDENTITY };
    const s = partialDecrypt(fingerprintA, 1, run.secretShares[0]!, zero);
    expect(s.factor.is0()).toBe(true);
    expect(verifyDecryptionShare(fingerprintA, run.publicShares[0]!, zero, s)).toBe(true);
    expect(verifyDecryptionShare(fingerprintA, run.publicShares[0]!, zero, { ...s, factor: G })).toBe(false);
    const back = decodeDecryptionShare(JSON.parse(JSON.stringify(encodeDecryptionShare(s))), 'd', 3);
    expect(verifyDecryptionShare(fingerprintA, run.publicShares[0]!, zero, back)).toBe(true);
  });

  it('JSON round trip and strict decoding', () => {
    const json = encodeDecryptionShare(share);
    const back = decodeDecryptionShare(JSON.parse(JSON.stringify(json)), 'd', 3);
    expect(verifyDecryptionShare(fingerprintA, X2, c, back)).toBe(true);
    expect(codeOf(() => decodeDecryptionShare({ ...json, extra: 1 }, 'd', 3))).toEqual(['BAD_TYPE', 'd']);
    expect(codeOf(() => decodeDecryptionShare({ ...json, trustee: 4 }, 'd', 3))).toEqual([
      'BAD_PARAMS',
      'd.trustee',
    ]);
    expect(
      codeOf(() => decodeDecryptionShare({ ...json, factor: hexToB64('ff'.repeat(32)) }, 'd', 3)),
    ).toEqual(['NON_CANONICAL', 'd.factor']);
    expect(
      codeOf(() =>
        decodeDecryptionShare(
          { ...json, proof: { ...json.proof, response: hexToB64('ff'.repeat(32)) } },
          'd',
          3,
        ),
      ),
    ).toEqual(['SCALAR_RANGE', 'd.proof.response']);
  });
});
