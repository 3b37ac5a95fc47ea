/**
 * Check 2.5: entry types are known and in the order of the SPEC §10 table. The types are the
 * protocol's table; the rules over them are this verifier's own.
 */
import { ENTRY_TYPES } from '@saylau/protocol/entries';
import type { EntryType } from '@saylau/protocol';
import type { Entry } from './board.ts';
import type { Collector } from './report.ts';

/** Set up before voting opens: every type between the manifest and `voting-opened` (§10 table). */
const SETUP: ReadonlySet<string> = new Set(ENTRY_TYPES.slice(1, ENTRY_TYPES.indexOf('voting-opened')));
/** At most one each (roll and credentials are counted by 3.1 and 5.1). */
const ONCE: ReadonlySet<string> = new Set<EntryType>([
  'ballot-fixed',
  'ceremony',
  'joint-key',
  'voting-opened',
  'voting-closed',
  'tally',
  'result',
]);
const DKG: ReadonlySet<string> = new Set<EntryType>(['dkg-dealing', 'dkg-complaint', 'dkg-answer']);
/** A ceremony round's entries, `trustee` to `joint-key` (§10 table), which a `ceremony-reset` voids (§10.6.7). */
export const ROUND_TYPES: ReadonlySet<string> = new Set(
  ENTRY_TYPES.slice(ENTRY_TYPES.indexOf('trustee'), ENTRY_TYPES.indexOf('joint-key') + 1),
);

export function checkOrder(entries: readonly Entry[], out: Collector): void {
  const seen = new Set<string>();
  const known = new Set<string>(ENTRY_TYPES);
  entries.forEach((e, i) => {
    const t = e.type;
    const f = (key: Parameters<Collector['fail']>[2], params = {}) =>
      out.fail('2.5', e.seq, key, { type: t, ...params });
    if (!known.has(t)) f('typeUnknown');
    // §10.9.5: a complaint's answer may follow the result; which complaint it answers is 12.2.
    if (seen.has('result') && t !== 'complaint-answer') f('afterResult');
    if (ONCE.has(t) && seen.has(t)) f('typeRepeated');
    if (SETUP.has(t) && seen.has('voting-opened')) f('afterOpening');
    if ((t === 'candidate' || t === 'nomination-extended') && seen.has('ballot-fixed')) f('afterBallotFixed');
    if (t === 'trustee' && seen.has('ceremony')) f('trusteeAfterCeremony');
    if ((DKG.has(t) || t === 'joint-key') && !seen.has('ceremony')) f('beforeCeremony');
    if (DKG.has(t) && seen.has('joint-key')) f('afterJointKey');
    if (t === 'credentials' && !seen.has('roll')) f('credentialsBeforeRoll');
    // §10.1.2: the initiative is checked against the roll (one initiative only: 3.7).
    if (t === 'initiative' && !seen.has('roll')) f('initiativeBeforeRoll');
    if (t === 'voting-opened') {
      const missing = ['roll', 'ballot-fixed', 'joint-key', 'credentials'].filter((x) => !seen.has(x));
      if (missing.length > 0) f('openedTooEarly', { missing: missing.join(', ') });
    }
    if (t === 'ballot' && (!seen.has('voting-opened') || seen.has('voting-closed'))) f('ballotOutside');
    if (t === 'complaint' && (!seen.has('voting-opened') || seen.has('voting-closed'))) f('complaintOutside');
    if (t === 'voting-closed' && !seen.has('voting-opened')) f('closedBeforeOpened');
    // §10.10: voting-closed and tally are appended in one transaction.
    if (t === 'voting-closed' && i + 1 < entries.length && entries[i + 1]!.type !== 'tally')
      f('tallyNotNext');
    if (t === 'tally' && entries[i - 1]?.type !== 'voting-closed') f('tallyNotNext');
    if (t === 'decryption' && !seen.has('tally')) f('decryptionBeforeTally');
    if (t === 'result' && !seen.has('tally')) f('resultBeforeTally');
    seen.add(t);
    // Whether a reset may end this round (a ceremony, no joint key) is check 4.6.
    if (t === 'ceremony-reset') for (const x of ROUND_TYPES) seen.delete(x);
  });
}
