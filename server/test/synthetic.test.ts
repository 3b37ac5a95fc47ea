import { describe, expect, it } from 'vitest';
import { ageOn, parseIin } from '../src/roll/iin.ts';
import { syntheticVoters } from '../src/roll/synthetic.ts';

describe('synthetic voters', () => {
  it('are distinct, valid IINs of adults on election day, the same for the same seed', () => {
    const vs = syntheticVoters(500, '2026-12-20', 7);
    expect(new Set(vs.map((v) => v.iin)).size).toBe(500);
    for (const v of vs) {
      const p = parseIin(v.iin);
      expect(p.ok).toBe(true);
      if (p.ok) expect(ageOn(p.value.birthDate, '2026-12-20')).toBeGreaterThanOrEqual(18);
    }
    expect(syntheticVoters(5, '2026-12-20', 7)).toEqual(vs.slice(0, 5));
    expect(syntheticVoters(5, '2026-12-20', 8)).not.toEqual(vs.slice(0, 5));
  });
});
