/** Complaints and answers, judged in public as they arrive (SPEC §6.5, §10.6 step 4). */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { requireTrusteeSignature, type AnswerMessage, type ComplaintMessage } from './messages.ts';
import { judgeRecorded, loadCeremony, type CeremonyInfo, type ComplaintRecord } from './state.ts';
import { requireBeforeOpening, trusteeOfUser } from './trustees.ts';
import { requireDealingPhase } from './dealings.ts';
import { Code, type VerdictJson } from '@saylau/protocol';

function requireSameCeremony(info: CeremonyInfo, fingerprint: string): void {
  if (fingerprint !== info.fingerprint)
    throw badRequest(Code.WRONG_CEREMONY, 'the message names another ceremony fingerprint');
}

/** The answer of POST …/ceremony/complaints and …/answers: protocol's VerdictJson. */
export type Verdict = VerdictJson;

const verdictOf = (c: ComplaintRecord): Verdict => ({
  dealer: c.message.dealer,
  recipient: c.message.recipient,
  status: c.status,
  reason: c.answer ? c.answer.judgement.reason : c.judgement.reason,
});

/**
 * Recipient j reveals the key of the box from dealer i. Anyone can judge it; the server records
 * it whatever the verdict, since a rejected complaint is itself public evidence.
 */
export function submitComplaint(
  ctx: ServerContext,
  election: string,
  user: string,
  m: ComplaintMessage,
): Verdict {
  return ctx.db.transaction(() => {
    requireBeforeOpening(getElection(ctx, election));
    const state = loadCeremony(ctx, election);
    const info = requireDealingPhase(state);
    const me = trusteeOfUser(ctx, election, user);
    if (m.recipient !== me.index)
      throw forbidden(Code.NOT_YOUR_INDEX, `you are trustee ${me.index}, not recipient ${m.recipient}`);
    requireSameCeremony(info, m.ceremony);
    if (m.dealer === m.recipient) throw badRequest(Code.BAD_COMPLAINT, 'a dealer keeps its own share');
    if (!state.dealings.has(m.dealer))
      throw conflict(Code.NO_DEALING, `trustee ${m.dealer} has not dealt; there is no box to complain about`);
    if (state.complaints.some((c) => c.message.dealer === m.dealer && c.message.recipient === m.recipient))
      throw conflict(Code.ALREADY_COMPLAINED, `you have already complained about dealer ${m.dealer}`);
    requireTrusteeSignature(m, me.signingKey);
    const entry = ctx.board.append(election, 'dkg-complaint', m);
    const record = judgeRecorded(info, state, entry.seq, m, null);
    audit(ctx, user, 'ceremony.complaint', election, { dealer: m.dealer, verdict: record.status });
    return verdictOf(record);
  })();
}

/** Dealer i answers an unproven complaint by revealing that one box's ephemeral secret. */
export function submitAnswer(ctx: ServerContext, election: string, user: string, m: AnswerMessage): Verdict {
  return ctx.db.transaction(() => {
    requireBeforeOpening(getElection(ctx, election));
    const state = loadCeremony(ctx, election);
    const info = requireDealingPhase(state);
    const me = trusteeOfUser(ctx, election, user);
    if (m.dealer !== me.index)
      throw forbidden(Code.NOT_YOUR_INDEX, `you are trustee ${me.index}, not dealer ${m.dealer}`);
    requireSameCeremony(info, m.ceremony);
    const c = state.complaints.find(
      (x) => x.message.dealer === m.dealer && x.message.recipient === m.recipient,
    );
    if (!c) throw conflict(Code.NO_COMPLAINT, `trustee ${m.recipient} has not complained about you`);
    if (c.answer) throw conflict(Code.ALREADY_ANSWERED, 'this complaint is already answered');
    if (c.judgement.verdict !== 'unproven')
      throw conflict(Code.NO_ANSWER_NEEDED, `the complaint is already settled: ${c.status}`);
    requireTrusteeSignature(m, me.signingKey);
    const entry = ctx.board.append(election, 'dkg-answer', m);
    const record = judgeRecorded(info, state, c.seq, c.message, { seq: entry.seq, message: m });
    audit(ctx, user, 'ceremony.answer', election, { recipient: m.recipient, verdict: record.status });
    return verdictOf(record);
  })();
}

export { verdictOf };
