/**
 * Public roll tags and their Merkle tree (SPEC §10.3.4). A tag stands for one person in public
 * records (the roll, signature lists, the akim) without saying who: it is keyed with the roll's
 * private salt, so nobody without the salt can test a guessed IIN against it. The tree is RFC 9162
 * §2.1's, with tagged hashes for leaves and nodes, so a voter checks "I am on the roll" with a path
 * of about log2(N) hashes against the root on the board.
 */
import { b64ToBytesStrict, bytesEqual, bytesToB64, utf8ToBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { taggedHash256 } from './hash.ts';

export const ROLL_TAG_BYTES = 16;

/** tag = first 16 bytes of H256_roll/tag(salt, IIN): 128 bits, so no two of 100,000 voters collide. */
export function rollTag(salt: Uint8Array, iin: string): Uint8Array {
  return taggedHash256('roll/tag', [salt, utf8ToBytes(iin)]).slice(0, ROLL_TAG_BYTES);
}

/** The tags of a roll in their published order: ascending bytes (which says nothing of the IINs). */
export function sortTags(tags: readonly Uint8Array[]): Uint8Array[] {
  return [...tags].sort(compareBytes);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The first index whose tag is not strictly after the one before it (a repeat or a swap), or -1. */
export function firstOutOfOrder(tags: readonly Uint8Array[]): number {
  return tags.findIndex((t, j) => j > 0 && compareBytes(tags[j - 1]!, t) >= 0);
}

/** One base64url string of the tags one after the other (the `tags` field of `roll`, candidates, initiatives). */
export function encodeTags(tags: readonly Uint8Array[]): string {
  const out = new Uint8Array(tags.length * ROLL_TAG_BYTES);
  tags.forEach((t, i) => {
    if (t.length !== ROLL_TAG_BYTES)
      throw new CryptoError('BAD_LENGTH', 'tag', `a tag is ${ROLL_TAG_BYTES} bytes`);
    out.set(t, i * ROLL_TAG_BYTES);
  });
  return bytesToB64(out);
}

/** Strict inverse of encodeTags: canonical base64url of a whole number of tags, at most `max` of them. */
export function decodeTags(value: unknown, field: string, max = 100_000): Uint8Array[] {
  if (typeof value !== 'string') throw new CryptoError('BAD_TYPE', field, 'expected a base64url string');
  // Each tag is 16 bytes; decode the exact byte length the string's length implies.
  const bytes = Math.floor((value.length * 3) / 4);
  if (bytes % ROLL_TAG_BYTES !== 0 || bytes / ROLL_TAG_BYTES > max) {
    throw new CryptoError(
      'BAD_LENGTH',
      field,
      `expected a whole number of ${ROLL_TAG_BYTES}-byte tags, at most ${max}`,
    );
  }
  const raw = bytes === 0 ? new Uint8Array(0) : b64ToBytesStrict(value, field, bytes);
  const out: Uint8Array[] = [];
  for (let o = 0; o < raw.length; o += ROLL_TAG_BYTES) out.push(raw.subarray(o, o + ROLL_TAG_BYTES));
  return out;
}

const leafHash = (leaf: Uint8Array): Uint8Array => taggedHash256('roll/leaf', [leaf]);
const nodeHash = (l: Uint8Array, r: Uint8Array): Uint8Array => taggedHash256('roll/node', [l, r]);

/** The largest power of two below n (n ≥ 2): RFC 9162's split point. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The tree's levels bottom-up, built once so that proofs are cheap. RFC 9162's recursive split gives
 * the same root as pairing left to right and carrying an odd last node up unchanged.
 */
export class MerkleTree {
  private readonly levels: Uint8Array[][];

  constructor(leaves: readonly Uint8Array[]) {
    if (leaves.length === 0) throw new CryptoError('BAD_PARAMS', 'leaves', 'a tree needs at least one leaf');
    let level = leaves.map(leafHash);
    this.levels = [level];
    while (level.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
      if (level.length % 2 === 1) next.push(level[level.length - 1]!);
      level = next;
      this.levels.push(level);
    }
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  get root(): Uint8Array {
    return this.levels[this.levels.length - 1]![0]!;
  }

  /** The audit path of leaf `index`, nearest sibling first (RFC 9162 §2.1.3.1). */
  proof(index: number): Uint8Array[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new CryptoError('BAD_PARAMS', 'index', 'no such leaf');
    }
    const path: Uint8Array[] = [];
    let i = index;
    for (let d = 0; d < this.levels.length - 1; d++) {
      const level = this.levels[d]!;
      const sibling = i ^ 1;
      if (sibling < level.length) path.push(level[sibling]!);
      i >>= 1;
    }
    return path;
  }
}

/** The root of a list of leaves (RFC 9162 §2.1.1), computed by its recursive definition. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) throw new CryptoError('BAD_PARAMS', 'leaves', 'a tree needs at least one leaf');
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const k = split(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/**
 * Check an inclusion proof (RFC 9162 §2.1.3.2): leaf at `index` of a tree of `size` leaves with this
 * root. False for any wrong leaf, index, size, path or root, and for a path too long or too short.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leaf);
  for (const p of path) {
    if (p.length !== 32 || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** A proof in JSON: the path as base64url strings (SPEC §10.9.4). */
export const encodePath = (path: readonly Uint8Array[]): string[] => path.map(bytesToB64);
export const decodePath = (path: readonly string[], field: string): Uint8Array[] =>
  path.map((p, i) => b64ToBytesStrict(p, `${field}[${i}]`, 32));
