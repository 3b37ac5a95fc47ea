/**
 * The checks of a credential upload's body (SPEC §10.7), run in the upload check worker: its shape
 * (zod; 100,000 strings take tens of milliseconds) and rule 4, the strict decoding of every key
 * (§7.3; seconds). It also prepares the board entry's canonical JSON and the list's fingerprint,
 * which take long enough on a list that size to stall the server.
 */
import { z } from 'zod';
import { canonicalJson, parseCredentialList } from '@saylau/crypto';
import { parseWith } from '../http/validate.ts';
import { credentialListFingerprint, MAX_CREDENTIALS } from './list.ts';

/** The body of POST …/credentials. */
export const CredentialUpload = z.strictObject({ list: z.array(z.string().max(200)).max(MAX_CREDENTIALS) });

export interface CheckedCredentialList {
  count: number;
  /** Canonical JSON of the board entry's payload {count, list}. */
  payload: string;
  fingerprint: string;
}

/**
 * The body's shape, then (with `checkList`: when rules 1–3 passed, so that the order of the checks
 * stays that of §10.7) the list itself. Null when only the shape was checked.
 */
export function checkCredentialUpload(input: {
  body: unknown;
  checkList: boolean;
}): CheckedCredentialList | null {
  const body = parseWith(CredentialUpload, input.body, 'body');
  if (!input.checkList) return null;
  // Strictly ascending valid keys (§7.3); a CryptoError becomes 400 CRYPTO_<code> naming list[i].
  const list = parseCredentialList(body.list, 'list');
  return {
    count: list.length,
    payload: canonicalJson({ count: list.length, list }),
    fingerprint: credentialListFingerprint(list),
  };
}
