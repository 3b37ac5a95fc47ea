/**
 * Every Saylau proof verifies as a list of group equations Σ sᵢ·Pᵢ = 0 (SPEC §5.6).
 * One-by-one verification evaluates each equation; batch verification combines many with
 * random 128-bit weights into one multi-scalar multiplication (Pippenger's method, msm.ts).
 */
import { bytesToScalarLE, IDENTITY, mod, ORDER, type Point } from '../group.ts';
import { randomBytes } from '../bytes.ts';
import { msm } from './msm.ts';

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

/** n non-zero 128-bit weights, from one call to the CSPRNG: a false accept needs a 2^-128 coincidence. */
function randomWeights(n: number): bigint[] {
  const bytes = randomBytes(16 * n);
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    let w = bytesToScalarLE(bytes.subarray(16 * i, 16 * i + 16));
    while (w === 0n) w = bytesToScalarLE(randomBytes(16));
    out[i] = w;
  }
  return out;
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
  const weights = randomWeights(eqs.length);
  for (let e = 0; e < eqs.length; e++) {
    const w = weights[e]!;
    for (const [s, p] of eqs[e]!) {
      const i = index.get(p);
      if (i === undefined) {
        index.set(p, points.length);
        points.push(p);
        scalars.push(w * s);
      } else scalars[i] = scalars[i]! + w * s;
    }
  }
  return msm(points, scalars.map(mod)).is0();
}

/**
 * Verify many items (ballots, proofs) together. `equations` returns an item's equations, or
 * null when the item already failed a non-group check. Returns one verdict per item, equal to
 * one-by-one verification: a failed batch is split in halves until the culprits are isolated, and a
 * lone item left by a split is checked one by one (SPEC §5.6). A batch of one item is still a batch:
 * its equations go into one MSM, which costs far less than evaluating them one by one.
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
  const settle = (lo: number, hi: number, split: boolean): void => {
    if (split && hi - lo === 1) {
      verdict[idx[lo]!] = checkEquations(eqs[lo]!);
      return;
    }
    if (checkEquationsBatch(eqs.slice(lo, hi).flat())) {
      for (let k = lo; k < hi; k++) verdict[idx[k]!] = true;
      return;
    }
    if (hi - lo === 1) verdict[idx[lo]!] = checkEquations(eqs[lo]!);
    else {
      const mid = (lo + hi) >> 1;
      settle(lo, mid, true);
      settle(mid, hi, true);
    }
  };
  if (eqs.length > 0) settle(0, eqs.length, false);
  return verdict;
}
