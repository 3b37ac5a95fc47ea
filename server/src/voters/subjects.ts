/**
 * From a voter token's `sub` back to the voter on the roll (SPEC §10.9.1, §10.9.4): the reference is
 * a keyed hash of the IIN, so the server computes every roll voter's reference once per election
 * (the roll never changes once accepted) and keeps the map while the election is busy.
 */
import type { ServerContext } from '../context.ts';
import { electionCache } from '../election-cache.ts';
import { voterRef } from './tokens.ts';

/** Reference → IIN per election, for the busiest elections only (election-cache.ts). */
export const subjectMaps = electionCache<Map<string, string>>();

/** The IIN of the roll voter whose reference is `subject`, or null. */
export function iinOfSubject(ctx: ServerContext, election: string, subject: string): string | null {
  const refs = subjectMaps.get(ctx, election, () => {
    if (ctx.board.firstSeq(election, 'roll') === null) return null; // no accepted roll yet
    const iins = ctx.db
      .prepare('SELECT iin FROM voters WHERE election = ?')
      .pluck()
      .all(election) as string[];
    return new Map(iins.map((iin) => [voterRef(ctx, election, iin), iin]));
  });
  return refs?.get(subject) ?? null;
}
