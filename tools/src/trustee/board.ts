/**
 * The board as a trustee reads it (SPEC §9.2–§9.3): JSON Lines, checked as a hash chain before any
 * entry is used. A trustee decrypts only what it has recomputed from this chain.
 */
import { decodeEntry, type AnyBoardEntry, Code, ENDPOINTS, GENESIS_PREV, entryHash } from '@saylau/protocol';
import { call, ClientError } from '../http.ts';
import type { TrusteeApi } from './ceremony.ts';

/** Where the board comes from: the server's export by default, or any mirror's copy. */
export type BoardSource = (election: string) => Promise<string>;

export const httpBoard =
  (api: TrusteeApi): BoardSource =>
  (election) =>
    call(api, ENDPOINTS.board, { params: { id: election } });

/**
 * Parse JSON Lines and check seq 0.., prev links, every entry hash, and that each entry is of a known
 * type with a payload of that type's shape (SPEC §10).
 */
export function parseBoard(text: string): AnyBoardEntry[] {
  const entries: AnyBoardEntry[] = [];
  let prev = GENESIS_PREV;
  for (const [k, line] of text.split('\n').entries()) {
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ClientError(`board line ${k + 1} is not JSON`, Code.BAD_BOARD);
    }
    const decoded = decodeEntry(json);
    if (!decoded.ok)
      throw new ClientError(`board line ${k + 1}: ${decoded.field}: ${decoded.message}`, Code.BAD_BOARD);
    const e = decoded.entry;
    if (e.seq !== entries.length || e.prev !== prev || e.hash !== entryHash(e))
      throw new ClientError(`board entry ${entries.length} breaks the hash chain`, Code.BAD_BOARD);
    entries.push(e);
    prev = e.hash;
  }
  return entries;
}
