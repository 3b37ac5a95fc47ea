import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import canonicalizeCjs from 'canonicalize';
import { canonicalJson } from '../src/canonical-json.ts';
import { CryptoError } from '../src/errors.ts';
import { ORDER } from '../src/group.ts';
import { electionFingerprint, hashToScalar, taggedHash } from '../src/hash.ts';
import { utf8ToBytes } from '../src/bytes.ts';

// The package is CommonJS whose typings claim an ES default export; at run time the default is the function.
const canonicalize = canonicalizeCjs as unknown as (v: unknown) => string | undefined;

describe('canonical JSON (RFC 8785, SPEC §3.1)', () => {
  it('matches the RFC 8785 reference examples', () => {
    expect(canonicalJson({ b: 2, a: 1, c: [true, null, 'x'] })).toBe('{"a":1,"b":2,"c":[true,null,"x"]}');
    // RFC 8785 §3.2.3: sorting by UTF-16 code units.
    expect(
      canonicalJson({
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      }),
    ).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson([1e21, 1e-7, -0, 0.1, 333333333.3333333])).toBe(
      '[1e+21,1e-7,0,0.1,333333333.3333333]',
    );
  });

  it('agrees with an independent implementation on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON cannot carry', () => {
    for (const bad of [NaN, Infinity, undefined, 1n, () => 1, new Date(0), { a: undefined }, '\ud800'])
      expect(() => canonicalJson(bad)).toThrow(CryptoError);
    const deep: unknown[] = [];
    let cur = deep;
    for (let i = 0; i < 100; i++) cur.push((cur = []));
    expect(() => canonicalJson(deep)).toThrow(/nested too deeply/);
  });
});

describe('tagged hashing (SPEC §3.2–§3.4)', () => {
  it('separates domains and part boundaries', () => {
    const a = taggedHash('vector', [utf8ToBytes('ab'), utf8ToBytes('c')]);
    const b = taggedHash('vector', [utf8ToBytes('a'), utf8ToBytes('bc')]);
    const c = taggedHash('proof/schnorr', [utf8ToBytes('ab'), utf8ToBytes('c')]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
    expect(a.length).toBe(64);
  });

  it('reduces to scalars below ℓ', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        const s = hashToScalar('vector', [b]);
        expect(s >= 0n && s < ORDER).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('fingerprints the canonical form, not the key order', () => {
    const f1 = electionFingerprint({ a: 1, b: [1, 2] });
    const f2 = electionFingerprint({ b: [1, 2], a: 1 });
    const f3 = electionFingerprint({ a: 1, b: [2, 1] });
    expect(Buffer.from(f1).equals(Buffer.from(f2))).toBe(true);
    expect(Buffer.from(f1).equals(Buffer.from(f3))).toBe(false);
  });
});
