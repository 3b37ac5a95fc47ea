/**
 * Complaints as the server keeps them (SPEC §10.9.5): the private rows (text, nonce, voter) and the
 * public answers, which are board entries only.
 */
import type { ServerContext } from '../context.ts';
import type { ComplaintAnswer, ComplaintListJson, ComplaintSubject } from '@saylau/protocol';

export const MAX_COMPLAINTS_PER_VOTER = 3;

interface Row {
  number: number;
  about: ComplaintSubject;
  text: string;
  seq: number;
}

/** `k<n>` for the n-th complaint of an election, and back. */
export const complaintId = (n: number): string => `k${n}`;
export const complaintNumber = (id: string): number => Number(id.slice(1));

export function complaintsFiledBy(ctx: ServerContext, election: string, voter: string): number {
  return ctx.db
    .prepare('SELECT count(*) FROM complaints WHERE election = ? AND voter = ?')
    .pluck()
    .get(election, voter) as number;
}

export function nextComplaintNumber(ctx: ServerContext, election: string): number {
  const max = ctx.db
    .prepare('SELECT max(number) FROM complaints WHERE election = ?')
    .pluck()
    .get(election) as number | null;
  return (max ?? 0) + 1;
}

export function insertComplaint(
  ctx: ServerContext,
  election: string,
  c: { number: number; voter: string; about: ComplaintSubject; text: string; nonce: string; seq: number },
): void {
  ctx.db
    .prepare(
      'INSERT INTO complaints (election, number, voter, about, text, nonce, seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(election, c.number, c.voter, c.about, c.text, c.nonce, c.seq);
}

/** The board's answers by complaint id. */
export function answersOf(
  ctx: ServerContext,
  election: string,
): Map<string, { seq: number } & ComplaintAnswer> {
  return new Map(
    ctx.board
      .ofType(election, 'complaint-answer')
      .map((e) => [e.payload.complaint, { seq: e.seq, ...e.payload }]),
  );
}

/** Every complaint with its text and answer, in board order (the commission's list). */
export function listComplaints(ctx: ServerContext, election: string): ComplaintListJson['complaints'] {
  const rows = ctx.db
    .prepare('SELECT number, about, text, seq FROM complaints WHERE election = ? ORDER BY number')
    .all(election) as Row[];
  const filed = new Map(
    ctx.board.ofType(election, 'complaint').map((e) => [e.payload.id, e.payload.filedAt]),
  );
  const answers = answersOf(ctx, election);
  return rows.map((r) => {
    const id = complaintId(r.number);
    const a = answers.get(id);
    return {
      id,
      about: r.about,
      filedAt: filed.get(id) ?? '',
      seq: r.seq,
      text: r.text,
      answer: a ? { decision: a.decision, text: a.text, answeredAt: a.answeredAt, seq: a.seq } : null,
    };
  });
}
