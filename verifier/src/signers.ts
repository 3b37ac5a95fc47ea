/**
 * Checks 3.5 and 3.6 (SPEC §10.4.7): who supported and who nominated, from public tags only. Every
 * signer is on the roll, once in a list, not the candidate, and (one signature per signer) in one
 * list only; no candidate was nominated by the sitting akim, whose tag the fixed ballot carries.
 */
import { bytesToB64, firstOutOfOrder } from '@saylau/crypto';
import type { Profile } from '@saylau/protocol';
import type { Entry } from './board.ts';
import type { Candidate, Roll } from './nominations.ts';
import type { Collector } from './report.ts';
import { b64, member } from './shape.ts';

/** 3.5: the signer lists against the roll's tags, the candidate and each other. */
export function checkSigners(
  candidates: readonly Candidate[],
  roll: Roll | null,
  profile: Profile | null,
  out: Collector,
): void {
  const signedFor = new Map<string, string>();
  for (const c of candidates) {
    if (c.signers === null) continue;
    const i = firstOutOfOrder(c.signers);
    if (i > 0) out.fail('3.5', c.seq, 'signerOrder', { candidate: c.id, index: i });
    let off = 0;
    let own = 0;
    for (const t of new Set(c.signers.map(bytesToB64))) {
      if (roll && !roll.tags.has(t)) off++;
      if (t === c.tags.candidate) own++;
      const other = signedFor.get(t);
      if (profile?.oneSignaturePerSigner && other !== undefined)
        out.fail('3.5', c.seq, 'signerTwice', { candidate: c.id, other });
      else signedFor.set(t, c.id);
    }
    if (off > 0) out.fail('3.5', c.seq, 'signerNotOnRoll', { candidate: c.id, count: off });
    if (own > 0) out.fail('3.5', c.seq, 'signerIsCandidate', { candidate: c.id });
  }
}

/** 3.6: the fixed ballot of an akim election names the akim's tag, and no candidate is the akim's. */
export function checkAkim(entries: readonly Entry[], candidates: readonly Candidate[], out: Collector): void {
  const fixed = entries.find((e) => e.type === 'ballot-fixed');
  if (!fixed) return;
  const raw = member(fixed.payload, 'akim');
  if (raw === undefined) return out.fail('3.6', fixed.seq, 'akimMissing');
  const akim = out.guard('3.6', fixed.seq, 'ballot-fixed.akim', () => b64(raw, 'ballot-fixed.akim', 16));
  if (akim === undefined) return;
  for (const c of candidates) {
    if (c.tags.submitter === akim) out.fail('3.6', c.seq, 'akimSubmitter', { candidate: c.id });
    else if (c.tags.chair === akim) out.fail('3.6', c.seq, 'akimChair', { candidate: c.id });
    else if (c.route === 'self' && c.tags.candidate === akim)
      out.fail('3.6', c.seq, 'akimSelf', { candidate: c.id });
  }
}
