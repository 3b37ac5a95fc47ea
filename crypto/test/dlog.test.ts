import { describe, expect, it } from 'vitest';
import { G, smallMultiple } from '../src/group.ts';
import { discreteLog } from '../src/threshold/dlog.ts';
import { codeOf } from './helpers.ts';

describe('§6.9 baby-step giant-step', () => {
  const bound = 1_000_000;
  it('finds 0, 1, 999,999 and 10^6 quickly', () => {
    const start = performance.now();
    expect(discreteLog(smallMultiple(0), bound)).toBe(0);
    expect(discreteLog(smallMultiple(1), bound)).toBe(1);
    expect(discreteLog(smallMultiple(999_999), bound)).toBe(999_999);
    expect(discreteLog(smallMultiple(1_000_000), bound)).toBe(1_000_000);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('throws NOT_FOUND just outside the range', () => {
    expect(codeOf(() => discreteLog(smallMultiple(bound + 1), bound))).toEqual(['NOT_FOUND', 'count']);
    expect(codeOf(() => discreteLog(smallMultiple(6), 5, 'tally[0]'))).toEqual(['NOT_FOUND', 'tally[0]']);
    expect(codeOf(() => discreteLog(G.negate(), 100))).toEqual(['NOT_FOUND', 'count']);
    expect(codeOf(() => discreteLog(smallMultiple(1), 0))).toEqual(['NOT_FOUND', 'count']);
  });

  it('every value of a small range, including non-square bounds', () => {
    for (const b of [0, 1, 2, 3, 7, 10])
      for (let m = 0; m <= b; m++) expect(discreteLog(smallMultiple(m), b)).toBe(m);
  });

  it('refuses bad bounds', () => {
    expect(codeOf(() => discreteLog(G, -1))).toEqual(['BAD_PARAMS', 'bound']);
    expect(codeOf(() => discreteLog(G, 1.5))).toEqual(['BAD_PARAMS', 'bound']);
    expect(codeOf(() => discreteLog(G, 2 ** 33))).toEqual(['BAD_PARAMS', 'bound']);
  });
});
