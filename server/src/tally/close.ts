/** Closing the vote and posting the encrypted tally (SPEC §10.10). */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict } from '../http/errors.ts';
import { before, toLocal } from '../elections/calendar.ts';
import { getElection, requireStatus, setStatus } from '../elections/store.ts';
import { electionParams } from '../elections/voting.ts';
import { Code } from '@saylau/protocol';
import { closingTally } from './running.ts';
import { publishSignIns } from '../voters/sign-ins.ts';

/**
 * open → closed, then `voting-closed` {at, ballots} and `tally` in one transaction. Allowed from
 * votingCloses on; a demo election (manifest.demo) may close at any time.
 */
export function closeVoting(ctx: ServerContext, id: string, actor: string) {
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, id);
    requireStatus(e, 'open');
    if (before(now, e.calendar.votingCloses) && !e.manifest.demo)
      throw conflict(Code.TOO_EARLY, `voting closes at ${e.calendar.votingCloses}`);
    const tally = closingTally(ctx, id, electionParams(e));
    setStatus(ctx, id, 'open', 'closed');
    // Every hour's sign-ins not yet on the board, before the close (§10.9.3).
    publishSignIns(ctx, id);
    const closed = ctx.board.append(id, 'voting-closed', { at: toLocal(now), ballots: tally.ballots });
    const entry = ctx.board.append(id, 'tally', tally);
    audit(ctx, actor, 'voting.close', id, { ballots: tally.ballots, counted: tally.counted });
    return { votingClosed: closed, tally: entry };
  })();
}
