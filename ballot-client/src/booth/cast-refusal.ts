/**
 * What a failed cast leads to (SPEC §10.9.2; §10.14 "Errors", "Network failure"). A refused request
 * writes nothing, so the same ballot may be sent again; a request without an answer may have been
 * written, so the board is asked by tracker before anything is sent again.
 */
import type { Attempt, Failure } from './state.ts';
import { ANCHOR_REFUSALS, Code } from '@saylau/protocol/errors';

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

const BUSY = new Set<string>([Code.VERIFIER_UNAVAILABLE, Code.RATE_LIMITED]);
const TOKEN_ERRORS = new Set<string>([
  Code.TOKEN_EXPIRED,
  Code.TOKEN_USED,
  Code.TOKEN_REVOKED,
  Code.BAD_TOKEN,
  Code.NO_TOKEN,
]);
const LOGIN_ERRORS = new Set<string>([Code.BAD_LOGIN, Code.LOCKED, Code.BAD_IIN, Code.BAD_LOGIN_CODE]);
/** The credential was refused: not on the list, or issued to another voter than the one signed in. */
const CREDENTIAL_ERRORS = new Set<string>([Code.UNKNOWN_CREDENTIAL, Code.NOT_YOUR_CREDENTIAL]);
const BALLOT_REFUSALS = new Set<string>([
  Code.BAD_PROOF,
  Code.BAD_SIGNATURE,
  Code.COPIED_CIPHERTEXT,
  Code.TRACKER_TAKEN,
  Code.WRONG_ELECTION,
  Code.BAD_REQUEST,
]);

export function castRefusal(f: Failure, attempt: Attempt): CastNext {
  if (f.status === undefined) return 'sendAgain';
  if (ANCHOR_REFUSALS.has(f.code)) return attempt.anchorRetried ? 'sendAgain' : 'resign';
  if (BUSY.has(f.code)) return 'sendAgain';
  if (f.code === Code.NETWORK || f.code === Code.BAD_RESPONSE || f.status >= 500) return 'askBoard';
  if (TOKEN_ERRORS.has(f.code)) return attempt.tokenRetried ? 'signinAgain' : 'newToken';
  if (LOGIN_ERRORS.has(f.code)) return 'signin';
  if (CREDENTIAL_ERRORS.has(f.code)) return 'credentialAgain';
  if (BALLOT_REFUSALS.has(f.code) || f.code.startsWith('CRYPTO_')) return 'encryptAgain';
  return 'sendAgain';
}
