import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  MerkleTree,
  bytesToB64,
  decodeTags,
  encodeTags,
  firstOutOfOrder,
  merkleRoot,
  rollTag,
  sortTags,
  taggedHash256,
  verifyInclusion,
} from '../src/index.ts';

const salt = new Uint8Array(32).fill(7);
const leaves = (n: number) => Array.from({ length: n }, (_, i) => rollTag(salt, String(100000000000 + i)));

describe('roll tags (SPEC §10.3.4)', () => {
  it('are 16 bytes of the tagged hash of salt and IIN, and depend on both', () => {
    const t = rollTag(salt, '900101300013');
    expect(t).toEqual(
      taggedHash256('roll/tag', [salt, new TextEncoder().encode('900101300013')]).slice(0, 16),
    );
    expect(rollTag(new Uint8Array(32).fill(8), '900101300013')).not.toEqual(t);
    expect(rollTag(salt, '900101300014')).not.toEqual(t);
  });

  it('firstOutOfOrder finds a repeat or a swap, and nothing in a strictly ascending list', () => {
    const tags = sortTags(leaves(4));
    expect(firstOutOfOrder(tags)).toBe(-1);
    expect(firstOutOfOrder([tags[0]!, tags[0]!, tags[1]!])).toBe(1);
    expect(firstOutOfOrder([tags[0]!, tags[2]!, tags[1]!])).toBe(2);
    expect(firstOutOfOrder([])).toBe(-1);
  });

  it('encode and decode as one base64url string, strictly', () => {
    const tags = sortTags(leaves(5));
    const s = encodeTags(tags);
    expect(decodeTags(s, 'tags')).toEqual(tags);
    expect(decodeTags('', 'tags')).toEqual([]);
    expect(() => decodeTags(s.slice(0, -3), 'tags')).toThrow(CryptoError);
    expect(() => decodeTags(s + 'A', 'tags')).toThrow(CryptoError);
    expect(() => decodeTags(s, 'tags', 4)).toThrow(/at most 4/);
    expect(() => decodeTags(42, 'tags')).toThrow(CryptoError);
    // A non-canonical last character (unused bits set) is refused like any other base64url field.
    const one = encodeTags([new Uint8Array(16)]);
    expect(() => decodeTags(one.slice(0, -1) + 'B', 'tags')).toThrow(CryptoError);
  });
});

describe('Merkle tree (RFC 9162 §2.1 with tagged hashes)', () => {
  it('the level tree has the recursive definition’s root, for every size up to 70', () => {
    const all = leaves(70);
    for (let n = 1; n <= 70; n++) {
      expect(bytesToB64(new MerkleTree(all.slice(0, n)).root)).toBe(bytesToB64(merkleRoot(all.slice(0, n))));
    }
  });

  it('every leaf’s proof verifies, for every size up to 40', () => {
    const all = leaves(40);
    for (let n = 1; n <= 40; n++) {
      const tree = new MerkleTree(all.slice(0, n));
      for (let i = 0; i < n; i++) expect(verifyInclusion(all[i]!, i, n, tree.proof(i), tree.root)).toBe(true);
    }
  });

  it('refuses a wrong leaf, index, size, root, or a path changed, cut or lengthened', () => {
    const all = leaves(13);
    const tree = new MerkleTree(all);
    const p = tree.proof(6);
    expect(verifyInclusion(all[6]!, 6, 13, p, tree.root)).toBe(true);
    expect(verifyInclusion(all[7]!, 6, 13, p, tree.root)).toBe(false);
    expect(verifyInclusion(all[6]!, 7, 13, p, tree.root)).toBe(false);
    // The size shapes the path: a tree of 8 has no node right of the first eight leaves.
    expect(verifyInclusion(all[6]!, 6, 8, p, tree.root)).toBe(false);
    expect(verifyInclusion(all[6]!, 13, 13, p, tree.root)).toBe(false);
    expect(verifyInclusion(all[6]!, -1, 13, p, tree.root)).toBe(false);
    expect(verifyInclusion(all[6]!, 6, 13, p, merkleRoot(all.slice(0, 12)))).toBe(false);
    expect(verifyInclusion(all[6]!, 6, 13, p.slice(1), tree.root)).toBe(false);
    expect(verifyInclusion(all[6]!, 6, 13, [...p, p[0]!], tree.root)).toBe(false);
    const bent = p.map((h) => h.slice());
    bent[1]![0]! ^= 1;
    expect(verifyInclusion(all[6]!, 6, 13, bent, tree.root)).toBe(false);
    // A node of the tree is not a leaf: its hash has another tag.
    const left = new MerkleTree(all.slice(0, 2));
    expect(verifyInclusion(left.root, 0, 7, tree.proof(0).slice(1), tree.root)).toBe(false);
  });

  it('refuses an empty tree and a proof of no leaf', () => {
    expect(() => new MerkleTree([])).toThrow(CryptoError);
    expect(() => merkleRoot([])).toThrow(CryptoError);
    expect(() => new MerkleTree(leaves(3)).proof(3)).toThrow(CryptoError);
  });
});
