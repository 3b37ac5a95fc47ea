/** Canonical JSON (SPEC §3.1) against RFC 8785's own examples and the JCS reference testdata. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../src/canonical-json.ts';
import { bytesToHex } from '../src/bytes.ts';
import V from './vectors/rfc8785-jcs.json' with { type: 'json' };
import { errorOf } from './helpers.ts';

/** The numbers SPEC §3.1 lets a document carry. */
const inSpec = (n: number) => Number.isSafeInteger(n);

function refusedAt(value: unknown): string {
  const e = errorOf(() => canonicalJson(value));
  expect(e.code).toBe('BAD_JSON');
  return e.field;
}

describe('canonical JSON against RFC 8785 (SPEC §3.1)', () => {
  it('refuses the §3.2.2 sample for its first number, a fraction, and gives the §3.2.3 form of the rest', () => {
    // The RFC's own canonical text and its §3.2.4 UTF-8 bytes agree (the copy is exact).
    expect(Buffer.from(V.sample.canonical, 'utf8').toString('hex')).toBe(V.sample.utf8Hex);
    const { numbers, ...rest } = JSON.parse(V.sample.input) as { numbers: number[] };
    expect(refusedAt({ numbers, ...rest })).toBe('$.numbers[0]');
    const member = /"numbers":\[([^\]]*)\],/.exec(V.sample.canonical)!;
    expect(canonicalJson(rest)).toBe(V.sample.canonical.replace(member[0], ''));
    expect(bytesToHex(canonicalJsonBytes(rest))).toBe(
      V.sample.utf8Hex.replace(Buffer.from(member[0]).toString('hex'), ''),
    );
    // Each number alone: as the RFC spells it where SPEC §3.1 allows it, refused where not.
    const spelled = member[1]!.split(',');
    numbers.forEach((n, i) => {
      if (inSpec(n)) expect(canonicalJson(n)).toBe(spelled[i]);
      else expect(refusedAt([n])).toBe('$[0]');
    });
    expect(numbers.filter(inSpec)).toHaveLength(0);
  });

  it('sorts the §3.2.3 property names by UTF-16 code units', () => {
    const out = canonicalJson(JSON.parse(V.sorting.input));
    const at = V.sorting.valueOrder.map((v) => out.indexOf(`:"${v}"`));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // "1" sorts after "\r": a JS object lists integer-like keys first, so this is not insertion order.
    expect(out.startsWith('{"\\r":"Carriage Return","1":"One",')).toBe(true);
  });

  it('spells the Appendix B numbers in the safe range as the RFC does, and refuses the others', () => {
    expect(V.numbers).toHaveLength(26);
    const view = new DataView(new ArrayBuffer(8));
    let spelled = 0;
    for (const row of V.numbers) {
      view.setBigUint64(0, BigInt('0x' + row.ieee754));
      const n = view.getFloat64(0);
      // The RFC's column is ECMAScript's spelling (null for NaN and Infinity): the row is copied right.
      expect(Number.isFinite(n) ? JSON.stringify(n) : null, row.ieee754).toBe(row.json);
      if (inSpec(n)) {
        expect(canonicalJson({ n }), row.ieee754).toBe(`{"n":${row.json}}`);
        spelled++;
      } else expect(refusedAt({ n }), row.ieee754).toBe('$.n');
    }
    expect(spelled).toBe(2); // zero and minus zero; the fractions and the 13 out of range are refused
  });

  it('matches the JCS reference testdata, and refuses values.json for its 1E30', () => {
    expect(V.testdata.map((t) => t.name)).toEqual(['structures', 'weird', 'unicode', 'french', 'values']);
    for (const t of V.testdata) {
      const input: unknown = JSON.parse(t.input);
      if (t.name === 'values') expect(refusedAt(input)).toBe('$.numbers[0]');
      else expect(canonicalJson(input), t.name).toBe(t.output);
    }
  });
});

describe('numbers in canonical JSON (SPEC §3.1)', () => {
  it('accepts the safe range to its ends, and writes −0 as 0 (RFC 8785 Appendix B)', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(max).toBe(2 ** 53 - 1);
    expect(canonicalJson([max, -max, 0, -0])).toBe('[9007199254740991,-9007199254740991,0,0]');
    expect(canonicalJson({ a: -0 })).toBe(canonicalJson({ a: 0 }));
  });

  it('refuses integers beyond it, NaN and ±Infinity, naming the field', () => {
    for (const n of [2 ** 53, -(2 ** 53), 2 ** 53 + 2, 2 ** 60, 1e21, Number.MAX_VALUE])
      expect(refusedAt({ tally: [1, n] })).toBe('$.tally[1]');
    for (const n of [NaN, Infinity, -Infinity]) {
      expect(refusedAt({ tally: [n] })).toBe('$.tally[0]');
      expect(() => canonicalJson(n)).toThrow(/non-finite/);
    }
  });

  it('refuses fractions: documents hold integers only (SPEC §3.1)', () => {
    for (const n of [0.5, -0.5, 1e-7, 0.01, 2 ** 51 + 0.5])
      expect(refusedAt({ share: [1, n] })).toBe('$.share[1]');
    expect(() => canonicalJson(0.5)).toThrow(/not a safe integer/);
  });
});
