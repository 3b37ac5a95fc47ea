/** Opening the vote (SPEC §10.8): the ballot, the joint key, the credentials and the roll must all be there. */
import { decodeElectionParams, type ElectionParams, type ElectionParamsJson } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict } from '../http/errors.ts';
import { atOrAfter, before } from './calendar.ts';
import { getElection, requireStatus, setParams, setStatus, type Election } from './store.ts';
import { Code } from '@saylau/protocol';

/** What is still missing before voting can open (empty when ready); a referendum's initiative last. */
export function missingForOpening(ctx: ServerContext, e: Election): string[] {
  const missing: string[] = [];
  if (e.contests === null) missing.push('ballot-fixed');
  if (!ctx.board.latest(e.id, 'roll')) missing.push('roll');
  if (!ctx.board.latest(e.id, 'joint-key')) missing.push('joint-key');
  if (!ctx.board.latest(e.id, 'credentials')) missing.push('credentials');
  if (e.kind === 'referendum' && !ctx.board.latest(e.id, 'initiative')) missing.push('initiative');
  return missing;
}

export function composeParams(ctx: ServerContext, e: Election): ElectionParamsJson {
  const jk = ctx.board.latest(e.id, 'joint-key');
  if (!jk || e.contests === null)
    throw conflict(Code.NOT_READY, 'the ballot and the joint key are needed first');
  const json = {
    version: 'saylau/v1' as const,
    election: e.id,
    publicKey: jk.payload.publicKey,
    contests: e.contests.map((c) => ({ id: c.id, options: c.options.length })),
  };
  return decodeElectionParams(json).json;
}

export function openVoting(ctx: ServerContext, id: string, actor: string): Election {
  const now = ctx.clock();
  ctx.db.transaction(() => {
    const e = getElection(ctx, id);
    requireStatus(e, 'ballot-fixed');
    if (before(now, e.calendar.votingOpens))
      throw conflict(Code.TOO_EARLY, `voting opens at ${e.calendar.votingOpens}`);
    if (atOrAfter(now, e.calendar.votingCloses))
      throw conflict(Code.TOO_LATE, `voting closed at ${e.calendar.votingCloses}`);
    const missing = missingForOpening(ctx, e).filter((m) => m !== 'initiative');
    if (missing.length > 0)
      throw conflict(Code.NOT_READY, `voting cannot open before: ${missing.join(', ')}`, { missing });
    // §10.8 rule 4, §10.1.2: a referendum is held only on an initiative.
    if (e.kind === 'referendum' && !ctx.board.latest(e.id, 'initiative'))
      throw conflict(Code.NO_INITIATIVE, 'a referendum opens only on its recorded initiative');
    const params = composeParams(ctx, e);
    setStatus(ctx, id, 'ballot-fixed', 'open');
    setParams(ctx, id, params);
    ctx.board.append(id, 'voting-opened', { params });
    audit(ctx, actor, 'voting.open', id);
  })();
  return getElection(ctx, id);
}

/** Whether ballots are accepted now: status open and inside the voting hours. */
export function acceptingBallots(e: Election, now: Date): boolean {
  return (
    e.status === 'open' && atOrAfter(now, e.calendar.votingOpens) && before(now, e.calendar.votingCloses)
  );
}

const paramsCache = new Map<string, ElectionParams>();
/** The decoded §8.1 parameters of an open election, cached (decoding precomputes tables for K). */
export function electionParams(e: Election): ElectionParams {
  if (e.params === null) throw conflict(Code.NOT_OPEN, `election ${e.id} has not opened`);
  const key = `${e.id}:${JSON.stringify(e.params)}`;
  let p = paramsCache.get(key);
  if (!p) {
    p = decodeElectionParams(e.params);
    paramsCache.set(key, p);
  }
  return p;
}
