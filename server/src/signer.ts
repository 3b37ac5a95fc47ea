/**
 * The server's Ed25519 signatures (SPEC §7.4) through Node's OpenSSL: receipts and checkpoints are
 * signed for every ballot, and OpenSSL signs in a tenth of the time of the pure code. Ed25519 is
 * deterministic, so the bytes are exactly those of @saylau/crypto's `signDocument` for the same key
 * and message (test/native-signer.test.ts checks it over many documents).
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { encodeSignature, signatureMessage, type SignaturePurpose } from '@saylau/crypto';

/** PKCS#8 DER of an Ed25519 private key, up to its 32-byte seed (RFC 8410 §7). */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export type DocumentSigner = (purpose: SignaturePurpose, body: unknown) => string;

export function nativeSigner(secretKey: Uint8Array): DocumentSigner {
  if (secretKey.length !== 32) throw new RangeError('an Ed25519 secret key is 32 bytes');
  const key: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
  return (purpose, body) => encodeSignature(new Uint8Array(sign(null, signatureMessage(purpose, body), key)));
}
