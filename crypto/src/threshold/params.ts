/**
 * Threshold parameters and trustee indices (SPEC §6.1): t of n with 2 ≤ t ≤ n ≤ 15,
 * trustees numbered 1..n. Index 0 is never a trustee: f(0) is the joint secret.
 */
import { fail } from '../errors.ts';

export const MAX_TRUSTEES = 15;

export interface ThresholdParams {
  /** Shares needed to decrypt. */
  t: number;
  /** Number of trustees. */
  n: number;
}

export function checkParams(t: number, n: number): ThresholdParams {
  if (!Number.isInteger(n) || n < 2 || n > MAX_TRUSTEES)
    fail('BAD_PARAMS', 'n', `n must be an integer in 2..${MAX_TRUSTEES}`);
  if (!Number.isInteger(t) || t < 2 || t > n)
    fail('BAD_PARAMS', 't', `t must be an integer in 2..n (n = ${n})`);
  return { t, n };
}

/** A trustee index in 1..n (any n ≤ 15 when omitted). */
export function checkIndex(value: unknown, field: string, n: number = MAX_TRUSTEES): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail('BAD_TYPE', field, 'expected an integer');
  if (value < 1 || value > n) fail('BAD_PARAMS', field, `trustee index must be in 1..${n}`);
  return value;
}
