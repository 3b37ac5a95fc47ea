/**
 * Ballot trackers (SPEC §8.4): the ballot hash is the tagged SHA-256 of the canonical JSON of the
 * encrypted ballot — `version`, `election`, `credential` and `contests`, without the anchor and the
 * signature added at cast time — so the booth shows it before the voter chooses to audit or cast,
 * and an audited ballot's check page shows the same one. The tracker a voter reads out is its first
 * 80 bits in Crockford base32, four groups of four characters (no I, L, O, U: nothing to confuse
 * when read aloud or typed).
 */
import { bytesToHex } from './bytes.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { fail } from './errors.ts';
import { taggedHash256 } from './hash.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKER_CHARS = 16;

/** The members of an encrypted ballot (§8.2), the part of a ballot that §8.4 hashes. */
export const ENCRYPTED_BALLOT_KEYS = ['version', 'election', 'credential', 'contests'] as const;

/** 32-byte ballot hash, hex, of a cast or an encrypted ballot (the same for both). */
export function ballotHash(ballot: unknown): string {
  let part = ballot;
  if (typeof ballot === 'object' && ballot !== null && !Array.isArray(ballot)) {
    const o = ballot as Record<string, unknown>;
    part = Object.fromEntries(ENCRYPTED_BALLOT_KEYS.filter((k) => k in o).map((k) => [k, o[k]]));
  }
  return bytesToHex(taggedHash256('ballot/tracker', [canonicalJsonBytes(part)]));
}

/** Tracker of a ballot hash: 16 Crockford base32 characters of its first 10 bytes, grouped by 4. */
export function trackerFromHash(hashHex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hashHex)) fail('BAD_HEX', 'hash', 'expected a 32-byte lowercase hex hash');
  let bits = BigInt('0x' + hashHex.slice(0, 20));
  let out = '';
  for (let i = 0; i < TRACKER_CHARS; i++) {
    out = CROCKFORD[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

export function ballotTracker(ballot: unknown): string {
  return trackerFromHash(ballotHash(ballot));
}

/**
 * Normalise a typed tracker: case-insensitive, spaces and dashes ignored, O→0 and I/L→1 as Crockford
 * allows. Returns the grouped canonical form, or throws naming the bad character.
 */
export function normaliseTracker(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== TRACKER_CHARS) fail('BAD_LENGTH', 'tracker', `expected ${TRACKER_CHARS} characters`);
  for (let i = 0; i < raw.length; i++)
    if (!CROCKFORD.includes(raw[i]!))
      fail('BAD_TYPE', 'tracker', `character ${i + 1} is not a tracker character`);
  return raw.match(/.{4}/g)!.join('-');
}
