/**
 * Domain-separated hashing (SPEC §3.2–§3.4).
 * H_purpose(p1, …, pn) = SHA-512( u32be(|tag|) ‖ tag ‖ u32be(|p1|) ‖ p1 ‖ … ), tag = "saylau/v1/<purpose>".
 * Every input is length-prefixed, so no two different part lists hash the same input.
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, u32be, utf8ToBytes } from './bytes.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { bytesToScalarLE, mod } from './group.ts';

export const TAG_PREFIX = 'saylau/v1/';

/** Every purpose used by Saylau (SPEC §3.5). A typo becomes a type error. */
export type HashPurpose =
  | 'fingerprint'
  | 'proof/schnorr'
  | 'proof/dleq'
  | 'proof/zero-one'
  | 'proof/sum'
  | 'proof/decryption'
  | 'credential/key'
  | 'ballot/tracker'
  | 'dkg/share'
  | 'roll/commitment'
  | 'roll/tag'
  | 'roll/leaf'
  | 'roll/node'
  | 'complaint/text'
  | 'vector';

function taggedInput(purpose: HashPurpose, parts: readonly Uint8Array[]): Uint8Array {
  const tag = utf8ToBytes(TAG_PREFIX + purpose);
  let len = 4 + tag.length;
  for (const p of parts) len += 4 + p.length;
  const out = new Uint8Array(len);
  let o = 0;
  const put = (b: Uint8Array) => {
    out.set(u32be(b.length), o);
    out.set(b, o + 4);
    o += 4 + b.length;
  };
  put(tag);
  for (const p of parts) put(p);
  return out;
}

/** 64-byte tagged SHA-512 digest. */
export function taggedHash(purpose: HashPurpose, parts: readonly Uint8Array[]): Uint8Array {
  return sha512(taggedInput(purpose, parts));
}

/** 32-byte tagged SHA-256 digest (trackers, fingerprints: values people compare). */
export function taggedHash256(purpose: HashPurpose, parts: readonly Uint8Array[]): Uint8Array {
  return sha256(taggedInput(purpose, parts));
}

/** Hash to a scalar by wide reduction: the 64-byte digest read little-endian, mod ℓ (SPEC §3.3). */
export function hashToScalar(purpose: HashPurpose, parts: readonly Uint8Array[]): bigint {
  return mod(bytesToScalarLE(taggedHash(purpose, parts)));
}

/**
 * Election fingerprint (SPEC §3.4): tagged SHA-256 of the canonical JSON of the election's
 * cryptographic parameters. Every proof's challenge starts with it.
 */
export function electionFingerprint(params: unknown): Uint8Array {
  return taggedHash256('fingerprint', [canonicalJsonBytes(params)]);
}

export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}
