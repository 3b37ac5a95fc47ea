import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encrypt, sum, type Ciphertext } from '../src/elgamal.ts';
import { CryptoError } from '../src/errors.ts';
import { G, mod, randomScalar, type Point } from '../src/group.ts';
import { proofContext } from '../src/proofs/context.ts';
import {
  decodeDleq,
  dleqEquations,
  encodeDleq,
  proveDleq,
  verifyDleq,
  type DleqStatement,
} from '../src/proofs/dleq.ts';
import { checkEquations, checkEquationsBatch, verifyItemsBatch } from '../src/proofs/equation.ts';
import { decodeSchnorr, encodeSchnorr, proveSchnorr, verifySchnorr } from '../src/proofs/schnorr.ts';
import { proveSum, verifySum } from '../src/proofs/sum.ts';
import {
  decodeZeroOne,
  encodeZeroOne,
  proveZeroOne,
  verifyZeroOne,
  zeroOneEquations,
  type ZeroOneProof,
} from '../src/proofs/zero-one.ts';
import { ctxFor, withHighBit, IDENTITY_POINT, keyPair, NON_CANONICAL_POINT, SCALAR_L } from './helpers.ts';

const other = () => G.multiply(randomScalar());

describe('Schnorr proof of knowledge (SPEC §5.2)', () => {
  const { x, K } = keyPair();
  const ctx = ctxFor();
  const proof = proveSchnorr(ctx, x, K);

  it('verifies and round-trips through JSON', () => {
    expect(verifySchnorr(ctx, K, proof)).toBe(true);
    expect(verifySchnorr(ctx, K, decodeSchnorr(encodeSchnorr(proof), 'p'))).toBe(true);
  });

  it('rejects an altered commitment, response, statement, fingerprint or context', () => {
    expect(verifySchnorr(ctx, K, { ...proof, commitment: proof.commitment.add(G) })).toBe(false);
    expect(verifySchnorr(ctx, K, { ...proof, response: mod(proof.response + 1n) })).toBe(false);
    expect(verifySchnorr(ctx, other(), proof)).toBe(false);
    expect(verifySchnorr(ctxFor(undefined, ctx.context), K, proof)).toBe(false);
    expect(verifySchnorr(ctxFor(ctx.fingerprint), K, proof)).toBe(false);
  });

  it('rejects a proof by someone who does not know x (random response)', () => {
    expect(verifySchnorr(ctx, K, { commitment: G.multiply(randomScalar()), response: randomScalar() })).toBe(
      false,
    );
  });

  it('refuses non-canonical, over-range and extra-field encodings', () => {
    const j = encodeSchnorr(proof);
    expect(() => decodeSchnorr({ ...j, commitment: NON_CANONICAL_POINT }, 'p')).toThrow(CryptoError);
    expect(() => decodeSchnorr({ ...j, response: SCALAR_L }, 'p')).toThrow(/p\.response/);
    expect(() => decodeSchnorr({ ...j, extra: 1 }, 'p')).toThrow(/unexpected field/);
    expect(() => decodeSchnorr({ commitment: j.commitment }, 'p')).toThrow(/p\.response: missing/);
  });
});

describe('Chaum–Pedersen equality of discrete logs (SPEC §5.3)', () => {
  const x = randomScalar();
  const g2 = other();
  const st: DleqStatement = { g1: G, h1: G.multiply(x), g2, h2: g2.multiply(x) };
  const ctx = ctxFor();
  const proof = proveDleq(ctx, st, x);

  it('verifies and round-trips through JSON', () => {
    expect(verifyDleq(ctx, st, proof)).toBe(true);
    expect(verifyDleq(ctx, st, decodeDleq(encodeDleq(proof), 'p'))).toBe(true);
  });

  it('rejects unequal logs even with an honest-looking proof', () => {
    const bad = { ...st, h2: g2.multiply(mod(x + 1n)) };
    expect(verifyDleq(ctx, bad, proveDleq(ctx, bad, x))).toBe(false);
  });

  it('rejects each altered part', () => {
    expect(verifyDleq(ctx, st, { ...proof, a1: proof.a1.add(G) })).toBe(false);
    expect(verifyDleq(ctx, st, { ...proof, a2: proof.a2.add(G) })).toBe(false);
    expect(verifyDleq(ctx, st, { ...proof, response: mod(proof.response + 1n) })).toBe(false);
    for (const k of ['g1', 'h1', 'g2', 'h2'] as const)
      expect(verifyDleq(ctx, { ...st, [k]: other() }, proof)).toBe(false);
    expect(verifyDleq(ctxFor(undefined, ctx.context), st, proof)).toBe(false);
    expect(verifyDleq(ctxFor(ctx.fingerprint), st, proof)).toBe(false);
  });

  it('refuses malformed encodings', () => {
    const j = encodeDleq(proof);
    expect(() => decodeDleq({ ...j, a1: withHighBit(j.a1) }, 'p')).toThrow(CryptoError);
    expect(() => decodeDleq({ ...j, response: SCALAR_L }, 'p')).toThrow(/SCALAR|group order/);
    expect(() => decodeDleq({ ...j, a2: j.a2.slice(0, 42) }, 'p')).toThrow(/p\.a2/);
  });
});

describe('disjunctive 0/1 proof (SPEC §5.4)', () => {
  const { K } = keyPair();
  const ctx = ctxFor();

  it('proves 0 and 1, and cannot prove 2', () => {
    for (const m of [0, 1] as const) {
      const e = encrypt(K, m);
      expect(verifyZeroOne(ctx, K, e.ciphertext, proveZeroOne(ctx, K, e.ciphertext, m, e.nonce))).toBe(true);
    }
    const two = encrypt(K, 2);
    // A cheating prover runs the honest algorithm on m = 2 claiming 1 or 0: both fail.
    for (const claim of [0, 1] as const)
      expect(
        verifyZeroOne(ctx, K, two.ciphertext, proveZeroOne(ctx, K, two.ciphertext, claim, two.nonce)),
      ).toBe(false);
  });

  it('rejects each altered part, the statement, another fingerprint and another credential', () => {
    const e = encrypt(K, 1);
    const p = proveZeroOne(ctx, K, e.ciphertext, 1, e.nonce);
    const alter: Partial<ZeroOneProof>[] = [
      { a0: p.a0.add(G) },
      { b0: p.b0.add(G) },
      { a1: p.a1.add(G) },
      { b1: p.b1.add(G) },
      { c0: mod(p.c0 + 1n) },
      { s0: mod(p.s0 + 1n) },
      { s1: mod(p.s1 + 1n) },
    ];
    for (const a of alter) expect(verifyZeroOne(ctx, K, e.ciphertext, { ...p, ...a })).toBe(false);
    expect(verifyZeroOne(ctx, K, { ...e.ciphertext, beta: e.ciphertext.beta.add(G) }, p)).toBe(false);
    expect(verifyZeroOne(ctx, K, { ...e.ciphertext, alpha: e.ciphertext.alpha.add(G) }, p)).toBe(false);
    expect(verifyZeroOne(ctx, other(), e.ciphertext, p)).toBe(false);
    expect(verifyZeroOne(ctxFor(undefined, ctx.context), K, e.ciphertext, p)).toBe(false);
    expect(verifyZeroOne(ctxFor(ctx.fingerprint), K, e.ciphertext, p)).toBe(false);
  });

  it('refuses non-canonical points and scalars ≥ ℓ in every field', () => {
    const e = encrypt(K, 0);
    const j = encodeZeroOne(proveZeroOne(ctx, K, e.ciphertext, 0, e.nonce));
    for (const k of ['a0', 'b0', 'a1', 'b1'] as const) {
      expect(() => decodeZeroOne({ ...j, [k]: NON_CANONICAL_POINT }, 'proof')).toThrow(`proof.${k}`);
      // Identity is allowed in a commitment (it carries no secret) but must still verify.
      expect(verifyZeroOne(ctx, K, e.ciphertext, decodeZeroOne({ ...j, [k]: IDENTITY_POINT }, 'proof'))).toBe(
        false,
      );
    }
    for (const k of ['c0', 's0', 's1'] as const)
      expect(() => decodeZeroOne({ ...j, [k]: SCALAR_L }, 'proof')).toThrow(`proof.${k}`);
    expect(() => decodeZeroOne({ ...j, s1: undefined }, 'proof')).toThrow(CryptoError);
  });
});

describe('exact-k sum proof (SPEC §5.5)', () => {
  const { K } = keyPair();
  const ctx = ctxFor();
  const ms = [0, 1, 0, 0, 0, 0];
  const encs = ms.map((m) => encrypt(K, m));
  const cts = encs.map((e) => e.ciphertext);
  const nonces = encs.map((e) => e.nonce);
  const proof = proveSum(ctx, K, cts, 1, nonces);

  it('verifies the true sum only', () => {
    expect(verifySum(ctx, K, cts, 1, proof)).toBe(true);
    expect(verifySum(ctx, K, cts, 0, proof)).toBe(false);
    expect(verifySum(ctx, K, cts, 2, proof)).toBe(false);
    expect(verifySum(ctx, K, cts.slice(1), 1, proof)).toBe(false);
    expect(verifySum(ctx, K, [...cts].reverse(), 1, proof)).toBe(true); // a sum does not depend on order
  });

  it('cannot prove a false sum', () => {
    const two = [...cts.slice(0, 5), encrypt(K, 1).ciphertext];
    const rs = [...nonces.slice(0, 5), randomScalar()];
    expect(verifySum(ctx, K, two, 1, proveSum(ctx, K, two, 1, rs))).toBe(false);
  });

  it('rejects altered parts, another fingerprint and another credential', () => {
    expect(verifySum(ctx, K, cts, 1, { ...proof, a1: proof.a1.add(G) })).toBe(false);
    expect(verifySum(ctx, K, cts, 1, { ...proof, response: mod(proof.response - 1n) })).toBe(false);
    expect(verifySum(ctxFor(undefined, ctx.context), K, cts, 1, proof)).toBe(false);
    expect(verifySum(ctxFor(ctx.fingerprint), K, cts, 1, proof)).toBe(false);
  });
});

describe('batch verification (SPEC §5.6)', () => {
  const { K } = keyPair();
  const ctx = proofContext(new Uint8Array(32).fill(7), new Uint8Array(32).fill(9));
  const item = (m: 0 | 1, forge: boolean) => {
    const e = encrypt(K, m);
    const p = proveZeroOne(ctx, K, e.ciphertext, m, e.nonce);
    return { ct: e.ciphertext, p: forge ? { ...p, s1: mod(p.s1 + 1n) } : p };
  };

  it('gives exactly the one-by-one verdicts, finding every culprit', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 24 }), (forged) => {
        const items = forged.map((f, i) => item((i % 2) as 0 | 1, f));
        const eqs = (x: { ct: Ciphertext; p: ZeroOneProof }) => zeroOneEquations(ctx, K, x.ct, x.p);
        const single = items.map((x) => checkEquations(eqs(x)));
        expect(single).toEqual(forged.map((f) => !f));
        expect(verifyItemsBatch(items, eqs)).toEqual(single);
      }),
      { numRuns: 15 },
    );
  });

  it('treats items that failed a non-group check as invalid without hiding others', () => {
    const items = [item(1, false), item(0, false), item(1, false)];
    expect(
      verifyItemsBatch(items, (x) => (x === items[1] ? null : zeroOneEquations(ctx, K, x.ct, x.p))),
    ).toEqual([true, false, true]);
  });

  it('catches a forgery that cancels in an unweighted sum', () => {
    // Two equations off by +P and −P: their plain sum is zero, random weights expose them.
    const P: Point = G.multiply(randomScalar());
    const x = randomScalar();
    const st = { g1: G, h1: G.multiply(x), g2: K, h2: K.multiply(x) };
    const p = proveDleq(ctx, st, x);
    const [e1, e2] = dleqEquations(ctx, st, p);
    const off1 = [...e1!, [1n, P] as const];
    const off2 = [...e2!, [mod(-1n), P] as const];
    expect(checkEquations([e1!, e2!])).toBe(true);
    expect(checkEquationsBatch([off1, off2])).toBe(false);
  });

  it('homomorphic sums of many valid proofs still verify in one batch', () => {
    const items = Array.from({ length: 40 }, (_, i) => item((i % 2) as 0 | 1, false));
    expect(checkEquationsBatch(items.flatMap((x) => zeroOneEquations(ctx, K, x.ct, x.p)))).toBe(true);
    expect(sum(items.map((x) => x.ct)).alpha.is0()).toBe(false);
  });
});
