/** The qualified set, the joint key and the public shares (SPEC §6.6, §10.6 step 5). */
import { CryptoError, encodePoint, jointPublicKey, publicShares, qualifiedSet } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { disqualifiedDealers, loadCeremony, type JointKeyPayload } from './state.ts';
import { requireBeforeOpening } from './trustees.ts';
import { requireDealingPhase } from './dealings.ts';
import { Code } from '@saylau/protocol';

export { FinishCeremony } from '@saylau/protocol/requests';

export function finishCeremony(ctx: ServerContext, election: string, actor: string, force: boolean) {
  return ctx.db.transaction((): JointKeyPayload => {
    requireBeforeOpening(getElection(ctx, election));
    const state = loadCeremony(ctx, election);
    const info = requireDealingPhase(state);
    const missing = info.trustees.map((x) => x.index).filter((i) => !state.dealings.has(i));
    if (missing.length > 0 && !force)
      throw conflict(Code.DEALINGS_MISSING, `trustee(s) ${missing.join(', ')} have not dealt yet`, {
        missing,
      });
    const pending = state.complaints
      .filter((c) => c.status === 'awaiting-answer')
      .map((c) => ({ dealer: c.message.dealer, recipient: c.message.recipient }));
    if (pending.length > 0 && !force)
      throw conflict(Code.ANSWERS_PENDING, 'some unproven complaints have no answer yet', { pending });
    const disqualified = disqualifiedDealers(state, true);
    let qualified: number[];
    try {
      qualified = qualifiedSet({ t: info.t, n: info.n }, state.dealings.keys(), disqualified);
    } catch (e) {
      if (e instanceof CryptoError)
        throw conflict(Code.NOT_ENOUGH_QUALIFIED, `fewer than t = ${info.t} dealers qualify`, {
          dealt: [...state.dealings.keys()].sort((a, b) => a - b),
          disqualified,
        });
      throw e;
    }
    const commitments = qualified.map((i) => state.dealings.get(i)!.commitments);
    const payload: JointKeyPayload = {
      publicKey: encodePoint(jointPublicKey(commitments)),
      qualified,
      publicShares: publicShares(commitments, info.n).map((X, k) => ({ index: k + 1, key: encodePoint(X) })),
    };
    ctx.board.append(election, 'joint-key', payload);
    audit(ctx, actor, 'ceremony.finish', election, { qualified, disqualified, missing });
    return payload;
  })();
}
