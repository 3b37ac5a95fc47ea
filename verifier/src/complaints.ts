/**
 * Checks 12.1–12.2 (SPEC §10.9.5, §11.2): the complaints voters filed during the vote and the
 * commission's answers. Which complaints are still open is information for the report, not a failure.
 */
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import type { Collector } from './report.ts';
import { hex, member, obj, oneOf, str, text, time } from './shape.ts';

const SUBJECTS = ['signature', 'roll', 'credential', 'ballot', 'other'] as const;
const DECISIONS = ['upheld', 'rejected'] as const;

/** 12.1 and 12.2; returns the ids of the complaints without an answer, in board order. */
export function checkComplaints(entries: readonly Entry[], manifest: Manifest, out: Collector): string[] {
  const closed = entries.find((e) => e.type === 'voting-closed');
  const closedAt = closed ? Date.parse(String(member(closed.payload, 'at'))) : NaN;
  const { votingOpens, votingCloses } = manifest.calendar;
  /** Filing time by id, of every complaint entry that names an id. */
  const filed = new Map<string, number>();
  const answered = new Set<string>();
  let k = 0;
  for (const e of entries) {
    if (e.type === 'complaint') {
      k += 1;
      const expected = `k${k}`;
      const named = member(e.payload, 'id');
      if (typeof named === 'string' && !filed.has(named)) filed.set(named, NaN);
      out.guard('12.1', e.seq, 'complaint', () => {
        const o = obj(e.payload, 'complaint', ['id', 'about', 'filedAt', 'commitment']);
        const id = str(o.id, 'complaint.id');
        if (id !== expected) out.fail('12.1', e.seq, 'complaintId', { id, expected });
        oneOf(o.about, 'complaint.about', SUBJECTS);
        hex(o.commitment, 'complaint.commitment', 32);
        const at = time(o.filedAt, 'complaint.filedAt');
        filed.set(id, at);
        if (at < votingOpens || at >= votingCloses || at > closedAt)
          out.fail('12.1', e.seq, 'complaintTime', { at: String(o.filedAt) });
      });
    } else if (e.type === 'complaint-answer') {
      out.guard('12.2', e.seq, 'complaint-answer', () => {
        const o = obj(e.payload, 'complaint-answer', ['complaint', 'answeredAt', 'decision', 'text']);
        const id = str(o.complaint, 'complaint-answer.complaint');
        const at = time(o.answeredAt, 'complaint-answer.answeredAt');
        oneOf(o.decision, 'complaint-answer.decision', DECISIONS);
        text(o.text, 'complaint-answer.text', 2000);
        if (!filed.has(id)) out.fail('12.2', e.seq, 'answerUnknown', { id });
        else if (answered.has(id)) out.fail('12.2', e.seq, 'answerRepeated', { id });
        else if (at < filed.get(id)!) out.fail('12.2', e.seq, 'answerBeforeComplaint', { id });
        answered.add(id);
      });
    }
  }
  return [...filed.keys()].filter((id) => !answered.has(id));
}
