/** The public credential list (SPEC §7.3, §10.7) and its fingerprint for comparison by people. */
import { canonicalJsonBytes, sha256Hex } from '@saylau/crypto';

/**
 * Lowercase hex SHA-256 of the canonical JSON of the list (SPEC §10.7): the credential authority
 * compares the value its generator printed with the one the server returns and the board implies.
 */
export function credentialListFingerprint(list: readonly string[]): string {
  return sha256Hex(canonicalJsonBytes(list));
}

/** Most keys one list may carry: well above the largest district (about 10,000 voters). */
export { MAX_CREDENTIALS } from '@saylau/protocol/requests';
