/**
 * Discrete log of a vote count (SPEC §6.9): find m in [0, bound] with M = m·G by baby-step
 * giant-step. The baby-step table {j·G ↦ j : 0 ≤ j < s}, s = ⌈√(bound+1)⌉, is cached per size,
 * so decrypting every option of a tally builds it once.
 */
import { bytesToHex } from '../bytes.ts';
import { fail } from '../errors.ts';
import { G, IDENTITY, type Point } from '../group.ts';

/** Counts up to 2^32 − 1 (a table of 65,536 points at most). */
export const MAX_DLOG_BOUND = 2 ** 32 - 1;

const tables = new Map<number, Map<string, number>>();

const key = (p: Point): string => bytesToHex(p.toBytes());

function babySteps(size: number): Map<string, number> {
  let table = tables.get(size);
  if (table === undefined) {
    table = new Map();
    let p = IDENTITY;
    for (let j = 0; j < size; j++) {
      table.set(key(p), j);
      p = p.add(G);
    }
    tables.set(size, table);
  }
  return table;
}

/** m with M = m·G and 0 ≤ m ≤ bound, or CryptoError NOT_FOUND. */
export function discreteLog(M: Point, bound: number, field = 'count'): number {
  if (!Number.isSafeInteger(bound) || bound < 0 || bound > MAX_DLOG_BOUND)
    fail('BAD_PARAMS', 'bound', `bound must be an integer in 0..${MAX_DLOG_BOUND}`);
  const size = Math.ceil(Math.sqrt(bound + 1));
  const table = babySteps(size);
  // Giant steps: M − i·s·G for i = 0, 1, … while i·s ≤ bound.
  const stride = G.multiply(BigInt(size)).negate();
  let p = M;
  for (let base = 0; base <= bound; base += size) {
    const j = table.get(key(p));
    if (j !== undefined) {
      const m = base + j;
      if (m <= bound) return m;
      break; // j·G collisions are impossible (j < s ≪ ℓ), so m is the only candidate
    }
    p = p.add(stride);
  }
  return fail('NOT_FOUND', field, `no discrete log in 0..${bound}`);
}
