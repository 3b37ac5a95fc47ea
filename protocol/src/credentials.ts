/** The public credential list (SPEC §7.3, §10.7), its fingerprint, and whom letters are printed for. */
import { canonicalJsonBytes, sha256Hex } from '@saylau/crypto';
import { z } from 'zod';

/**
 * Lowercase hex SHA-256 of the canonical JSON of the list (SPEC §10.7): the credential authority
 * compares the value its generator printed with the one the server returns and the board implies.
 */
export function credentialListFingerprint(list: readonly string[]): string {
  return sha256Hex(canonicalJsonBytes(list));
}

/** Most keys one list may carry: well above the largest district (about 10,000 voters). */
export const MAX_CREDENTIALS = 100_000;

/** The opaque voter reference (SPEC §10.9.1): 22 base64url characters; the server derives it. */
export const VoterRef = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'expected a voter reference');

const Field = z.string().max(200);

/** One row of GET …/credentials/voters (SPEC §10.7): whom the authority prints a letter for. */
export const CredentialVoter = z.strictObject({
  voter: VoterRef,
  surname: Field,
  givenName: Field,
  patronymic: Field,
  settlement: Field,
  address: Field,
});
export type CredentialVoter = z.infer<typeof CredentialVoter>;

/** The answer to publishing the credential list (SPEC §10.7). */
export interface PublishedCredentials {
  election: string;
  count: number;
  fingerprint: string;
  /** The board entry's seq and hash. */
  seq: number;
  hash: string;
}
