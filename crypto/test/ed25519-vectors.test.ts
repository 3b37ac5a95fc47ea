/** Ed25519 signatures (SPEC §7.4) against RFC 8032 §7.1 and the ed25519-speccheck edge cases. */
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { bytesToB64, bytesToHex, utf8ToBytes } from '../src/bytes.ts';
import { signingKeyFromSecret, verifySignatureBytes } from '../src/signature.ts';
import RFC from './vectors/rfc8032-ed25519.json' with { type: 'json' };
import SPECCHECK from './vectors/ed25519-speccheck.json' with { type: 'json' };
import { errorOf, hexToB64 } from './helpers.ts';

const L = ed25519.Point.Fn.ORDER;
const unhex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
/** The vectors' keys and signatures are hex bytes; the API takes base64url (SPEC §1.2). */
const b64 = (h: string) => hexToB64(h);
const flipBit = (b: Uint8Array, bit: number) => {
  const out = b.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
};

describe('Ed25519 against RFC 8032 §7.1 (SPEC §7.4)', () => {
  it('derives each public key from its secret key', () => {
    expect(RFC.vectors.map((v) => v.name)).toEqual([
      'TEST 1',
      'TEST 2',
      'TEST 3',
      'TEST 1024',
      'TEST SHA(abc)',
    ]);
    for (const v of RFC.vectors)
      expect(signingKeyFromSecret(unhex(v.secretKey)).publicKeyText).toBe(hexToB64(v.publicKey));
  });

  it('accepts each signature on its message', () => {
    expect(RFC.vectors[3]!.message).toHaveLength(2 * 1023);
    expect(RFC.vectors[4]!.message).toBe(bytesToHex(sha512(utf8ToBytes('abc'))));
    for (const v of RFC.vectors)
      expect(verifySignatureBytes(unhex(v.message), b64(v.signature), b64(v.publicKey)), v.name).toBe(true);
  });

  it('refuses each signature with a bit flipped in any one of its 64 bytes', () => {
    for (const v of RFC.vectors) {
      const sig = unhex(v.signature);
      for (let byte = 0; byte < 64; byte++) {
        const bad = flipBit(sig, 8 * byte + (byte % 8));
        expect(verifySignatureBytes(unhex(v.message), bytesToB64(bad), b64(v.publicKey))).toBe(false);
      }
    }
  });

  it('refuses each signature on a changed message and under another key', () => {
    RFC.vectors.forEach((v, i) => {
      const msg = unhex(v.message);
      const changed = msg.length === 0 ? new Uint8Array([0]) : flipBit(msg, 0);
      expect(verifySignatureBytes(changed, b64(v.signature), b64(v.publicKey))).toBe(false);
      const other = RFC.vectors[(i + 1) % RFC.vectors.length]!.publicKey;
      expect(verifySignatureBytes(msg, b64(v.signature), b64(other))).toBe(false);
    });
  });

  it('refuses S + ℓ, which satisfies the equation but is not canonical (RFC 8032 §5.1.7)', () => {
    for (const v of RFC.vectors) {
      const sig = unhex(v.signature);
      const s = bytesToNumberLE(sig.subarray(32));
      const malleated = new Uint8Array([...sig.subarray(0, 32), ...numberToBytesLE(s + L, 32)]);
      expect(verifySignatureBytes(unhex(v.message), bytesToB64(malleated), b64(v.publicKey))).toBe(false);
    }
  });
});

type Kind = 'small' | 'mixed' | 'prime' | 'non-canonical';

/** Order class of a 32-byte point encoding, by the library, for stating each case's premise. */
function kind(bytes: Uint8Array): Kind {
  let p;
  try {
    p = ed25519.Point.fromBytes(bytes, false);
  } catch {
    return 'non-canonical';
  }
  return p.isSmallOrder() ? 'small' : p.isTorsionFree() ? 'prime' : 'mixed';
}

/**
 * Each case's A, R and S, and the outcome SPEC §7.4 demands: true / false from a well-formed
 * input, or the CryptoError code of a key refused as malformed.
 */
const CASES: { A: Kind; R: Kind; bigS: boolean; outcome: boolean | string; why: string }[] = [
  { A: 'small', R: 'small', bigS: false, outcome: 'IDENTITY', why: 'step 2 refuses a small-order A' },
  { A: 'small', R: 'small', bigS: false, outcome: 'IDENTITY', why: 'step 2 refuses a small-order A' },
  { A: 'small', R: 'mixed', bigS: false, outcome: 'IDENTITY', why: 'step 2 refuses a small-order A' },
  { A: 'small', R: 'mixed', bigS: false, outcome: 'IDENTITY', why: 'step 2 refuses a small-order A' },
  { A: 'mixed', R: 'small', bigS: false, outcome: true, why: 'step 4 allows a small R; 8× equation holds' },
  { A: 'mixed', R: 'small', bigS: false, outcome: true, why: 'step 4 allows a small R; 8× equation holds' },
  { A: 'mixed', R: 'mixed', bigS: false, outcome: true, why: 'mixed order is not small; 8× equation holds' },
  { A: 'mixed', R: 'mixed', bigS: false, outcome: true, why: 'holds only with the 8× equation of step 5' },
  {
    A: 'mixed',
    R: 'prime',
    bigS: false,
    outcome: true,
    why: 'step 5: k mod ℓ, then 8·(k·A), not (8k mod ℓ)·A',
  },
  { A: 'prime', R: 'prime', bigS: true, outcome: false, why: 'step 3: S ≥ ℓ' },
  { A: 'prime', R: 'prime', bigS: true, outcome: false, why: 'step 3: S ≥ ℓ (even ≥ 2^253)' },
  { A: 'mixed', R: 'non-canonical', bigS: false, outcome: false, why: 'step 4: R is not canonical' },
  { A: 'mixed', R: 'non-canonical', bigS: false, outcome: false, why: 'step 4: R is not canonical' },
  { A: 'non-canonical', R: 'mixed', bigS: false, outcome: 'NON_CANONICAL', why: 'step 2: x = 0, sign bit 1' },
  { A: 'non-canonical', R: 'mixed', bigS: false, outcome: 'NON_CANONICAL', why: 'step 2: x = 0, sign bit 1' },
];

describe('ed25519-speccheck cases under the SPEC §7.4 policy', () => {
  it('have the premises stated for them', () => {
    expect(SPECCHECK.cases).toHaveLength(CASES.length);
    SPECCHECK.cases.forEach((c, i) => {
      const sig = unhex(c.signature);
      const premise = { A: kind(unhex(c.pub_key)), R: kind(sig.subarray(0, 32)) };
      expect({ ...premise, bigS: bytesToNumberLE(sig.subarray(32)) >= L }, `case ${i}`).toEqual({
        A: CASES[i]!.A,
        R: CASES[i]!.R,
        bigS: CASES[i]!.bigS,
      });
    });
  });

  it('are accepted or refused as SPEC §7.4 demands', () => {
    SPECCHECK.cases.forEach((c, i) => {
      const { outcome, why } = CASES[i]!;
      const run = () => verifySignatureBytes(unhex(c.message), b64(c.signature), b64(c.pub_key));
      if (typeof outcome === 'boolean') expect(run(), `case ${i}: ${why}`).toBe(outcome);
      else expect(errorOf(run).code, `case ${i}: ${why}`).toBe(outcome);
    });
  });

  it('refuses the accepted cases on any other message', () => {
    const accepted = SPECCHECK.cases.filter((_, i) => CASES[i]!.outcome === true);
    expect(accepted).toHaveLength(5);
    for (const c of accepted) {
      expect(verifySignatureBytes(flipBit(unhex(c.message), 0), b64(c.signature), b64(c.pub_key))).toBe(
        false,
      );
      for (const d of accepted.filter((d) => d.message !== c.message))
        expect(verifySignatureBytes(unhex(d.message), b64(c.signature), b64(c.pub_key))).toBe(false);
    }
  });
});
