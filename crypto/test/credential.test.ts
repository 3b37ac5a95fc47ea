import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASE58_ALPHABET, base58Digit, decodeBase58Fixed, encodeBase58Fixed } from '../src/base58.ts';
import {
  CHECK_MODULUS,
  CODE_LENGTH,
  deriveCredentialKeys,
  formatCredentialCode,
  generateCredentialCode,
  parseCredentialCode,
  parseCredentialList,
  publicCredentialList,
  sortCredentialList,
} from '../src/credential.ts';
import vectors from './vectors/credentials.json' with { type: 'json' };
import { b64ToHex, errorOf, hexToB64, withUnusedBits } from './helpers.ts';

/** Build a valid code from 16 payload digits, independently of credential.ts. */
function codeFromDigits(digits: readonly number[]): string {
  let n = 0n;
  for (const d of digits) n = n * 58n + BigInt(d);
  const c = Number(n % 3361n);
  return (
    digits.map((d) => BASE58_ALPHABET[d]).join('') +
    BASE58_ALPHABET[Math.floor(c / 58)]! +
    BASE58_ALPHABET[c % 58]!
  );
}

const FIXED = '7dKq9XmPbR3sTuVwqs'; // from the vector file; no two adjacent characters are equal

describe('base58 (SPEC §7.1)', () => {
  it('round-trips fixed-length numbers at the edges', () => {
    for (const [n, len] of [
      [0n, 1],
      [57n, 1],
      [58n, 2],
      [3360n, 2],
      [58n ** 16n - 1n, 16],
    ] as const) {
      const s = encodeBase58Fixed(n, len);
      expect(s).toHaveLength(len);
      expect(decodeBase58Fixed(s, 'x')).toBe(n);
    }
    expect(encodeBase58Fixed(0n, 3)).toBe('111');
    expect(encodeBase58Fixed(57n, 2)).toBe('1z');
  });

  it('refuses numbers that do not fit', () => {
    expect(errorOf(() => encodeBase58Fixed(58n, 1)).code).toBe('BAD_PARAMS');
    expect(errorOf(() => encodeBase58Fixed(-1n, 4)).code).toBe('BAD_PARAMS');
    expect(errorOf(() => encodeBase58Fixed(1n, 0)).code).toBe('BAD_PARAMS');
  });

  it('has 58 distinct characters and none of 0 O I l', () => {
    expect(new Set(BASE58_ALPHABET).size).toBe(58);
    for (const c of '0OIl+/=') expect(base58Digit(c)).toBe(-1);
    expect(errorOf(() => decodeBase58Fixed('12O4', 'x')).field).toBe('x[2]');
  });
});

describe('credential codes (SPEC §7.1)', () => {
  it('generates well-formed, distinct codes that parse', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const { payload, code } = generateCredentialCode();
      expect(code).toMatch(/^[1-9A-HJ-NP-Za-km-z]{18}$/);
      expect(code.startsWith(payload)).toBe(true);
      expect(parseCredentialCode(code)).toEqual({ payload, code });
      seen.add(code);
    }
    expect(seen.size).toBe(500);
  });

  it('draws payload digits uniformly (loose chi-square, 57 degrees of freedom)', () => {
    const counts = new Array<number>(58).fill(0);
    const codes = 2000;
    for (let i = 0; i < codes; i++)
      for (const c of generateCredentialCode().payload) counts[base58Digit(c)]!++;
    const expected = (codes * 16) / 58;
    const chi2 = counts.reduce((s, k) => s + (k - expected) ** 2 / expected, 0);
    // Mean 57, sd ≈ 10.7; 140 is ~7.8 sd: only a real bias (e.g. plain `b % 58`) fails.
    expect(chi2).toBeLessThan(140);
  });

  it('computes the check as N mod 3361 in two digits', () => {
    expect(parseCredentialCode('111111111111111111').payload).toBe('1111111111111111');
    const n = 58n ** 16n - 1n;
    expect(parseCredentialCode('zzzzzzzzzzzzzzzz' + encodeBase58Fixed(n % CHECK_MODULUS, 2)).code).toBe(
      'zzzzzzzzzzzzzzzzxA',
    );
    for (const v of vectors.cases) expect(parseCredentialCode(v.code).code).toBe(v.code);
  });

  it('detects every single substitution in one code (18 × 57, exhaustive)', () => {
    for (const code of [FIXED, generateCredentialCode().code]) {
      let tried = 0;
      for (let i = 0; i < CODE_LENGTH; i++) {
        for (const c of BASE58_ALPHABET) {
          if (c === code[i]) continue;
          const bad = code.slice(0, i) + c + code.slice(i + 1);
          expect(errorOf(() => parseCredentialCode(bad)).code).toBe('BAD_CHECKSUM');
          tried++;
        }
      }
      expect(tried).toBe(18 * 57);
    }
  });

  it('detects every adjacent transposition in one code (17, exhaustive)', () => {
    let tried = 0;
    for (let i = 0; i + 1 < CODE_LENGTH; i++) {
      expect(FIXED[i]).not.toBe(FIXED[i + 1]);
      const bad = FIXED.slice(0, i) + FIXED[i + 1] + FIXED[i] + FIXED.slice(i + 2);
      expect(errorOf(() => parseCredentialCode(bad)).code).toBe('BAD_CHECKSUM');
      tried++;
    }
    expect(tried).toBe(17);
  });

  const payloadDigits = fc.array(fc.integer({ min: 0, max: 57 }), { minLength: 16, maxLength: 16 });

  it('property: any substitution at any position of any code is detected', () => {
    fc.assert(
      fc.property(
        payloadDigits,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 57 }),
        (digits, pos, shift) => {
          const code = codeFromDigits(digits);
          expect(parseCredentialCode(code).code).toBe(code);
          const c = BASE58_ALPHABET[(base58Digit(code[pos]!) + shift) % 58]!;
          const bad = code.slice(0, pos) + c + code.slice(pos + 1);
          expect(errorOf(() => parseCredentialCode(bad)).code).toBe('BAD_CHECKSUM');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: any adjacent transposition of two different characters is detected', () => {
    fc.assert(
      fc.property(payloadDigits, fc.integer({ min: 0, max: 16 }), (digits, pos) => {
        const code = codeFromDigits(digits);
        fc.pre(code[pos] !== code[pos + 1]);
        const bad = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(errorOf(() => parseCredentialCode(bad)).code).toBe('BAD_CHECKSUM');
      }),
      { numRuns: 2000 },
    );
  });

  it('formats in groups of 4 and parses the display form back', () => {
    expect(formatCredentialCode(FIXED)).toBe('7dKq-9XmP-bR3s-TuVw-qs');
    for (const v of vectors.cases) expect(formatCredentialCode(v.code)).toBe(v.display);
    for (let i = 0; i < 50; i++) {
      const c = generateCredentialCode();
      const shown = formatCredentialCode(c);
      expect(shown).toMatch(/^(?:[^-]{4}-){4}[^-]{2}$/);
      expect(parseCredentialCode(shown)).toEqual(c);
      expect(formatCredentialCode(shown)).toBe(shown);
    }
  });

  it('ignores spaces, tabs, newlines and dashes anywhere', () => {
    for (const text of [
      '7dKq 9XmP bR3s TuVw qs',
      ' 7dKq-9XmP- bR3s--TuVwqs\n',
      '7d\tKq9XmPbR3sTuVw-q-s',
      FIXED,
    ])
      expect(parseCredentialCode(text).code).toBe(FIXED);
  });

  it('refuses characters outside the alphabet, naming the position', () => {
    for (const c of ['0', 'O', 'I', 'l', '_', '+', 'é', '\u2013' /* en dash */, '\u00a0' /* nbsp */]) {
      const bad = FIXED.slice(0, 5) + c + FIXED.slice(6);
      const e = errorOf(() => parseCredentialCode(bad));
      expect(e.code).toBe('BAD_TYPE');
      expect(e.field).toBe('credential[5]');
      expect(e.message).toContain('character 6');
    }
    // Position counts code characters only, not separators.
    expect(errorOf(() => parseCredentialCode('7dKq-9XmP-0R3s-TuVw-qs')).field).toBe('credential[8]');
    expect(errorOf(() => parseCredentialCode('7dKq-9XmP-bR3s-TuVw-qz', 'ballot.code')).field).toBe(
      'ballot.code',
    );
  });

  it('is case-sensitive: changing case is an error, never silently mapped', () => {
    expect(errorOf(() => parseCredentialCode(FIXED.toUpperCase())).code).toBe('BAD_CHECKSUM');
    expect(errorOf(() => parseCredentialCode(FIXED.toLowerCase())).code).toBe('BAD_CHECKSUM');
    // 'd' → 'D' is a plain substitution, caught by the check characters.
    expect(errorOf(() => parseCredentialCode('7DKq9XmPbR3sTuVwqs')).code).toBe('BAD_CHECKSUM');
    // 'L' → 'l' leaves the alphabet: refused by position.
    expect(errorOf(() => parseCredentialCode('Hn2BcEf8GjlmN4pQBD')).field).toBe('credential[10]');
  });

  it('refuses wrong lengths and non-strings', () => {
    for (const text of ['', FIXED.slice(0, 17), FIXED + '1', FIXED.slice(0, 16), '-- --'])
      expect(errorOf(() => parseCredentialCode(text)).code).toBe('BAD_LENGTH');
    expect(errorOf(() => parseCredentialCode('1'.repeat(1000))).code).toBe('BAD_LENGTH');
    for (const v of [undefined, null, 42, ['7dKq'], { code: FIXED }])
      expect(errorOf(() => parseCredentialCode(v)).code).toBe('BAD_TYPE');
  });
});

describe('credential keys (SPEC §7.2)', () => {
  it('match the known-answer vectors (independent node:crypto generator)', () => {
    for (const v of vectors.cases) {
      const k = deriveCredentialKeys(v.electionId, v.code);
      expect(Buffer.from(k.secretKey).toString('hex')).toBe(v.secretKeyHex);
      // The vectors hold the key's bytes in hex; the list and ballots carry base64url (SPEC §1.2).
      expect(Buffer.from(k.publicKey).toString('hex')).toBe(v.publicKeyHex);
      expect(k.publicKeyText).toBe(hexToB64(v.publicKeyHex));
      expect(k.publicKey).toHaveLength(32);
      expect(deriveCredentialKeys(v.electionId, v.display).publicKeyText).toBe(hexToB64(v.publicKeyHex));
    }
  });

  it('is deterministic, and differs per election and per code', () => {
    const c = generateCredentialCode();
    const a = deriveCredentialKeys('e1', c);
    expect(deriveCredentialKeys('e1', formatCredentialCode(c)).publicKeyText).toBe(a.publicKeyText);
    expect(deriveCredentialKeys('e2', c).publicKeyText).not.toBe(a.publicKeyText);
    expect(deriveCredentialKeys('e1 ', c).publicKeyText).not.toBe(a.publicKeyText);
    expect(deriveCredentialKeys('e1', generateCredentialCode()).publicKeyText).not.toBe(a.publicKeyText);
    // Same code in two elections with the vectors' ids: unlinkable keys.
    expect(vectors.cases[2]!.code).toBe(vectors.cases[3]!.code);
    expect(vectors.cases[2]!.publicKeyHex).not.toBe(vectors.cases[3]!.publicKeyHex);
  });

  it('refuses a bad election id or a bad code', () => {
    for (const id of ['', 42, null, 'a\uD800b'])
      expect(errorOf(() => deriveCredentialKeys(id as string, FIXED)).code).toBe('BAD_TYPE');
    expect(errorOf(() => deriveCredentialKeys('e', '7dKq9XmPbR3sTuVwqz')).code).toBe('BAD_CHECKSUM');
  });
});

describe('public credential list (SPEC §7.3)', () => {
  it('is the sorted list of derived public keys', () => {
    const codes = Array.from({ length: 30 }, () => generateCredentialCode());
    const list = publicCredentialList('e', codes);
    expect(list).toHaveLength(30);
    expect(list).toEqual(codes.map((c) => deriveCredentialKeys('e', c).publicKeyText).sort());
    for (let i = 1; i < list.length; i++) expect(list[i - 1]! < list[i]!).toBe(true);
    expect(parseCredentialList(list)).toEqual(list);
    expect(sortCredentialList([...list].reverse())).toEqual(list);
  });

  it('refuses a repeated code, even in another display form', () => {
    const a = generateCredentialCode();
    const b = generateCredentialCode();
    const e = errorOf(() => publicCredentialList('e', [a, b, formatCredentialCode(a)]));
    expect(e.code).toBe('BAD_PARAMS');
    expect(e.field).toBe('codes[2]');
    expect(errorOf(() => publicCredentialList('e', [a.code, 'nonsense'])).field).toBe('codes[1]');
  });

  it('refuses unsorted, duplicate or invalid keys in a published list', () => {
    const list = publicCredentialList(
      'e',
      Array.from({ length: 3 }, () => generateCredentialCode()),
    );
    const [k0, k1, k2] = list as [string, string, string];
    expect(errorOf(() => parseCredentialList([k1, k0, k2])).field).toBe('credentials[1]');
    expect(errorOf(() => parseCredentialList([k0, k1, k1, k2])).field).toBe('credentials[2]');
    expect(errorOf(() => sortCredentialList([k0, k1, k0])).code).toBe('BAD_PARAMS');
    expect(errorOf(() => parseCredentialList([k0, withUnusedBits(k1)])).code).toBe('BAD_BASE64');
    expect(errorOf(() => parseCredentialList([k0, `${k1.slice(0, 42)}=`])).code).toBe('BAD_BASE64');
    expect(errorOf(() => parseCredentialList([k0, k1.slice(2)])).code).toBe('BAD_LENGTH');
    // The earlier form, hex, is refused whatever the order.
    expect(errorOf(() => parseCredentialList([k0, b64ToHex(k1)])).code).toBe('BAD_LENGTH');
    // The identity point (y = 1) is of small order: never a credential.
    expect(errorOf(() => parseCredentialList([hexToB64('01' + '00'.repeat(31))])).code).toBe('IDENTITY');
    expect(errorOf(() => parseCredentialList('abc')).code).toBe('BAD_TYPE');
    expect(parseCredentialList([])).toEqual([]);
  });

  it('skips decoding only the keys it is told were checked, and still checks the order', () => {
    const list = publicCredentialList(
      'e',
      Array.from({ length: 3 }, () => generateCredentialCode()),
    );
    const [k0, k1, k2] = list as [string, string, string];
    const small = hexToB64('01' + '00'.repeat(31)); // the identity: of small order, never a key
    expect(parseCredentialList(list, 'credentials', new Set(list))).toEqual(list);
    // A bad key not among the checked ones is still refused, at its index.
    const e = errorOf(() => parseCredentialList([small, k0, k1], 'credentials', new Set([k0, k1])));
    expect([e.code, e.field]).toEqual(['IDENTITY', 'credentials[0]']);
    // Checked keys out of order are refused as before.
    expect(errorOf(() => parseCredentialList([k1, k0, k2], 'credentials', new Set(list))).field).toBe(
      'credentials[1]',
    );
  });
});
