/**
 * Helpers for the tamper suite: read a real board export, change entries the way a
 * dishonest server could, and write it back as JSON Lines.
 *
 * Two kinds of attacker:
 * - **raw**: edits a line and leaves every `hash` and `prev` as it was (a tampered mirror or file);
 *   the hash chain (SPEC §9.2) catches it.
 * - **re-hashed**: controls the server, so after the edit it renumbers `seq` and recomputes `prev` and
 *   `hash` of every later entry. The chain is then self-consistent and only the content checks, signed
 *   checkpoints (§9.4) and `--since` (an earlier export) can catch it.
 *
 * The demo's output directory also holds the secrets an honest party has — voters' credential codes
 * and trustees' state files — so a case can re-sign a tampered ballot or trustee message and isolate
 * the one check it aims at (without re-signing, the signature check fails first).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  G,
  ORDER,
  b64ToBytesStrict,
  ballotBody,
  bytesToB64,
  bytesToHex,
  contestFields,
  contestFromFields,
  buildBallot,
  canonicalJson,
  decodeElectionParams,
  decodeScalar,
  deriveCredentialKeys,
  encodePoint,
  encodeScalar,
  generateCredentialCode,
  hexToBytesStrict,
  randomScalar,
  sha256Hex,
  signDocument,
  utf8ToBytes,
  type BallotJson,
  type ContestFields,
  type CredentialKeys,
  type ElectionParams,
} from '@saylau/crypto';
import type { Report } from '../src/index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- payloads are edited as free-form JSON */
export interface Entry {
  seq: number;
  type: string;
  payload: any;
  prev: string;
  hash: string;
}

export const ZERO_HASH = '0'.repeat(64);

export function parseBoard(text: string): Entry[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Entry);
}

/** One canonical entry a line, each line ending in `\n` (SPEC §9.3). */
export function serialiseBoard(entries: readonly Entry[]): string {
  return entries.map((e) => canonicalJson(e) + '\n').join('');
}

/** SPEC §9.2: lowercase hex SHA-256 of JCS({seq, type, payload, prev}). */
export function entryHash(e: Pick<Entry, 'seq' | 'type' | 'payload' | 'prev'>): string {
  return sha256Hex(
    utf8ToBytes(canonicalJson({ seq: e.seq, type: e.type, payload: e.payload, prev: e.prev })),
  );
}

/**
 * What a server that controls the board does after an edit: renumber, re-link and re-hash from `from`
 * on. With `voters` (credential keys by public key), each later ballot is also signed again with its
 * anchor moved to the new hash at the seq it cites — what only the voters could do (SPEC §8.2): a
 * case uses it to aim at one check without check 7.6 catching the rewrite first.
 */
export function rechain(entries: Entry[], from = 0, voters?: Map<string, CredentialKeys>): void {
  for (let i = Math.max(0, from); i < entries.length; i++) {
    const e = entries[i]!;
    e.seq = i;
    e.prev = i === 0 ? ZERO_HASH : entries[i - 1]!.hash;
    if (voters && e.type === 'ballot') {
      const b: BallotJson = e.payload;
      const keys = voters.get(b.credential);
      if (!keys) throw new Error(`rechain: no keys for credential ${b.credential}`);
      e.payload = resignBallot(
        { ...b, anchor: { seq: b.anchor.seq, hash: entries[b.anchor.seq]!.hash } },
        keys,
      );
    }
    e.hash = entryHash(e);
  }
}

/**
 * Apply `change` to a copy of the board. `change` edits the entries in place and returns the index
 * of the first entry it touched (for re-hashing). With `rehash`, every entry from there on gets a
 * consistent seq/prev/hash. Throws if the result is byte-for-byte the input (a no-op tamper would
 * make a passing verifier look like a catching one).
 */
export function tamper(
  text: string,
  change: (entries: Entry[]) => number,
  opts: { rehash: boolean; reanchor?: Map<string, CredentialKeys> },
): string {
  const entries = parseBoard(text);
  const first = change(entries);
  if (!Number.isInteger(first) || first < 0) throw new Error(`tamper: bad first index ${first}`);
  if (opts.rehash) rechain(entries, first, opts.reanchor);
  const out = serialiseBoard(entries);
  if (out === text) throw new Error('tamper: the edit changed nothing');
  return out;
}

export const indexOfType = (entries: readonly Entry[], type: string, nth = 0): number => {
  let seen = 0;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.type === type && seen++ === nth) return i;
  }
  throw new Error(`no ${type} entry #${nth}`);
};

export const lastIndexOfType = (entries: readonly Entry[], type: string): number => {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.type === type) return i;
  throw new Error(`no ${type} entry`);
};

/** Indices of the ballots that count (the last per credential, SPEC §10.10 T2). */
export function countedBallotIndices(entries: readonly Entry[]): number[] {
  const last = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.type === 'ballot') last.set(e.payload.credential as string, i);
  });
  return [...last.values()].sort((a, b) => a - b);
}

/** A uniformly random valid ristretto255 point (never the identity in practice). */
export const randomPoint = (): string => encodePoint(G.multiply(randomScalar()));

/** 2^255 − 1 little-endian: its field element is ≥ p, so RFC 9496 DECODE refuses it (SPEC §2.1). */
export const NON_CANONICAL_POINT = bytesToB64(hexToBytesStrict('ff'.repeat(31) + '7f', 'point', 32));

/** A different scalar below ℓ: s + 1 mod ℓ. */
export const bumpScalar = (text: string): string => encodeScalar((decodeScalar(text, 'scalar') + 1n) % ORDER);

const bytesOf = (text: string) => b64ToBytesStrict(text, 'text', Math.floor((text.length * 3) / 4));

/** Flip the low bit of byte `at` of a base64url value: canonical base64url of other bytes. */
export function flipByte(text: string, at = 0): string {
  const b = bytesOf(text);
  b[at]! ^= 1;
  return bytesToB64(b);
}

/** base64url back to hex: the form the board had before SPEC §1.2 gave non-digest bytes base64url. */
export const toHex = (text: string): string => bytesToHex(bytesOf(text));

/** The same bytes with a non-zero unused low bit in the last character: a second spelling §1.2 refuses. */
export function withUnusedBits(text: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  if ((text.length * 6) % 8 === 0) throw new RangeError('no unused bits');
  return text.slice(0, -1) + A[A.indexOf(text.at(-1)!) | 1];
}

/** Edit a ballot's contest by its named fields (SPEC §8.2) and pack it again, in place. */
export function editContest(ballot: any, ci: number, change: (f: ContestFields) => void): void {
  const f = contestFields(ballot.contests[ci]);
  change(f);
  ballot.contests[ci] = contestFromFields(f);
}

/** A ballot in the earlier JSON form: hex values, each contest an object with its id. */
export function hexBallot(ballot: BallotJson, contestIds: readonly string[]): any {
  const hex = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toHex(v)]));
  return {
    ...ballot,
    credential: toHex(ballot.credential),
    contests: ballot.contests.map((c, ci) => {
      const f = contestFields(c);
      return {
        id: contestIds[ci],
        choices: f.choices.map((ch) => ({
          alpha: toHex(ch.alpha),
          beta: toHex(ch.beta),
          proof: hex(ch.proof),
        })),
        sumProof: hex(f.sumProof),
      };
    }),
    signature: toHex(ballot.signature),
  };
}

/** Flip one hex character (at `at`) to another hex character: for digests. */
export function flipHex(hex: string, at = 0): string {
  const c = hex[at]!;
  const to = c === '0' ? '1' : '0';
  return hex.slice(0, at) + to + hex.slice(at + 1);
}

/** Re-sign a ballot payload with its credential's secret key (SPEC §8.2, purpose `ballot`). */
export function resignBallot(ballot: BallotJson, keys: Pick<CredentialKeys, 'secretKey'>): BallotJson {
  const body = ballotBody(ballot);
  return { ...body, signature: signDocument('ballot', body, keys.secretKey) };
}

/** Re-sign a trustee message (SPEC §10.6: the object without `signature`, purpose `trustee-message`). */
export function resignTrusteeMessage<T extends { signature: string }>(message: T, secretKey: Uint8Array): T {
  const body: Record<string, unknown> = { ...message };
  delete body.signature;
  return { ...body, signature: signDocument('trustee-message', body, secretKey) } as unknown as T;
}

export interface TrusteeSecrets {
  index: number;
  signingSecretKey: Uint8Array;
  /** x_j, base64url, once the ceremony has finished. */
  share: string | null;
}

/** What the demo's output directory holds besides the board: the secrets of honest parties. */
export interface DemoFixture {
  dir: string;
  text: string;
  entries: Entry[];
  election: string;
  params: ElectionParams;
  /** credential public key (base64url) → its key pair, from credentials/codes.csv */
  credentials: Map<string, CredentialKeys>;
  trustees: Map<number, TrusteeSecrets>;
}

export function loadDemoFixture(dir: string): DemoFixture {
  const text = readFileSync(join(dir, 'board.jsonl'), 'utf8');
  const entries = parseBoard(text);
  const manifest = entries[0]!;
  const election = manifest.payload.election as string;
  const params = decodeElectionParams(entries[indexOfType(entries, 'voting-opened')]!.payload.params);
  const credentials = new Map<string, CredentialKeys>();
  const csv = readFileSync(join(dir, 'credentials', 'codes.csv'), 'utf8');
  // number; voter; surname; given_name; patronymic; settlement; address; code (SPEC §10.7)
  const rows = parseCsv(csv, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
  for (const row of rows) {
    const keys = deriveCredentialKeys(election, row[7]!);
    credentials.set(keys.publicKeyText, keys);
  }
  const trustees = new Map<number, TrusteeSecrets>();
  for (const f of readdirSync(join(dir, 'trustees'))) {
    const s = JSON.parse(readFileSync(join(dir, 'trustees', f), 'utf8'));
    trustees.set(s.index, {
      index: s.index,
      signingSecretKey: b64ToBytesStrict(s.signingSecretKey, 'signingSecretKey', 32),
      share: s.share?.secret ?? null,
    });
  }
  return { dir, text, entries, election, params, credentials, trustees };
}

/** Keys of a ballot entry's credential, from the demo's codes. */
export function keysOf(fx: DemoFixture, ballot: { credential: string }): CredentialKeys {
  const k = fx.credentials.get(ballot.credential);
  if (!k) throw new Error(`no code for credential ${ballot.credential}`);
  return k;
}

/**
 * A real, fully valid ballot for this election under a fresh credential that is not on the list,
 * anchored to `anchor` (an entry of the board, SPEC §8.2).
 */
export function foreignBallot(params: ElectionParams, anchor: Entry, choice = 0): BallotJson {
  const keys = deriveCredentialKeys(params.election, generateCredentialCode());
  return buildBallot(params, keys, [choice], { seq: anchor.seq, hash: anchor.hash }).ballot;
}

/** A random 64-byte "signature" in base64url. */
export const randomSignature = (): string => bytesToB64(nodeRandomBytes(64));

/** The first failures, one a line, for an assertion's message. */
export const summary = (r: Report) =>
  r.failures
    .slice(0, 12)
    .map((f) => `${f.check}@${f.seq}: ${f.message}`)
    .join('\n') || '(no failures)';

/**
 * Exit code 1 and `check` reported as failed; when given, a failure of that check with catalog key
 * `key`, and one (with that key, if given) at `seq`.
 */
export function expectCaught(r: Report, check: string, at: { seq?: number; key?: string } = {}): void {
  expect(r.exitCode, summary(r)).toBe(1);
  expect(r.checks.find((c) => c.id === check)?.status, summary(r)).toBe('fail');
  const failures = r.failures.filter((f) => f.check === check && (at.key === undefined || f.key === at.key));
  expect(failures.length, summary(r)).toBeGreaterThan(0);
  if (at.seq !== undefined)
    expect(
      failures.map((f) => f.seq),
      summary(r),
    ).toContain(at.seq);
}
