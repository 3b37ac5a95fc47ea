/**
 * Supporting signatures (SPEC §10.4): a list of signers' IINs per nomination, each checked against
 * the accepted roll. A new list replaces the previous one atomically; only valid signers are kept.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { rollCount } from '../roll/service.ts';
import {
  checkSigners,
  onRollRule,
  signerEntries,
  type SignerEntry,
  type SignerReason,
  type SignerRule,
} from '../roll/signers.ts';
import { requireNominationOpen } from './rules.ts';
import { getNomination, signatureStatus, type SignatureStatus } from './store.ts';
import { Code } from '@saylau/protocol';

export type SignatureReason = SignerReason | 'not-on-roll' | 'candidate' | 'signed-elsewhere';
export type SignatureEntry = SignerEntry;

export interface SignatureReport extends SignatureStatus {
  nomination: number;
  /** Refused entries by position in the list (0-based); IINs are not echoed. */
  invalid: { index: number; line?: number; reason: SignatureReason }[];
}

/** One IIN a line (first cell of a ; or , separated line); a first line without digits is a header. */
export function signatureListFromText(text: string): SignatureEntry[] {
  const out: SignatureEntry[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((l, i) => {
      const cell = l
        .split(/[;,\t]/)[0]!
        .replace(/^"|"$/g, '')
        .trim();
      if (cell === '' || (out.length === 0 && i === 0 && !/\d/.test(cell))) return;
      out.push({ iin: cell.slice(0, 40), line: i + 1 });
    });
  return out;
}

export function submitSignatures(
  ctx: ServerContext,
  electionId: string,
  n: number,
  list: readonly (string | SignatureEntry)[],
  actor: string,
): SignatureReport {
  const entries = signerEntries(list);
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    requireNominationOpen(e, now);
    const nom = getNomination(ctx, e.id, n);
    if (nom.status !== 'pending')
      throw conflict(
        Code.NOMINATION_STATE,
        `nomination ${n} is ${nom.status}; signatures go with a pending nomination`,
      );
    if (rollCount(ctx, e.id) === 0)
      throw conflict(Code.NO_ROLL, 'signatures are checked against the roll: accept it first');
    const elsewhere = ctx.db.prepare(
      `SELECT 1 FROM signatures s JOIN nominations n ON n.id = s.nomination
       WHERE s.election = ? AND s.iin = ? AND s.nomination <> ? AND n.status IN ('pending', 'registered')`,
    );
    const oneEach = e.manifest.profile.oneSignaturePerSigner;
    const rules: SignerRule<SignatureReason>[] = [
      (iin) => (iin === nom.candidate.iin ? 'candidate' : null),
      onRollRule(ctx, e.id),
      (iin) => (oneEach && elsewhere.get(e.id, iin, n) ? 'signed-elsewhere' : null),
    ];
    const { valid, invalid } = checkSigners(entries, rules);
    // S3a: a list whose every entry is refused would only erase the stored one; it changes nothing.
    if (entries.length > 0 && valid.length === 0)
      throw unprocessable(Code.NO_VALID_SIGNATURES, `none of the ${entries.length} signatures is valid`, {
        invalid,
      });
    ctx.db.prepare('DELETE FROM signatures WHERE nomination = ?').run(n);
    const insert = ctx.db.prepare('INSERT INTO signatures (nomination, election, iin) VALUES (?, ?, ?)');
    for (const iin of valid) insert.run(n, e.id, iin);
    audit(ctx, actor, 'nomination.signatures', e.id, {
      nomination: n,
      valid: valid.length,
      invalid: invalid.length,
    });
    return { nomination: n, ...signatureStatus(ctx, e, nom), invalid };
  })();
}
