/**
 * Trustee messages of the key ceremony (SPEC §10.6): the exact JSON a trustee posts, which is also
 * the board payload. Each is signed with the trustee's Ed25519 key, purpose `trustee-message`,
 * over the message without `signature` (SPEC §7.4).
 */
import {
  AnswerMessage,
  CommitmentsJson,
  ComplaintMessage,
  DealingMessage,
  EncryptedShareJson,
  Index,
  Code,
} from '@saylau/protocol';
import { CryptoError, verifyDocument } from '@saylau/crypto';
import { badRequest } from '../http/errors.ts';

export { AnswerMessage, CommitmentsJson, ComplaintMessage, DealingMessage, EncryptedShareJson, Index };

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
  if (!ok) throw badRequest(Code.BAD_SIGNATURE, "the message is not signed by this trustee's key");
}
