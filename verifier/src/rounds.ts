/**
 * SPEC §10.6.7: a ceremony that cannot finish is started again with a `ceremony-reset` entry. The
 * board's ceremony entries are cut into rounds at each reset; every round is checked by 4.1–4.5 as
 * an ordinary ceremony (a forged dealing in an abandoned round still fails), but only the last
 * round's joint key is the election key. 4.6 checks the resets, 4.7 that every round has fresh keys.
 */
import type { Entry } from './board.ts';
import { checkRound, type CeremonyResult } from './ceremony.ts';
import type { Manifest } from './manifest.ts';
import { ROUND_TYPES } from './order.ts';
import type { Collector } from './report.ts';
import { account, hex, int, member, obj, text } from './shape.ts';

export interface Round {
  /** The round's ceremony entries in board order. */
  entries: Entry[];
  /** The `ceremony-reset` that ended it; null for the last round. */
  reset: Entry | null;
}

/** The ceremony entries cut at each `ceremony-reset` (round 0 first). */
export function ceremonyRounds(entries: readonly Entry[]): Round[] {
  const rounds: Round[] = [{ entries: [], reset: null }];
  for (const e of entries) {
    const current = rounds[rounds.length - 1]!;
    if (e.type === 'ceremony-reset') {
      current.reset = e;
      rounds.push({ entries: [], reset: null });
    } else if (ROUND_TYPES.has(e.type)) current.entries.push(e);
  }
  return rounds;
}

/** 4.1–4.7: every round, its reset, fresh keys; the last round's ceremony and joint key count. */
export function checkCeremony(entries: readonly Entry[], manifest: Manifest, out: Collector): CeremonyResult {
  const rounds = ceremonyRounds(entries);
  const opened = entries.find((e) => e.type === 'voting-opened')?.index ?? Infinity;
  let last: CeremonyResult = { ceremony: null, jointKey: null };
  rounds.forEach((r, k) => {
    last = checkRound(r.entries, manifest, out);
    if (r.reset) checkReset(r.reset, k + 1, r, opened, out);
  });
  checkFreshKeys(rounds, out);
  return last;
}

/**
 * 4.6: the reset ends round `expected` − 1: exact keys, naming the account that made it; rounds
 * numbered 1, 2, … in board order; that round has a `ceremony` whose fingerprint it names and no
 * `joint-key`; before `voting-opened`.
 */
function checkReset(e: Entry, expected: number, r: Round, opened: number, out: Collector): void {
  out.guard('4.6', e.seq, 'ceremony-reset', () => {
    const o = obj(e.payload, 'ceremony-reset', ['round', 'ceremony', 'reason', 'by']);
    account(o.by, 'ceremony-reset.by');
    const round = int(o.round, 'ceremony-reset.round', 1);
    const fingerprint = hex(o.ceremony, 'ceremony-reset.ceremony', 32);
    text(o.reason, 'ceremony-reset.reason', 500);
    if (round !== expected) out.fail('4.6', e.seq, 'resetRound', { round, expected });
    const c = r.entries.find((x) => x.type === 'ceremony');
    const published = member(c?.payload, 'fingerprint');
    if (!c) out.fail('4.6', e.seq, 'resetNoCeremony');
    else if (published !== fingerprint)
      out.fail('4.6', e.seq, 'resetFingerprint', { expected: String(published) });
    if (r.entries.some((x) => x.type === 'joint-key')) out.fail('4.6', e.seq, 'resetAfterJointKey');
    if (e.index > opened) out.fail('4.6', e.seq, 'resetAfterOpening');
  });
}

/** 4.7: no signing or box key of a round's trustees was registered in an earlier round. */
function checkFreshKeys(rounds: readonly Round[], out: Collector): void {
  const earlier = new Set<unknown>();
  rounds.forEach((r, k) => {
    const trustees = r.entries.filter((e) => e.type === 'trustee');
    for (const e of trustees) {
      const signingKey = member(e.payload, 'signingKey');
      const boxKey = member(e.payload, 'boxKey');
      if (k > 0 && (earlier.has(signingKey) || earlier.has(boxKey)))
        out.fail('4.7', e.seq, 'keyFromEarlierRound', { round: k });
    }
    for (const e of trustees)
      for (const key of ['signingKey', 'boxKey']) {
        const v = member(e.payload, key);
        if (typeof v === 'string') earlier.add(v);
      }
  });
}
