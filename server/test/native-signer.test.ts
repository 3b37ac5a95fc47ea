/**
 * The server signs receipts and checkpoints with Node's OpenSSL (server/src/signer.ts); Ed25519 is
 * deterministic, so each signature must be byte for byte the pure signer's (SPEC §7.4).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIGNATURE_PURPOSES, generateSigningKey, signDocument, verifyDocument } from '@saylau/crypto';
import { nativeSigner } from '../src/signer.ts';

/** Documents as canonical JSON allows them (SPEC §3.1): safe integers, strings, nesting. */
const doc = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('native Ed25519 signer', () => {
  it('gives the pure signer’s bytes for every purpose, key and document', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.constantFrom(...SIGNATURE_PURPOSES),
        doc,
        (secret, purpose, body) => {
          const native = nativeSigner(secret)(purpose, body);
          expect(native).toBe(signDocument(purpose, body, secret));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('signs what the strict verifier accepts, and nothing else', () => {
    const key = generateSigningKey();
    const sign = nativeSigner(key.secretKey);
    const receipt = { election: 'e', tracker: 'T', seq: 3, hash: 'ab'.repeat(32) };
    const signature = sign('receipt', receipt);
    expect(verifyDocument('receipt', receipt, signature, key.publicKeyText)).toBe(true);
    expect(verifyDocument('checkpoint', receipt, signature, key.publicKeyText)).toBe(false);
    expect(verifyDocument('receipt', { ...receipt, seq: 4 }, signature, key.publicKeyText)).toBe(false);
    expect(() => nativeSigner(new Uint8Array(31))).toThrow(RangeError);
  });
});
