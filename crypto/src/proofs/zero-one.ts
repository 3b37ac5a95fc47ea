/**
 * Disjunctive Chaum–Pedersen (CDS) proof that (α, β) = Enc(m; r) under K with m ∈ {0, 1} (SPEC §5.4).
 * The branch for the true m is proved honestly, the other simulated; c0 + c1 = c.
 */
import { fail } from '../errors.ts';
import type { Ciphertext } from '../elgamal.ts';
import {
  G,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  mod,
  ORDER,
  randomScalar,
  type Point,
} from '../group.ts';
import { asObject, exactKeys } from './codec.ts';
import { challenge, type ProofContext } from './context.ts';
import { checkEquations, type Equation } from './equation.ts';

export interface ZeroOneProof {
  a0: Point;
  b0: Point;
  a1: Point;
  b1: Point;
  c0: bigint;
  s0: bigint;
  s1: bigint;
}

export interface ZeroOneJson {
  a0: string;
  b0: string;
  a1: string;
  b1: string;
  c0: string;
  s0: string;
  s1: string;
}

const zeroOneChallenge = (
  ctx: ProofContext,
  K: Point,
  ct: Ciphertext,
  a0: Point,
  b0: Point,
  a1: Point,
  b1: Point,
) => challenge('proof/zero-one', ctx, [], [G, K, ct.alpha, ct.beta], [a0, b0, a1, b1]);

export function proveZeroOne(ctx: ProofContext, K: Point, ct: Ciphertext, m: 0 | 1, r: bigint): ZeroOneProof {
  if (m !== 0 && m !== 1) fail('BAD_PARAMS', 'm', 'a 0/1 proof needs m = 0 or 1');
  const w = randomScalar();
  const cSim = randomScalar();
  const sSim = randomScalar();
  // Simulated branch j = 1 − m: a_j = s_j·G − c_j·α, b_j = s_j·K − c_j·(β − j·G).
  // The same operations run whichever m is true (constant structure); the simulated branch multiplies
  // public points by cSim and sSim, which the proof publishes, so variable-time multiplication is safe there.
  const betaMinusG = ct.beta.subtract(G);
  const betaJ = m === 0 ? betaMinusG : ct.beta;
  const aSim = G.multiply(sSim).subtract(ct.alpha.multiplyUnsafe(cSim));
  const bSim = K.multiply(sSim).subtract(betaJ.multiplyUnsafe(cSim));
  const aReal = G.multiply(w);
  const bReal = K.multiply(w);
  const [a0, b0, a1, b1] = m === 0 ? [aReal, bReal, aSim, bSim] : [aSim, bSim, aReal, bReal];
  const c = zeroOneChallenge(ctx, K, ct, a0, b0, a1, b1);
  const cReal = mod(c - cSim);
  const sReal = mod(w + cReal * r);
  return m === 0
    ? { a0, b0, a1, b1, c0: cReal, s0: sReal, s1: sSim }
    : { a0, b0, a1, b1, c0: cSim, s0: sSim, s1: sReal };
}

/**
 * With c1 = c − c0:  s0·G = a0 + c0·α,  s0·K = b0 + c0·β,  s1·G = a1 + c1·α,  s1·K = b1 + c1·(β − G).
 */
export function zeroOneEquations(ctx: ProofContext, K: Point, ct: Ciphertext, p: ZeroOneProof): Equation[] {
  const c = zeroOneChallenge(ctx, K, ct, p.a0, p.b0, p.a1, p.b1);
  const c1 = mod(c - p.c0);
  const m1 = ORDER - 1n;
  return [
    [
      [p.s0, G],
      [m1, p.a0],
      [mod(-p.c0), ct.alpha],
    ],
    [
      [p.s0, K],
      [m1, p.b0],
      [mod(-p.c0), ct.beta],
    ],
    [
      [p.s1, G],
      [m1, p.a1],
      [mod(-c1), ct.alpha],
    ],
    [
      [p.s1, K],
      [m1, p.b1],
      [mod(-c1), ct.beta],
      [c1, G],
    ],
  ];
}

export function verifyZeroOne(ctx: ProofContext, K: Point, ct: Ciphertext, p: ZeroOneProof): boolean {
  return checkEquations(zeroOneEquations(ctx, K, ct, p));
}

export function encodeZeroOne(p: ZeroOneProof): ZeroOneJson {
  return {
    a0: encodePoint(p.a0),
    b0: encodePoint(p.b0),
    a1: encodePoint(p.a1),
    b1: encodePoint(p.b1),
    c0: encodeScalar(p.c0),
    s0: encodeScalar(p.s0),
    s1: encodeScalar(p.s1),
  };
}

const ZERO_ONE_KEYS = ['a0', 'b0', 'a1', 'b1', 'c0', 's0', 's1'] as const;

export function decodeZeroOne(json: unknown, field: string): ZeroOneProof {
  const o = asObject(json, field);
  exactKeys(o, ZERO_ONE_KEYS, field);
  const pt = (k: string) => decodePoint(o[k], `${field}.${k}`, { allowIdentity: true });
  const sc = (k: string) => decodeScalar(o[k], `${field}.${k}`);
  return { a0: pt('a0'), b0: pt('b0'), a1: pt('a1'), b1: pt('b1'), c0: sc('c0'), s0: sc('s0'), s1: sc('s1') };
}
