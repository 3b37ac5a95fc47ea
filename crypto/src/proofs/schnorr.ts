/** Schnorr proof of knowledge of x with X = x·G (SPEC §5.2). */
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

export interface SchnorrProof {
  commitment: Point;
  response: bigint;
}

export function proveSchnorr(
  ctx: ProofContext,
  secret: bigint,
  publicKey: Point = G.multiply(secret),
): SchnorrProof {
  const w = randomScalar();
  const commitment = G.multiply(w);
  const c = challenge('proof/schnorr', ctx, [], [G, publicKey], [commitment]);
  return { commitment, response: mod(w + c * secret) };
}

/** s·G − R − c·X = 0. */
export function schnorrEquations(ctx: ProofContext, publicKey: Point, proof: SchnorrProof): Equation[] {
  const c = challenge('proof/schnorr', ctx, [], [G, publicKey], [proof.commitment]);
  return [
    [
      [proof.response, G],
      [ORDER - 1n, proof.commitment],
      [mod(-c), publicKey],
    ],
  ];
}

export function verifySchnorr(ctx: ProofContext, publicKey: Point, proof: SchnorrProof): boolean {
  return checkEquations(schnorrEquations(ctx, publicKey, proof));
}

export function encodeSchnorr(p: SchnorrProof): { commitment: string; response: string } {
  return { commitment: encodePoint(p.commitment), response: encodeScalar(p.response) };
}

export function decodeSchnorr(json: unknown, field: string): SchnorrProof {
  const o = asObject(json, field);
  exactKeys(o, ['commitment', 'response'], field);
  return {
    commitment: decodePoint(o.commitment, `${field}.commitment`, { allowIdentity: true }),
    response: decodeScalar(o.response, `${field}.response`),
  };
}
