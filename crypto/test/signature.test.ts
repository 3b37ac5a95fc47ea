import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { b64ToBytesStrict, bytesToB64, bytesToHex } from '../src/bytes.ts';
import { deriveCredentialKeys, generateCredentialCode } from '../src/credential.ts';
import {
  SIGNATURE_PURPOSES,
  generateSigningKey,
  parseSigningPublicKey,
  signDocument,
  signatureMessage,
  signingKeyFromSecret,
  verifyDocument,
  type SignaturePurpose,
} from '../src/signature.ts';
import vectors from './vectors/credentials.json' with { type: 'json' };
import { errorOf, hexToB64, withUnusedBits } from './helpers.ts';

const L = ed25519.Point.Fn.ORDER;
const P = ed25519.Point.Fp.ORDER;

function leBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}
function leNumber(b: Uint8Array): bigint {
  let n = 0n;
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!);
  return n;
}
/** Keys and signatures are base64url (SPEC §1.2). */
const enc = (b: Uint8Array) => bytesToB64(b);
const dec = (t: string) => b64ToBytesStrict(t, 't', Math.floor((t.length * 3) / 4));

const body = { type: 'ballot', election: 'e1', contests: [{ id: 'mayor', choices: ['aa', 'bb'] }], seq: 7 };

describe('signed documents (SPEC §7.4)', () => {
  it('match the known-answer vectors (independent node:crypto generator)', () => {
    const purpose = vectors.purpose as SignaturePurpose;
    expect(bytesToHex(signatureMessage(purpose, vectors.body))).toBe(vectors.messageHex);
    for (const v of vectors.cases) {
      const k = deriveCredentialKeys(v.electionId, v.code);
      // The vectors hold bytes in hex; the API speaks base64url.
      const signature = hexToB64(v.signatureHex);
      expect(k.publicKeyText).toBe(hexToB64(v.publicKeyHex));
      expect(signDocument(purpose, vectors.body, k.secretKey)).toBe(signature);
      expect(verifyDocument(purpose, vectors.body, signature, k.publicKeyText)).toBe(true);
      for (const other of SIGNATURE_PURPOSES.filter((p) => p !== purpose))
        expect(verifyDocument(other, vectors.body, signature, k.publicKeyText)).toBe(false);
    }
  });

  it('lays out the message as tag ‖ 0x00 ‖ canonical JSON', () => {
    const m = signatureMessage('receipt', { b: 1, a: 'x' });
    expect(Buffer.from(m).toString('latin1')).toBe('saylau/v1/receipt\u0000{"a":"x","b":1}');
  });

  it('verifies for every purpose with server, trustee and credential keys', () => {
    const keys = [
      generateSigningKey(),
      generateSigningKey(),
      deriveCredentialKeys('e1', generateCredentialCode()),
    ];
    for (const k of keys) {
      expect(k.publicKey).toHaveLength(32);
      expect(signingKeyFromSecret(k.secretKey).publicKeyText).toBe(k.publicKeyText);
      for (const p of SIGNATURE_PURPOSES) {
        const sig = signDocument(p, body, k.secretKey);
        expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
        expect(signDocument(p, body, k.secretKey)).toBe(sig); // deterministic
        expect(verifyDocument(p, body, sig, k.publicKeyText)).toBe(true);
      }
    }
  });

  it('refuses a signature made for another purpose', () => {
    const k = generateSigningKey();
    for (const p of SIGNATURE_PURPOSES) {
      const sig = signDocument(p, body, k.secretKey);
      for (const q of SIGNATURE_PURPOSES) expect(verifyDocument(q, body, sig, k.publicKeyText)).toBe(p === q);
    }
  });

  it('binds the body up to canonical form: reordered keys verify, any change does not', () => {
    const k = generateSigningKey();
    const sig = signDocument('ballot', body, k.secretKey);
    const reordered = {
      seq: 7,
      contests: [{ choices: ['aa', 'bb'], id: 'mayor' }],
      election: 'e1',
      type: 'ballot',
    };
    expect(verifyDocument('ballot', reordered, sig, k.publicKeyText)).toBe(true);
    const changed = [
      { ...body, seq: 8 },
      { ...body, election: 'e2' },
      { ...body, contests: [{ id: 'mayor', choices: ['bb', 'aa'] }] },
      { ...body, extra: null },
      { type: body.type, election: body.election, contests: body.contests },
      { ...body, seq: '7' },
    ];
    for (const b of changed) expect(verifyDocument('ballot', b, sig, k.publicKeyText)).toBe(false);
  });

  it('refuses another key', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(verifyDocument('ballot', body, signDocument('ballot', body, a.secretKey), b.publicKeyText)).toBe(
      false,
    );
  });

  it('refuses every single flipped bit of the signature', () => {
    const k = generateSigningKey();
    const sig = dec(signDocument('checkpoint', body, k.secretKey));
    for (let bit = 0; bit < 512; bit++) {
      const bad = sig.slice();
      bad[bit >> 3]! ^= 1 << (bit & 7);
      expect(verifyDocument('checkpoint', body, enc(bad), k.publicKeyText)).toBe(false);
    }
  });

  it('refuses a non-canonical S (S + ℓ), although the equation still holds', () => {
    const k = generateSigningKey();
    const sig = dec(signDocument('ballot', body, k.secretKey));
    const s = leNumber(sig.subarray(32));
    expect(s < L).toBe(true);
    expect(s + L < 2n ** 256n).toBe(true);
    const malleated = new Uint8Array([...sig.subarray(0, 32), ...leBytes(s + L, 32)]);
    expect(verifyDocument('ballot', body, enc(malleated), k.publicKeyText)).toBe(false);
    // S + 2ℓ, … up to the top of 256 bits: all refused.
    for (let j = 2n; s + j * L < 2n ** 256n; j++) {
      const m = new Uint8Array([...sig.subarray(0, 32), ...leBytes(s + j * L, 32)]);
      expect(verifyDocument('ballot', body, enc(m), k.publicKeyText)).toBe(false);
    }
  });

  it('refuses malformed signatures with a CryptoError naming the field', () => {
    const k = generateSigningKey();
    const sig = signDocument('ballot', body, k.secretKey);
    for (const [bad, code] of [
      [sig.slice(0, 85), 'BAD_LENGTH'],
      [sig + 'AA', 'BAD_LENGTH'],
      ['', 'BAD_LENGTH'],
      [bytesToHex(dec(sig)), 'BAD_LENGTH'], // the earlier hex form
      [withUnusedBits(sig), 'BAD_BASE64'], // the same bytes, spelt a second way
      [`${sig}==`, 'BAD_BASE64'],
      [`${sig.slice(0, 84)}==`, 'BAD_BASE64'],
      ['+/' + sig.slice(2), 'BAD_BASE64'],
      [' ' + sig.slice(1), 'BAD_BASE64'],
      [dec(sig), 'BAD_TYPE'],
      [null, 'BAD_TYPE'],
    ] as const) {
      const e = errorOf(() =>
        verifyDocument('ballot', body, bad, k.publicKeyText, { signature: 'ballot.signature' }),
      );
      expect(e.code).toBe(code);
      expect(e.field).toBe('ballot.signature');
    }
  });

  it('refuses malformed, non-canonical and small-order public keys', () => {
    const k = generateSigningKey();
    const sig = signDocument('ballot', body, k.secretKey);
    const check = (key: unknown, code: string) => {
      const e = errorOf(() => verifyDocument('ballot', body, sig, key, { publicKey: 'credential' }));
      expect(e.code).toBe(code);
      expect(e.field).toBe('credential');
    };
    check(k.publicKeyText.slice(2), 'BAD_LENGTH');
    check(withUnusedBits(k.publicKeyText), 'BAD_BASE64');
    check(`${k.publicKeyText}=`, 'BAD_BASE64');
    check(`${k.publicKeyText.slice(0, 42)}\n`, 'BAD_BASE64');
    check(bytesToHex(k.publicKey), 'BAD_LENGTH'); // the earlier hex form
    check(k.publicKey, 'BAD_TYPE');
    // y = p + 1: a non-canonical encoding of y = 1 (ZIP-215 would accept it).
    check(enc(leBytes(P + 1n, 32)), 'NON_CANONICAL');
    // x = 0 with the sign bit set.
    check(hexToB64('01' + '00'.repeat(30) + '80'), 'NON_CANONICAL');
    // The 8 torsion points: each a valid encoding, each of small order.
    const t8 = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'); // order 8
    const torsion = new Set<string>();
    for (let i = 0, t = t8; i < 8; i++, t = t.add(t8)) torsion.add(t.toHex());
    expect(torsion.size).toBe(8);
    for (const h of torsion) check(hexToB64(h), 'IDENTITY');
    // A y with no x on the curve.
    let y = 2n;
    for (; ; y++) {
      try {
        ed25519.Point.fromBytes(leBytes(y, 32));
      } catch {
        break;
      }
    }
    check(enc(leBytes(y, 32)), 'NON_CANONICAL');
  });

  it('refuses a non-canonical key encoding that noble accepts by default (ZIP-215)', () => {
    // Find y < 19 on the curve, not small order, so that y + p still fits in 255 bits.
    let found = false;
    for (let y = 2n; y < 19n; y++) {
      let pt;
      try {
        pt = ed25519.Point.fromBytes(leBytes(y, 32), false);
      } catch {
        continue;
      }
      if (pt.isSmallOrder()) continue;
      const alias = leBytes(y + P, 32);
      expect(ed25519.utils.isValidPublicKey(alias)).toBe(true); // the library default, zip215
      expect(errorOf(() => parseSigningPublicKey(enc(alias))).code).toBe('NON_CANONICAL');
      expect(parseSigningPublicKey(enc(leBytes(y, 32)))).toEqual(leBytes(y, 32));
      found = true;
    }
    expect(found).toBe(true);
  });

  it('refuses a signature whose R is a non-canonical encoding (valid under ZIP-215)', () => {
    // Signer-made: R = identity encoded as y = p + 1, S = k·a with k = H(R_bytes ‖ A ‖ M).
    const k = generateSigningKey();
    const { scalar: a } = ed25519.utils.getExtendedPublicKey(k.secretKey);
    const msg = signatureMessage('ballot', body);
    const forge = (rBytes: Uint8Array) => {
      const h = leNumber(sha512(new Uint8Array([...rBytes, ...k.publicKey, ...msg]))) % L;
      return new Uint8Array([...rBytes, ...leBytes((h * a) % L, 32)]);
    };
    const nonCanonical = forge(leBytes(P + 1n, 32));
    expect(ed25519.verify(nonCanonical, msg, k.publicKey)).toBe(true); // library default: zip215
    expect(verifyDocument('ballot', body, enc(nonCanonical), k.publicKeyText)).toBe(false);
    // The same with the canonical encoding of R is an RFC 8032 signature, and verifies.
    expect(verifyDocument('ballot', body, enc(forge(leBytes(1n, 32))), k.publicKeyText)).toBe(true);
  });

  it('refuses an unknown purpose, a non-JSON body and a bad secret key', () => {
    const k = generateSigningKey();
    const sig = signDocument('ballot', body, k.secretKey);
    expect(errorOf(() => signDocument('vote' as SignaturePurpose, body, k.secretKey)).code).toBe(
      'BAD_PARAMS',
    );
    expect(
      errorOf(() => verifyDocument('ballot/x' as SignaturePurpose, body, sig, k.publicKeyText)).code,
    ).toBe('BAD_PARAMS');
    expect(errorOf(() => signDocument('ballot', { a: undefined }, k.secretKey)).code).toBe('BAD_JSON');
    expect(errorOf(() => verifyDocument('ballot', { a: 1n }, sig, k.publicKeyText)).code).toBe('BAD_JSON');
    expect(errorOf(() => signDocument('ballot', body, k.secretKey.subarray(1))).code).toBe('BAD_LENGTH');
    expect(errorOf(() => signingKeyFromSecret(new Uint8Array(64))).code).toBe('BAD_LENGTH');
    expect(errorOf(() => signDocument('ballot', body, k.publicKeyText as unknown as Uint8Array)).code).toBe(
      'BAD_TYPE',
    );
  });
});
