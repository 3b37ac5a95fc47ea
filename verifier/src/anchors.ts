/**
 * Check 7.6 (SPEC §10.9.2 "Anchor", §11.2): every ballot's signed body cites a board head its booth
 * fetched before casting. Voters sign their anchors, the operator cannot, so a board rewritten
 * before a ballot — an entry deleted, two ballots swapped, the rest re-chained and re-signed — no
 * longer holds the entry that ballot cites: the final board alone shows it.
 */
import type { Entry } from './board.ts';
import type { Collector } from './report.ts';
import { asString, member } from './shape.ts';

/** A ballot cites a head at most this many entries before its own seq (SPEC §10.9.2 A4). */
export const MAX_ANCHOR_AGE = 1000;

/** The anchor, when it reads as one; otherwise 7.1 refuses the ballot and 7.6 has nothing to check. */
function anchorOf(e: Entry): { seq: number; hash: string } | null {
  const a = member(e.payload, 'anchor');
  const seq = member(a, 'seq');
  const hash = member(a, 'hash');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return { seq, hash };
}

export function checkAnchors(entries: readonly Entry[], out: Collector): void {
  const bySeq = new Map<number, Entry>();
  for (const e of entries) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  const opened = entries.find((e) => e.type === 'voting-opened');
  const previous = new Map<string, Entry>();
  for (const e of entries) {
    if (e.type !== 'ballot') continue;
    const a = anchorOf(e);
    const credential = asString(member(e.payload, 'credential'));
    const before = credential === null ? undefined : previous.get(credential);
    if (credential !== null) previous.set(credential, e);
    if (!a) continue;
    const cited = bySeq.get(a.seq);
    // A1: before the ballot, and the cited entry is on this board with the cited hash.
    if (a.seq >= e.seq) out.fail('7.6', e.seq, 'anchorNotBefore', { anchor: a.seq });
    else if (!cited || cited.hash !== a.hash) out.fail('7.6', e.seq, 'anchorHash', { anchor: a.seq });
    // A2: not before voting opened. A3: not before the same credential's previous ballot.
    if (opened && a.seq < opened.seq) out.fail('7.6', e.seq, 'anchorBeforeOpening', { anchor: a.seq });
    if (before && a.seq < before.seq)
      out.fail('7.6', e.seq, 'anchorBeforePrevious', { anchor: a.seq, other: before.seq });
    // A4: not too far behind.
    if (e.seq - a.seq > MAX_ANCHOR_AGE)
      out.fail('7.6', e.seq, 'anchorTooOld', { anchor: a.seq, max: MAX_ANCHOR_AGE });
  }
}
