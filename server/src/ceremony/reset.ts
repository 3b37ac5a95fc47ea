/**
 * Starting the key ceremony again (SPEC §10.6.7): the commission abandons a ceremony that cannot
 * finish, before its joint key, with a public reason. The abandoned round stays on the board and
 * counts for nothing further; trustees register again with fresh keys.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { loadCeremony } from './state.ts';
import { requireBeforeOpening } from './trustees.ts';
import type { ResetPayload } from '@saylau/protocol';
import { Code } from '@saylau/protocol';

export type { ResetPayload };

export { ResetCeremony } from '@saylau/protocol/requests';

/**
 * Append `ceremony-reset` {round, ceremony, reason, by} and an audit row naming the same actor, in
 * one transaction.
 */
export function resetCeremony(
  ctx: ServerContext,
  election: string,
  reason: string,
  actor: string,
): ResetPayload {
  return ctx.db.transaction((): ResetPayload => {
    requireBeforeOpening(getElection(ctx, election));
    const state = loadCeremony(ctx, election);
    if (!state.ceremony) throw conflict(Code.NO_CEREMONY, 'no ceremony has started in this round');
    if (state.jointKey)
      throw conflict(Code.CEREMONY_FINISHED, 'the joint key is published; the ceremony cannot start again');
    const payload: ResetPayload = {
      round: state.round + 1,
      ceremony: state.ceremony.fingerprint,
      reason,
      by: actor,
    };
    const entry = ctx.board.append(election, 'ceremony-reset', payload);
    audit(ctx, actor, 'ceremony.reset', election, { round: payload.round, seq: entry.seq });
    return payload;
  })();
}
