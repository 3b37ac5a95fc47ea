/**
 * Every Saylau proof verifies as a list of group equations Σ sᵢ·Pᵢ = 0 (SPEC §5.6).
 * One-by-one verification evaluates each equation; batch verification combines many with
 * random 128-bit weights into one multi-scalar multiplication (pippenger).
 */
import { pippenger } from '@noble/curves/abstract/curve.js';
import { bytesToScalarLE, IDENTITY, mod, ORDER, RistrettoPoint, type Point } from '../group.ts';
import { randomBytes } from '../bytes.ts';

export type Term = readonly [scalar: bigint, point: Point];
export type Equation = readonly Term[];

const MINUS_ONE = ORDER - 1n;

/** Evaluate Σ sᵢ·Pᵢ. Public data only: uses variable-time multiplication. */
export function evaluate(eq: Equation): Point {
  let acc = IDENTITY;
  for (const [s, p] of eq) {
    if (s === 0n) continue;
    if (s === 1n) acc = acc.add(p);
    else if (s === MINUS_ONE) acc = acc.subtract(p);
    else acc = acc.add(p.multiplyUnsafe(s));
  }
  return acc;
}

export function checkEquations(eqs: readonly Equation[]): boolean {
  for (const eq of eqs) if (!evaluate(eq).is0()) return false;
  return true;
}

function randomWeight(): bigint {
  // 128-bit non-zero weight: a false accept needs a 2^-128 coincidence.
  for (;;) {
    const w = bytesToScalarLE(randomBytes(16));
    if (w !== 0n) return w;
  }
}

/**
 * Check all equations at once: Σⱼ wⱼ·(Σᵢ sⱼᵢ·Pⱼᵢ) = 0 with fresh random weights wⱼ (SPEC §5.6).
 * Terms on the same point object (G, the election key, a ciphertext used by two equations)
 * are merged before the MSM.
 */
export function checkEquationsBatch(eqs: readonly Equation[]): boolean {
  if (eqs.length <= 1) return checkEquations(eqs);
  const index = new Map<Point, number>();
  const points: Point[] = [];
  const scalars: bigint[] = [];
  for (const eq of eqs) {
    const w = randomWeight();
    for (const [s, p] of eq) {
      const i = index.get(p);
      if (i === undefined) {
        index.set(p, points.length);
        points.push(p);
        scalars.push(w * s);
      } else scalars[i] = scalars[i]! + w * s;
    }
  }
  const ps: Point[] = [];
  const ss: bigint[] = [];
  for (let i = 0; i < points.length; i++) {
    const r = mod(scalars[i]!);
    if (r !== 0n) {
      ps.push(points[i]!);
      ss.push(r);
    }
  }
  return ps.length === 0 || pippenger(RistrettoPoint, ps, ss).is0();
}

/**
 * Verify many items (ballots, proofs) together. `equations` returns an item's equations, or
 * null when the item already failed a non-group check. Returns one verdict per item, equal to
 * one-by-one verification: a failed batch is split in halves until the culprits are isolated.
 */
export function verifyItemsBatch<T>(
  items: readonly T[],
  equations: (item: T) => readonly Equation[] | null,
): boolean[] {
  const verdict = new Array<boolean>(items.length).fill(false);
  const eqs: (readonly Equation[])[] = [];
  const idx: number[] = [];
  items.forEach((item, i) => {
    const e = equations(item);
    if (e !== null) {
      eqs.push(e);
      idx.push(i);
    }
  });
  const settle = (lo: number, hi: number): void => {
    if (hi - lo === 1) {
      verdict[idx[lo]!] = checkEquations(eqs[lo]!);
      return;
    }
    if (checkEquationsBatch(eqs.slice(lo, hi).flat())) {
      for (let k = lo; k < hi; k++) verdict[idx[k]!] = true;
      return;
    }
    const mid = (lo + hi) >> 1;
    settle(lo, mid);
    settle(mid, hi);
  };
  if (eqs.length > 0) settle(0, eqs.length);
  return verdict;
}
