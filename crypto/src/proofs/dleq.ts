/**
 * Chaum–Pedersen proof of equality of discrete logs (SPEC §5.3): knowledge of x with
 * H1 = x·G1 and H2 = x·G2. The same construction under other tags proves a decryption share
 * (§6.7) and that a sum of ciphertexts encrypts k (§5.5).
 */
import {
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  mod,
  ORDER,
  randomScalar,
  type Point,
} from '../group.ts';
import type { HashPurpose } from '../hash.ts';
import { asObject, exactKeys } from './codec.ts';
import { challenge, type ProofContext } from './context.ts';
import { checkEquations, type Equation } from './equation.ts';

export interface DleqStatement {
  g1: Point;
  h1: Point;
  g2: Point;
  h2: Point;
}

export interface DleqProof {
  a1: Point;
  a2: Point;
  response: bigint;
}

export interface DleqJson {
  a1: string;
  a2: string;
  response: string;
}

/** What the challenge hashes besides the context: integers and statement points (SPEC §5.3–§5.5). */
export interface DleqBinding {
  purpose: HashPurpose;
  integers: readonly Uint8Array[];
  statement: readonly Point[];
}

const plainBinding = (st: DleqStatement): DleqBinding => ({
  purpose: 'proof/dleq',
  integers: [],
  statement: [st.g1, st.h1, st.g2, st.h2],
});

export function proveDleqBound(
  ctx: ProofContext,
  st: DleqStatement,
  secret: bigint,
  binding: DleqBinding,
): DleqProof {
  const w = randomScalar();
  const a1 = st.g1.multiply(w);
  const a2 = st.g2.multiply(w);
  const c = challenge(binding.purpose, ctx, binding.integers, binding.statement, [a1, a2]);
  return { a1, a2, response: mod(w + c * secret) };
}

/** s·G1 − A1 − c·H1 = 0 and s·G2 − A2 − c·H2 = 0. */
export function dleqEquationsBound(
  ctx: ProofContext,
  st: DleqStatement,
  proof: DleqProof,
  binding: DleqBinding,
): Equation[] {
  const c = challenge(binding.purpose, ctx, binding.integers, binding.statement, [proof.a1, proof.a2]);
  const minusC = mod(-c);
  return [
    [
      [proof.response, st.g1],
      [ORDER - 1n, proof.a1],
      [minusC, st.h1],
    ],
    [
      [proof.response, st.g2],
      [ORDER - 1n, proof.a2],
      [minusC, st.h2],
    ],
  ];
}

export function proveDleq(ctx: ProofContext, st: DleqStatement, secret: bigint): DleqProof {
  return proveDleqBound(ctx, st, secret, plainBinding(st));
}

export function dleqEquations(ctx: ProofContext, st: DleqStatement, proof: DleqProof): Equation[] {
  return dleqEquationsBound(ctx, st, proof, plainBinding(st));
}

export function verifyDleq(ctx: ProofContext, st: DleqStatement, proof: DleqProof): boolean {
  return checkEquations(dleqEquations(ctx, st, proof));
}

export function encodeDleq(p: DleqProof): DleqJson {
  return { a1: encodePoint(p.a1), a2: encodePoint(p.a2), response: encodeScalar(p.response) };
}

export function decodeDleq(json: unknown, field: string): DleqProof {
  const o = asObject(json, field);
  exactKeys(o, ['a1', 'a2', 'response'], field);
  return {
    a1: decodePoint(o.a1, `${field}.a1`, { allowIdentity: true }),
    a2: decodePoint(o.a2, `${field}.a2`, { allowIdentity: true }),
    response: decodeScalar(o.response, `${field}.response`),
  };
}
