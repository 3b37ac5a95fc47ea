/**
 * Multi-scalar multiplication Σ sᵢ·Pᵢ for the batch check of SPEC §5.6: Pippenger's bucket method
 * with signed digits, built on noble's point addition and doubling. Public data only (variable time).
 *
 * Against noble's `pippenger` it saves work in three ways:
 * - a scalar s above ℓ/2 is replaced by ℓ − s on −P, so that a commitment's weight −w (ℓ − w) costs
 *   the 128 bits of w, not 253;
 * - zero digits cost nothing, so a short scalar drops out of the high windows;
 * - signed digits halve the buckets, and the window is chosen by counting additions for these scalars.
 */
import { IDENTITY, ORDER, type Point } from '../group.ts';

const HALF = ORDER >> 1n;

/** Additions (and doublings) for window width c, given each scalar's bit length. */
function cost(bits: readonly number[], maxBits: number, c: number): number {
  let adds = 0;
  for (const b of bits) adds += Math.ceil((b + 1) / c);
  const windows = Math.ceil((maxBits + 1) / c);
  return adds + windows * (2 ** c + c);
}

/** Σ sᵢ·Pᵢ with every sᵢ in [0, ℓ). */
export function msm(points: readonly Point[], scalars: readonly bigint[]): Point {
  if (points.length !== scalars.length) throw new RangeError('one scalar per point');
  const ps: Point[] = [];
  const ss: bigint[] = [];
  const bits: number[] = [];
  let maxBits = 0;
  for (let i = 0; i < points.length; i++) {
    let s = scalars[i]!;
    if (s < 0n || s >= ORDER) throw new RangeError('scalar out of range');
    if (s === 0n) continue;
    let p = points[i]!;
    if (s > HALF) {
      s = ORDER - s;
      p = p.negate();
    }
    const b = s.toString(2).length;
    ps.push(p);
    ss.push(s);
    bits.push(b);
    if (b > maxBits) maxBits = b;
  }
  const n = ps.length;
  if (n === 0) return IDENTITY;
  let c = 1;
  for (let w = 2, best = cost(bits, maxBits, 1); w <= 16; w++) {
    const k = cost(bits, maxBits, w);
    if (k < best) [best, c] = [k, w];
  }
  const windows = Math.ceil((maxBits + 1) / c);
  // Signed digits dₖ ∈ (−2^(c−1), 2^(c−1)]: s = Σ dₖ·2^(ck).
  const digits = new Int32Array(n * windows);
  const mask = BigInt(2 ** c - 1);
  const shift = BigInt(c);
  const full = 2 ** c;
  const half = full / 2;
  for (let j = 0; j < n; j++) {
    let s = ss[j]!;
    let carry = 0;
    for (let k = 0; k < windows && (s !== 0n || carry !== 0); k++) {
      let d = Number(s & mask) + carry;
      s >>= shift;
      carry = d > half ? 1 : 0;
      if (carry) d -= full;
      digits[k * n + j] = d;
    }
  }
  const negated: (Point | undefined)[] = new Array<Point | undefined>(n);
  const buckets: (Point | null)[] = new Array<Point | null>(half + 1);
  let acc: Point | null = null;
  for (let k = windows - 1; k >= 0; k--) {
    if (acc !== null) for (let i = 0; i < c; i++) acc = acc.double();
    buckets.fill(null);
    let top = 0;
    for (let j = 0, at = k * n; j < n; j++, at++) {
      const d = digits[at]!;
      if (d === 0) continue;
      const m = d > 0 ? d : -d;
      const p = d > 0 ? ps[j]! : (negated[j] ??= ps[j]!.negate());
      const b = buckets[m];
      buckets[m] = b ? b.add(p) : p;
      if (m > top) top = m;
    }
    // Σ m·bucket[m] as a running sum from the top bucket down.
    let running: Point | null = null;
    let sum: Point | null = null;
    for (let m = top; m > 0; m--) {
      const b = buckets[m];
      if (b) running = running ? running.add(b) : b;
      if (running) sum = sum ? sum.add(running) : running;
    }
    if (sum) acc = acc ? acc.add(sum) : sum;
  }
  return acc ?? IDENTITY;
}
