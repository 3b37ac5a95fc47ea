/**
 * Public roll tags on the server's side (SPEC §10.3.4): a person's tag from the roll's private salt,
 * and a voter's inclusion proof in the tree whose root the `roll` entry carries. The tree is built
 * once per election (the roll never changes, R13) and kept while the election is busy.
 */
import {
  MerkleTree,
  bytesToB64,
  compareBytes,
  encodeTags,
  hexToBytesStrict,
  rollTag,
  sortTags,
} from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { electionCache } from '../election-cache.ts';
import { rollInfo } from './service.ts';

interface RollTree {
  tags: Uint8Array[];
  tree: MerkleTree;
}

/** Each election's tree, for the busiest elections only (election-cache.ts). */
export const rollTrees = electionCache<RollTree>();

/** The roll's private salt, which keys the tags, or null before the roll is accepted. */
export function rollSalt(ctx: ServerContext, election: string): Uint8Array | null {
  const r = rollInfo(ctx, election);
  return r ? hexToBytesStrict(r.salt, 'salt', 32) : null;
}

/** The public tag of an IIN on this election (on the roll or not: the akim, a submitter), base64url. */
export function tagOf(ctx: ServerContext, election: string, iin: string): string | null {
  const salt = rollSalt(ctx, election);
  return salt ? bytesToB64(rollTag(salt, iin)) : null;
}

/** The tags of these IINs, ascending, as one base64url string (an initiative's signers, SPEC §10.1.2). */
export function tagList(ctx: ServerContext, election: string, iins: readonly string[]): string | null {
  const salt = rollSalt(ctx, election);
  return salt ? tagsOf(salt, iins) : null;
}

/** The tags of these IINs under this salt, ascending, as one base64url string (§10.3.4). */
export const tagsOf = (salt: Uint8Array, iins: readonly string[]): string =>
  encodeTags(sortTags(iins.map((iin) => rollTag(salt, iin))));

function rollTree(ctx: ServerContext, election: string, salt: Uint8Array): RollTree {
  return rollTrees.get(ctx, election, () => {
    const iins = ctx.db
      .prepare('SELECT iin FROM voters WHERE election = ?')
      .pluck()
      .all(election) as string[];
    const tags = sortTags(iins.map((iin) => rollTag(salt, iin)));
    return { tags, tree: new MerkleTree(tags) };
  })!;
}

export interface InclusionProof {
  tag: string;
  index: number;
  size: number;
  path: string[];
}

/** A voter's tag with its audit path (SPEC §10.9.4), or null if the IIN is not on the roll. */
export function inclusionProof(ctx: ServerContext, election: string, iin: string): InclusionProof | null {
  const salt = rollSalt(ctx, election);
  if (!salt) return null;
  const { tags, tree } = rollTree(ctx, election, salt);
  const tag = rollTag(salt, iin);
  const i = findTag(tags, tag);
  if (i < 0) return null;
  return { tag: bytesToB64(tag), index: i, size: tags.length, path: tree.proof(i).map(bytesToB64) };
}

/** The index of a tag in an ascending list, or -1. */
function findTag(tags: readonly Uint8Array[], tag: Uint8Array): number {
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareBytes(tags[mid]!, tag);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
