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

/** JSON whose numbers are those SPEC §3.1 allows: integers of magnitude at most 2^53 − 1. */
const specJson = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.string(), fc.maxSafeInteger(), fc.integer()),
  array: fc.array(tie('json'), { maxLength: 5 }),
  object: fc.dictionary(fc.string(), tie('json'), { maxKeys: 5 }),
})).json;

describe('canonical JSON (RFC 8785, SPEC §3.1)', () => {
  // RFC 8785's own examples are in rfc8785-jcs.test.ts.
  it('agrees with an independent implementation on arbitrary JSON', () => {
    fc.assert(
      fc.property(specJson, (v) => {
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
