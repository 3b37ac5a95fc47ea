/**
 * Trustee messages of the key ceremony (SPEC §10.6): the exact JSON a trustee posts, which is also
 * the board payload. Each is signed with the trustee's Ed25519 key, purpose `trustee-message`,
 * over the message without `signature` (SPEC §7.4).
 */
import { z } from 'zod';
import { CryptoError, verifyDocument } from '@saylau/crypto';
import { Hex } from '../http/validate.ts';
import { badRequest } from '../http/errors.ts';

/** A trustee index (SPEC §6.1): 1..15. */
export const Index = z.number().int().min(1).max(15);

const SchnorrJson = z.strictObject({ commitment: Hex(32), response: Hex(32) });
export const CommitmentsJson = z.strictObject({
  dealer: Index,
  coefficients: z
    .array(z.strictObject({ point: Hex(32), proof: SchnorrJson }))
    .min(2)
    .max(15),
});
export const EncryptedShareJson = z.strictObject({
  dealer: Index,
  recipient: Index,
  ephemeralPublicKey: Hex(32),
  nonce: Hex(24),
  box: Hex(48),
});

/** `dkg-dealing` (SPEC §6.2, §6.3): dealer i's commitments and one box for every other trustee. */
export const DealingMessage = z.strictObject({
  dealer: Index,
  commitments: CommitmentsJson,
  shares: z.array(EncryptedShareJson).max(14),
  signature: Hex(64),
});
export type DealingMessage = z.infer<typeof DealingMessage>;

/** `dkg-complaint` (SPEC §6.5 a), bound to the ceremony by its fingerprint. */
export const ComplaintMessage = z.strictObject({
  ceremony: Hex(32),
  dealer: Index,
  recipient: Index,
  sharedKey: Hex(32),
  signature: Hex(64),
});
export type ComplaintMessage = z.infer<typeof ComplaintMessage>;

/** `dkg-answer` (SPEC §6.5 b). */
export const AnswerMessage = z.strictObject({
  ceremony: Hex(32),
  dealer: Index,
  recipient: Index,
  ephemeralSecretKey: Hex(32),
  signature: Hex(64),
});
export type AnswerMessage = z.infer<typeof AnswerMessage>;

/** The signed body: the message without its signature. */
export function unsigned<T extends { signature: string }>(m: T): Omit<T, 'signature'> {
  const body: Partial<T> = { ...m };
  delete body.signature;
  return body as Omit<T, 'signature'>;
}

/** 400 BAD_SIGNATURE unless `signature` is the trustee's signature of the rest of `m`. */
export function requireTrusteeSignature(m: { signature: string }, signingKey: string): void {
  let ok = false;
  try {
    ok = verifyDocument('trustee-message', unsigned(m), m.signature, signingKey);
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
  }
  if (!ok) throw badRequest('BAD_SIGNATURE', "the message is not signed by this trustee's key");
}
