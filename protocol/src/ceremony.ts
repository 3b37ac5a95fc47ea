/**
 * The key-ceremony fingerprint (SPEC §10.6): the election's §3.4 fingerprint needs the joint key,
 * which does not exist yet, so the DKG's proofs and share nonces are bound to this one instead.
 */
import { bytesToHex, electionFingerprint } from '@saylau/crypto';
import type { CeremonyTrustee } from './payloads.ts';

/** The object fingerprinted: everything that defines this ceremony, and the board it belongs to. */
export function ceremonyParams(
  election: string,
  manifest: string,
  t: number,
  n: number,
  trustees: readonly CeremonyTrustee[],
) {
  return {
    version: 'saylau/v1' as const,
    election,
    purpose: 'key-ceremony' as const,
    manifest,
    t,
    n,
    trustees: trustees.map((x) => ({
      index: x.index,
      name: x.name,
      signingKey: x.signingKey,
      boxKey: x.boxKey,
    })),
  };
}

/** Hex H256_fingerprint(JCS(ceremonyParams)) — 32 bytes, as in §3.4. */
export function ceremonyFingerprint(
  election: string,
  manifest: string,
  t: number,
  n: number,
  trustees: readonly CeremonyTrustee[],
): string {
  return bytesToHex(electionFingerprint(ceremonyParams(election, manifest, t, n, trustees)));
}
