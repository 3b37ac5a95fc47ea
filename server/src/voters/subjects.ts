/**
 * From a voter token's `sub` back to the voter on the roll (SPEC §10.9.1, §10.9.4): the reference is
 * a keyed hash of the IIN, so the server computes every roll voter's reference once per election
 * (the roll never changes once accepted) and keeps the map.
 */
import type { ServerContext } from '../context.ts';
import { voterRef } from './tokens.ts';

const maps = new WeakMap<ServerContext['db'], Map<string, Map<string, string>>>();

/** The IIN of the roll voter whose reference is `subject`, or null. */
export function iinOfSubject(ctx: ServerContext, election: string, subject: string): string | null {
  let byElection = maps.get(ctx.db);
  if (!byElection) maps.set(ctx.db, (byElection = new Map()));
  let refs = byElection.get(election);
  if (!refs) {
    if (ctx.board.firstSeq(election, 'roll') === null) return null; // no accepted roll yet
    const iins = ctx.db
      .prepare('SELECT iin FROM voters WHERE election = ?')
      .pluck()
      .all(election) as string[];
    refs = new Map(iins.map((iin) => [voterRef(ctx, election, iin), iin]));
    byElection.set(election, refs);
  }
  return refs.get(subject) ?? null;
}
