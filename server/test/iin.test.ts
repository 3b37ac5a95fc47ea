import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, iinCheckDigit, parseIin } from '../src/roll/iin.ts';

/** Complete 11 digits into a valid IIN, or null when no check digit exists for them. */
function complete(first11: string): string | null {
  const c = iinCheckDigit(first11);
  return c === null ? null : first11 + c;
}

describe('IIN (SPEC §10.3.2)', () => {
  it('accepts a valid IIN and derives birth date and sex', () => {
    const iin = complete('90051530012')!;
    expect(parseIin(iin)).toEqual({ ok: true, value: { iin, birthDate: '1990-05-15', sex: 'male' } });
    const f = complete('05022960034')!; // 29 Feb 2005 does not exist
    expect(parseIin(f)).toEqual({ ok: false, error: 'date' });
    const g = complete('04022960034')!; // 29 Feb 2004 does
    expect(parseIin(g)).toMatchObject({ ok: true, value: { birthDate: '2004-02-29', sex: 'female' } });
  });

  it('uses the second weight set when the first gives 10', () => {
    // Search a first-11 whose first weighted sum is 10, then check the documented rule by hand.
    let found: string | null = null;
    for (let s = 0; s < 10000 && found === null; s++) {
      const first11 = `8501013${String(s).padStart(4, '0')}`;
      const d = [...first11].map(Number);
      if (d.reduce((a, x, i) => a + x * (i + 1), 0) % 11 === 10) found = first11;
    }
    expect(found).not.toBeNull();
    const d = [...found!].map(Number);
    const second = d.reduce((a, x, i) => a + x * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(iinCheckDigit(found!)).toBe(second === 10 ? null : second);
  });

  it('accepts exactly one check digit for each first 11 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 9 }), (serial, wrong) => {
        const iin = complete(`7703153${String(serial).padStart(4, '0')}`);
        fc.pre(iin !== null);
        const bad = iin!.slice(0, 11) + wrong;
        expect(parseIin(bad).ok).toBe(wrong === Number(iin![11]));
      }),
    );
  });

  it('refuses bad formats, centuries and dates', () => {
    for (const bad of [
      '',
      '1234',
      '12345678901a',
      ' 900515300123',
      900515300123,
      null,
      '９００５１５３００１２３',
    ])
      expect(parseIin(bad)).toEqual({ ok: false, error: 'format' });
    expect(parseIin(complete('90051570012') ?? '900515700120')).toEqual({ ok: false, error: 'century' });
    expect(parseIin(complete('90135130012') ?? '901351300120')).toEqual({ ok: false, error: 'date' });
    expect(parseIin(complete('90001530012') ?? '900015300120')).toEqual({ ok: false, error: 'date' });
  });

  it('computes age on election day', () => {
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18);
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2001-12-31', '2026-11-25')).toBe(24);
    expect(ageOn('2004-02-29', '2029-02-28')).toBe(24);
    expect(ageOn('2004-02-29', '2029-03-01')).toBe(25);
  });
});
