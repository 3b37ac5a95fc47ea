/**
 * Ed25519 signatures on canonical JSON documents (SPEC §7.4), strict RFC 8032 verification.
 * message = utf8("saylau/v1/" + purpose) ‖ 0x00 ‖ canonicalJson(body): the purpose prefix keeps a
 * signature on one kind of document from verifying as another kind.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { b64ToBytesStrict, bytesToB64, concatBytes, utf8ToBytes } from './bytes.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { fail } from './errors.ts';
import { TAG_PREFIX } from './hash.ts';

/** Every kind of signed document (SPEC §7.4). Adding one needs a SPEC entry. */
export type SignaturePurpose = 'ballot' | 'checkpoint' | 'receipt' | 'trustee-message';
export const SIGNATURE_PURPOSES: readonly SignaturePurpose[] = [
  'ballot',
  'checkpoint',
  'receipt',
  'trustee-message',
];

/** Order ℓ of the Ed25519 base point; a canonical S is < ℓ (RFC 8032 §5.1.7). */
const ED25519_ORDER: bigint = ed25519.Point.Fn.ORDER;

export interface SigningKeyPair {
  /** 32-byte Ed25519 secret key (seed). */
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly publicKeyText: string;
}

/** A fresh random key pair for the server or a trustee (SPEC §7.4). */
export function generateSigningKey(): SigningKeyPair {
  return signingKeyFromSecret(ed25519.utils.randomSecretKey());
}

export function signingKeyFromSecret(secretKey: Uint8Array): SigningKeyPair {
  checkSecretKey(secretKey);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, publicKeyText: bytesToB64(publicKey) };
}

function checkSecretKey(secretKey: unknown): asserts secretKey is Uint8Array {
  if (!(secretKey instanceof Uint8Array)) fail('BAD_TYPE', 'secretKey', 'expected a Uint8Array');
  if (secretKey.length !== 32) fail('BAD_LENGTH', 'secretKey', `expected 32 bytes, got ${secretKey.length}`);
}

function checkPurpose(purpose: unknown): asserts purpose is SignaturePurpose {
  if (!SIGNATURE_PURPOSES.includes(purpose as SignaturePurpose))
    fail('BAD_PARAMS', 'purpose', `unknown signature purpose ${JSON.stringify(purpose)}`);
}

/** The exact signed bytes (SPEC §7.4). Canonical JSON never contains a raw 0x00 byte. */
export function signatureMessage(purpose: SignaturePurpose, body: unknown): Uint8Array {
  checkPurpose(purpose);
  return concatBytes(utf8ToBytes(TAG_PREFIX + purpose), new Uint8Array([0]), canonicalJsonBytes(body));
}

/**
 * Decode a public key (SPEC §7.4): 43 characters of base64url (§1.2), the canonical encoding of a
 * curve point (y < p; x = 0 only with sign bit 0), not of small order (the 8 torsion points).
 */
export function parseSigningPublicKey(value: unknown, field = 'publicKey'): Uint8Array {
  const bytes = b64ToBytesStrict(value, field, 32);
  let point;
  try {
    point = ed25519.Point.fromBytes(bytes, false);
  } catch {
    fail('NON_CANONICAL', field, 'not the canonical encoding of an Ed25519 point');
  }
  if (point.isSmallOrder()) fail('IDENTITY', field, 'a small-order point is not a valid public key');
  return bytes;
}

/** Sign a document; returns the 64-byte signature R ‖ S in base64url (§1.2). Deterministic (RFC 8032). */
export function signDocument(purpose: SignaturePurpose, body: unknown, secretKey: Uint8Array): string {
  checkSecretKey(secretKey);
  return encodeSignature(ed25519.sign(signatureMessage(purpose, body), secretKey));
}

/** A signature's 64 bytes as documents carry them (SPEC §7.4), for signers outside this module. */
export function encodeSignature(signature: Uint8Array): string {
  if (signature.length !== 64) fail('BAD_LENGTH', 'signature', `expected 64 bytes, got ${signature.length}`);
  return bytesToB64(signature);
}

/**
 * Verify a document signature (SPEC §7.4). Malformed input throws CryptoError: a signature that is
 * not 86 characters of base64url, an invalid public key, an unknown purpose, a body that is not
 * canonical JSON. A well-formed signature that fails returns false, including a non-canonical one
 * (S ≥ ℓ, or R not a canonical point encoding).
 */
export function verifyDocument(
  purpose: SignaturePurpose,
  body: unknown,
  signature: unknown,
  publicKey: unknown,
  fields: { signature?: string; publicKey?: string } = {},
): boolean {
  const sig = b64ToBytesStrict(signature, fields.signature ?? 'signature', 64);
  const key = parseSigningPublicKey(publicKey, fields.publicKey ?? 'publicKey');
  return verifyParsed(signatureMessage(purpose, body), sig, key);
}

/**
 * SPEC §7.4 verification of message bytes M as they are (step 1 without purpose and body), for checking
 * the rule against published Ed25519 vectors. Documents go through verifyDocument, which builds M.
 */
export function verifySignatureBytes(message: Uint8Array, signature: unknown, publicKey: unknown): boolean {
  const sig = b64ToBytesStrict(signature, 'signature', 64);
  return verifyParsed(message, sig, parseSigningPublicKey(publicKey));
}

function verifyParsed(message: Uint8Array, sig: Uint8Array, key: Uint8Array): boolean {
  // Checked here as well as inside noble so the rule does not depend on a library default.
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
  if (s >= ED25519_ORDER) return false;
  // zip215: false = RFC 8032 strict: canonical R and A, S < ℓ, small-order A refused, cofactored check.
  return ed25519.verify(sig, message, key, { zip215: false });
}
