/**
 * The registered candidates whose supporting signature lists hold a voter (SPEC §10.9.4), read from
 * the nominations' tables: pending and refused nominations are not told.
 */
import type { ServerContext } from '../context.ts';

export function signedFor(ctx: ServerContext, election: string, iin: string): string[] {
  const ids = ctx.db
    .prepare(
      `SELECT n.candidate_id FROM signatures s JOIN nominations n ON n.id = s.nomination
       WHERE s.election = ? AND s.iin = ? AND n.election = ? AND n.status = 'registered'
         AND n.candidate_id IS NOT NULL`,
    )
    .pluck()
    .all(election, iin, election) as string[];
  const n = (id: string) => Number(id.replace(/\D/g, ''));
  return ids.sort((a, b) => n(a) - n(b) || (a < b ? -1 : 1));
}
