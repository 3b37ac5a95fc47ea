/**
 * The commission's answer to a complaint (SPEC §10.9.5): public, one per complaint, in any status
 * after the complaint (also after the result, which it never holds back).
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, notFound } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { toLocal } from '../elections/calendar.ts';
import { answersOf } from './store.ts';
import { Code, type ComplaintAnswerBody } from '@saylau/protocol';

export function answerComplaint(
  ctx: ServerContext,
  election: string,
  complaint: string,
  body: ComplaintAnswerBody,
  actor: string,
): { complaint: string; seq: number; hash: string } {
  return ctx.db.transaction(() => {
    getElection(ctx, election);
    if (!ctx.board.ofType(election, 'complaint').some((e) => e.payload.id === complaint))
      throw notFound(Code.UNKNOWN_COMPLAINT, `no complaint ${complaint} on this board`);
    if (answersOf(ctx, election).has(complaint))
      throw conflict(Code.ALREADY_ANSWERED, `complaint ${complaint} is already answered`);
    const e = ctx.board.append(election, 'complaint-answer', {
      complaint,
      answeredAt: toLocal(ctx.clock()),
      decision: body.decision,
      text: body.text,
    });
    audit(ctx, actor, 'complaint.answer', election, { id: complaint, decision: body.decision });
    return { complaint, seq: e.seq, hash: e.hash };
  })();
}
