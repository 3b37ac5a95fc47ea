/**
 * Voter credentials (SPEC §7.1–§7.3), Belenios-style: a secret code per voter derives an
 * Ed25519 key pair for one election; only the sorted public keys go on the board.
 *
 * The code is handled with bigint arithmetic, which is not constant-time. It is typed by the
 * voter on their own device, so there is no remote timing observer to worry about.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  BASE58_ALPHABET,
  describeChar,
  encodeBase58Fixed,
  base58Digit,
  decodeBase58Fixed,
} from './base58.ts';
import { bytesToB64, randomBytes, utf8ToBytes } from './bytes.ts';
import { fail } from './errors.ts';
import { taggedHash } from './hash.ts';
import { parseSigningPublicKey } from './signature.ts';

/** Payload characters: 58^16 ≈ 2^93.7 equally likely codes (SPEC §7.1). */
export const PAYLOAD_LENGTH = 16;
export const CHECK_LENGTH = 2;
export const CODE_LENGTH = PAYLOAD_LENGTH + CHECK_LENGTH;
/** Largest prime below 58² = 3364, so the check fits in two digits (SPEC §7.1). */
export const CHECK_MODULUS = 3361n;

/*
 * Why every single substitution and every adjacent transposition is detected (SPEC §7.1).
 * Let p = 3361 (prime), N = Σ d_i·58^(15−i) the payload, C = 58·c₁₆ + c₁₇ the check value;
 * a code is valid iff C = N mod p (so C < p). All digits are in [0, 57], so 0 < |a − b| ≤ 57 < p
 * for two different digits a, b, and p divides none of |a − b|, 58^k (= 2^k·29^k), 57 (= 3·19), 59.
 * - Payload substitution at exponent k: N changes by (b − a)·58^k ≢ 0 (mod p); C does not change.
 * - Check substitution: C becomes a different integer while N mod p stays, so C ≠ N mod p.
 * - Payload swap at exponents k+1, k: N changes by (a − b)(58^(k+1) − 58^k) = (a − b)·58^k·57
 *   ≢ 0 (mod p). This is where 58 ≢ 1 (mod p) is needed.
 * - Check swap: 58a + b ≠ 58b + a when a ≠ b.
 * - Swap across the boundary (d₁₅ = a, c₁₆ = b → d₁₅ = b, c₁₆ = a): N' = N + (b − a) and
 *   C' = C + 58(a − b), so C' − N' ≡ 59(a − b) ≢ 0 (mod p). This needs 58 ≢ −1 (mod p).
 * Random errors pass with probability about 1/3361.
 */

export interface CredentialCode {
  /** The 16 random characters: the secret that keys are derived from (SPEC §7.2). */
  readonly payload: string;
  /** Payload and the 2 check characters, 18 characters, no separators. */
  readonly code: string;
}

export interface CredentialKeys {
  /** Ed25519 secret key (the 32-byte seed, RFC 8032 §5.1.5). */
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  /** base64url of `publicKey`, as it appears on the public credential list (SPEC §7.3). */
  readonly publicKeyText: string;
}

function checkChars(payload: string): string {
  return encodeBase58Fixed(decodeBase58Fixed(payload, 'payload') % CHECK_MODULUS, CHECK_LENGTH);
}

/**
 * A new uniformly random code (SPEC §7.1). Each digit is a random byte b < 232 = 4·58 taken
 * mod 58; bytes ≥ 232 are rejected, so every digit is exactly uniform.
 */
export function generateCredentialCode(): CredentialCode {
  let payload = '';
  while (payload.length < PAYLOAD_LENGTH) {
    for (const b of randomBytes(PAYLOAD_LENGTH * 2)) {
      if (b < 232 && payload.length < PAYLOAD_LENGTH) payload += BASE58_ALPHABET[b % 58]!;
    }
  }
  return { payload, code: payload + checkChars(payload) };
}

/** Separators a voter may type or copy: ASCII space, tab, CR, LF and '-' (SPEC §7.1). */
const SEPARATORS = /[ \t\r\n-]/g;

/**
 * Parse a code as a voter types it (SPEC §7.1): separators are ignored, nothing else is mapped
 * (Base58 is case-sensitive, and 'O' is never read as '0'). Refuses, in this order:
 * a character outside the alphabet (BAD_TYPE, field `credential[i]`, i its 0-based index among
 * the non-separator characters), a wrong length (BAD_LENGTH), wrong check characters (BAD_CHECKSUM).
 */
export function parseCredentialCode(text: unknown, field = 'credential'): CredentialCode {
  if (typeof text !== 'string') fail('BAD_TYPE', field, 'expected a string');
  if (text.length > 4 * CODE_LENGTH) fail('BAD_LENGTH', field, 'far too long for a credential code');
  const code = text.replace(SEPARATORS, '');
  for (let i = 0; i < code.length; i++) {
    if (base58Digit(code[i]!) < 0)
      fail(
        'BAD_TYPE',
        `${field}[${i}]`,
        `character ${i + 1}, ${describeChar(code[i]!)}, is not allowed in a code`,
      );
  }
  if (code.length !== CODE_LENGTH)
    fail('BAD_LENGTH', field, `expected ${CODE_LENGTH} characters, got ${code.length}`);
  const payload = code.slice(0, PAYLOAD_LENGTH);
  if (checkChars(payload) !== code.slice(PAYLOAD_LENGTH))
    fail('BAD_CHECKSUM', field, 'check characters do not match: the code has a typing error');
  return { payload, code };
}

/** Display form (SPEC §7.1): groups of 4 joined by '-', e.g. `abcd-efgh-ijkl-mnop-qr`. */
export function formatCredentialCode(code: string | CredentialCode): string {
  const compact = parseCredentialCode(typeof code === 'string' ? code : code.code).code;
  return compact.match(/.{1,4}/g)!.join('-');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Election ids are hashed as UTF-8, so they must be non-empty well-formed strings (SPEC §7.2). */
export function checkElectionId(electionId: unknown, field = 'electionId'): string {
  if (typeof electionId !== 'string' || electionId.length === 0)
    fail('BAD_TYPE', field, 'expected a non-empty string');
  if (LONE_SURROGATE.test(electionId)) fail('BAD_TYPE', field, 'contains a lone surrogate');
  return electionId;
}

/**
 * Key pair of a code in one election (SPEC §7.2):
 * seed = first 32 bytes of H_credential/key(utf8(electionId), utf8(payload)), then Ed25519 keygen.
 * The check characters are not hashed; the election id makes keys unlinkable across elections.
 */
export function deriveCredentialKeys(electionId: string, code: string | CredentialCode): CredentialKeys {
  checkElectionId(electionId);
  const { payload } = parseCredentialCode(typeof code === 'string' ? code : code.code);
  return keysFromPayload(electionId, payload);
}

function keysFromPayload(electionId: string, payload: string): CredentialKeys {
  const secretKey = taggedHash('credential/key', [utf8ToBytes(electionId), utf8ToBytes(payload)]).slice(
    0,
    32,
  );
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, publicKeyText: bytesToB64(publicKey) };
}

/**
 * The public credential list of an election from all its codes (SPEC §7.3): public keys in
 * base64url (§1.2), sorted ascending as strings. A repeated code is refused (BAD_PARAMS naming `codes[j]`).
 */
export function publicCredentialList(
  electionId: string,
  codes: readonly (string | CredentialCode)[],
): string[] {
  checkElectionId(electionId);
  const seen = new Map<string, number>();
  const keys = codes.map((c, j) => {
    const { payload } = parseCredentialCode(typeof c === 'string' ? c : c.code, `codes[${j}]`);
    const earlier = seen.get(payload);
    if (earlier !== undefined) fail('BAD_PARAMS', `codes[${j}]`, `same code as codes[${earlier}]`);
    seen.set(payload, j);
    return keysFromPayload(electionId, payload).publicKeyText;
  });
  return sortCredentialList(keys);
}

/**
 * Sort public keys (base64url) into a credential list (SPEC §7.3), for a registrar that derived them
 * elsewhere. Every key must be a valid strict Ed25519 key; duplicates are refused.
 */
export function sortCredentialList(publicKeys: readonly unknown[], field = 'credentials'): string[] {
  publicKeys.forEach((k, i) => parseSigningPublicKey(k, `${field}[${i}]`));
  const sorted = [...(publicKeys as string[])].sort();
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1]) fail('BAD_PARAMS', field, `public key ${sorted[i]} appears twice`);
  return sorted;
}

/**
 * Check a published credential list (SPEC §7.3): an array of valid strict Ed25519 public keys
 * in base64url, strictly ascending as strings (so sorted and without duplicates). Keys in `checked` were
 * already accepted by parseSigningPublicKey (a verifier decoding the ballots' credentials) and are
 * not decoded again: the same strings give the same verdicts, at a square root less each.
 */
export function parseCredentialList(
  value: unknown,
  field = 'credentials',
  checked: ReadonlySet<string> = new Set(),
): string[] {
  if (!Array.isArray(value)) fail('BAD_TYPE', field, 'expected an array');
  value.forEach((k, i) => {
    if (typeof k !== 'string' || !checked.has(k)) parseSigningPublicKey(k, `${field}[${i}]`);
    if (i > 0 && !((value[i - 1] as string) < (k as string)))
      fail('BAD_PARAMS', `${field}[${i}]`, 'not strictly after the previous key (unsorted or duplicate)');
  });
  return value as string[];
}
