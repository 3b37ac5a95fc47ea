/**
 * The roll commitment (SPEC §10.3): hex H256_roll/commitment(salt, JCS(rows sorted by IIN)). The
 * board shows only the count and this hash; with the salt an auditor given the roll can check it,
 * and without the salt nobody can test a guessed roll against it.
 */
import {
  MerkleTree,
  bytesToHex,
  canonicalJsonBytes,
  encodeTags,
  randomBytes,
  rollTag,
  sortTags,
  taggedHash256,
} from '@saylau/crypto';
import type { EntryPayload } from '@saylau/protocol';
import type { RollRow } from './rows.ts';

export const SALT_BYTES = 32;

/** Rows in the committed order and shape: sorted by IIN, exactly the six fields. */
export function committedRows(rows: readonly RollRow[]): RollRow[] {
  return rows
    .map((r) => ({
      iin: r.iin,
      surname: r.surname,
      givenName: r.givenName,
      patronymic: r.patronymic,
      settlement: r.settlement,
      address: r.address,
    }))
    .sort((a, b) => (a.iin < b.iin ? -1 : a.iin > b.iin ? 1 : 0));
}

export function rollCommitment(salt: Uint8Array, rows: readonly RollRow[]): string {
  return bytesToHex(taggedHash256('roll/commitment', [salt, canonicalJsonBytes(committedRows(rows))]));
}

export const newSalt = (): Uint8Array => randomBytes(SALT_BYTES);

/**
 * The board's `roll` entry (SPEC §10.3, §10.3.4): the count, the commitment, every voter's public tag
 * in ascending order and the root of the Merkle tree over them.
 */
export function rollEntry(
  salt: Uint8Array,
  rows: readonly Pick<RollRow, 'iin'>[],
  commitment: string,
): EntryPayload<'roll'> {
  const tags = sortTags(rows.map((r) => rollTag(salt, r.iin)));
  return {
    count: rows.length,
    commitment,
    tags: encodeTags(tags),
    root: bytesToHex(new MerkleTree(tags).root),
  };
}
