/**
 * What a failed cast leads to (SPEC §10.9.2; §10.14 "Errors", "Network failure"). A refused request
 * writes nothing, so the same ballot may be sent again; a request without an answer may have been
 * written, so the board is asked by tracker before anything is sent again.
 */
import type { Attempt, Failure } from './state.ts';

export type CastNext =
  /** Fetch the board head again and sign once more: the board moved on meanwhile. */
  | 'resign'
  /** No answer: ask the board by tracker whether the ballot arrived. */
  | 'askBoard'
  /** The token was refused: sign in again silently and send once more. */
  | 'newToken'
  /** The fresh token was refused too: the voter signs in again. */
  | 'signinAgain'
  /** The silent sign-in itself failed (a reissued login code, say): the voter signs in again. */
  | 'signin'
  /** The credential is unknown or another voter's: the voter enters the code again. */
  | 'credentialAgain'
  /** The ballot itself was refused: it is dropped and the voter encrypts afresh. */
  | 'encryptAgain'
  /** Busy, or a failure on the device: the voter may send the same ballot again. */
  | 'sendAgain';

const ANCHOR_REFUSALS = new Set(['STALE_ANCHOR', 'BAD_ANCHOR']);
const BUSY = new Set(['VERIFIER_UNAVAILABLE', 'RATE_LIMITED']);
const TOKEN_ERRORS = new Set(['TOKEN_EXPIRED', 'TOKEN_USED', 'TOKEN_REVOKED', 'BAD_TOKEN', 'NO_TOKEN']);
const LOGIN_ERRORS = new Set(['BAD_LOGIN', 'LOCKED', 'BAD_IIN', 'BAD_LOGIN_CODE']);
/** The credential was refused: not on the list, or issued to another voter than the one signed in. */
const CREDENTIAL_ERRORS = new Set(['UNKNOWN_CREDENTIAL', 'NOT_YOUR_CREDENTIAL']);
const BALLOT_REFUSALS = new Set([
  'BAD_PROOF',
  'BAD_SIGNATURE',
  'COPIED_CIPHERTEXT',
  'TRACKER_TAKEN',
  'WRONG_ELECTION',
  'BAD_REQUEST',
]);

export function castRefusal(f: Failure, attempt: Attempt): CastNext {
  if (f.status === undefined) return 'sendAgain';
  if (ANCHOR_REFUSALS.has(f.code)) return attempt.anchorRetried ? 'sendAgain' : 'resign';
  if (BUSY.has(f.code)) return 'sendAgain';
  if (f.code === 'NETWORK' || f.code === 'BAD_RESPONSE' || f.status >= 500) return 'askBoard';
  if (TOKEN_ERRORS.has(f.code)) return attempt.tokenRetried ? 'signinAgain' : 'newToken';
  if (LOGIN_ERRORS.has(f.code)) return 'signin';
  if (CREDENTIAL_ERRORS.has(f.code)) return 'credentialAgain';
  if (BALLOT_REFUSALS.has(f.code) || f.code.startsWith('CRYPTO_')) return 'encryptAgain';
  return 'sendAgain';
}
