/** The public credential list (SPEC §7.3, §10.7), and its fingerprint. */
import type * as z from 'zod';
import { canonicalJsonBytes, sha256Hex } from '@saylau/crypto';
import type { PublishedCredentialsJson } from './responses.ts';

/**
 * Lowercase hex SHA-256 of the canonical JSON of the list (SPEC §10.7): the credential authority
 * compares the value its generator printed with the one the server returns and the board implies.
 */
export function credentialListFingerprint(list: readonly string[]): string {
  return sha256Hex(canonicalJsonBytes(list));
}

/** The answer to publishing the credential list (SPEC §10.7): the board entry's seq and hash. */
export type PublishedCredentials = z.infer<typeof PublishedCredentialsJson>;
