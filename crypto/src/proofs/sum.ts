/**
 * Proof that ciphertexts c₁…cₙ sum to an encryption of exactly k (SPEC §5.5): with
 * (A, B) = Σ cᵢ and R = Σ rᵢ, a Chaum–Pedersen proof that A = R·G and B − k·G = R·K.
 * The challenge hashes k and the summed ciphertext (A, B) as the statement.
 */
import { fail } from '../errors.ts';
import { sum, type Ciphertext } from '../elgamal.ts';
import { G, IDENTITY, mod, ORDER, type Point } from '../group.ts';
import { challenge, u64be, type ProofContext } from './context.ts';
import {
  dleqEquationsBound,
  proveDleqBound,
  type DleqBinding,
  type DleqProof,
  type DleqStatement,
} from './dleq.ts';
import { checkEquations, type Equation } from './equation.ts';

export type SumProof = DleqProof;

function sumBinding(K: Point, total: Ciphertext, k: number): DleqBinding {
  if (!Number.isSafeInteger(k) || k < 0) fail('BAD_PARAMS', 'k', 'k must be a non-negative integer');
  return { purpose: 'proof/sum', integers: [u64be(k)], statement: [G, K, total.alpha, total.beta] };
}

function sumStatement(K: Point, total: Ciphertext, k: number): { st: DleqStatement; binding: DleqBinding } {
  const binding = sumBinding(K, total, k);
  // k is public (1 in a ballot), so variable-time multiplication is safe.
  const kG = k === 0 ? IDENTITY : G.multiplyUnsafe(BigInt(k));
  return { st: { g1: G, h1: total.alpha, g2: K, h2: total.beta.subtract(kG) }, binding };
}

export function proveSum(
  ctx: ProofContext,
  K: Point,
  cts: readonly Ciphertext[],
  k: number,
  nonces: readonly bigint[],
): SumProof {
  const R = mod(nonces.reduce((a, b) => a + b, 0n));
  const { st, binding } = sumStatement(K, sum(cts), k);
  return proveDleqBound(ctx, st, R, binding);
}

/**
 * With `expand`, the equations name each ciphertext instead of their sum:
 * s·G − a1 − c·Σαᵢ = 0 and s·K − a2 − c·Σβᵢ + c·k·G = 0. Same equations, but in a batch their
 * terms merge with the 0/1 proofs' terms on the same αᵢ, βᵢ, so the MSM has fewer points (SPEC §5.6).
 */
export function sumEquations(
  ctx: ProofContext,
  K: Point,
  cts: readonly Ciphertext[],
  k: number,
  proof: SumProof,
  expand = false,
): Equation[] {
  const total = sum(cts);
  if (!expand) {
    const { st, binding } = sumStatement(K, total, k);
    return dleqEquationsBound(ctx, st, proof, binding);
  }
  const binding = sumBinding(K, total, k);
  const c = challenge(binding.purpose, ctx, binding.integers, binding.statement, [proof.a1, proof.a2]);
  const minusC = mod(-c);
  const m1 = ORDER - 1n;
  return [
    [[proof.response, G], [m1, proof.a1], ...cts.map((ct) => [minusC, ct.alpha] as const)],
    [
      [proof.response, K],
      [m1, proof.a2],
      ...cts.map((ct) => [minusC, ct.beta] as const),
      [mod(c * BigInt(k)), G],
    ],
  ];
}

export function verifySum(
  ctx: ProofContext,
  K: Point,
  cts: readonly Ciphertext[],
  k: number,
  proof: SumProof,
): boolean {
  return checkEquations(sumEquations(ctx, K, cts, k, proof));
}
