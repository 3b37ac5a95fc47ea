/**
 * A list of signers' IINs checked against the accepted roll: a nomination's supporting signatures
 * (SPEC §10.4.4 S2) and a referendum's initiative (§10.1.2). Each entry, in order, is valid or
 * refused with the first applicable reason; the caller adds its own rules.
 */
import type { ServerContext } from '../context.ts';
import { badRequest } from '../http/errors.ts';
import { parseIin, type IinError } from './iin.ts';
import { Code } from '@saylau/protocol';

/** The most entries one list may hold (400 TOO_MANY_SIGNATURES). */
export const MAX_SIGNATURES = 20_000;

export interface SignerEntry {
  iin: string;
  /** 1-based line in an uploaded text file, when the list came as one. */
  line?: number;
}

export type SignerReason = IinError | 'duplicate';
/** A caller's rule on a well-formed, first-seen IIN: a reason to refuse it, or null. */
export type SignerRule<R extends string> = (iin: string) => R | null;

export interface SignerCheck<R extends string> {
  valid: string[];
  /** Refused entries by position in the list (0-based); IINs are not echoed. */
  invalid: { index: number; line?: number; reason: SignerReason | R }[];
}

/** The entries of a list as given (strings or entries with lines), at most MAX_SIGNATURES of them. */
export function signerEntries(list: readonly (string | SignerEntry)[]): SignerEntry[] {
  if (list.length > MAX_SIGNATURES)
    throw badRequest(Code.TOO_MANY_SIGNATURES, `a signature list holds at most ${MAX_SIGNATURES} entries`);
  return list.map((x) => (typeof x === 'string' ? { iin: x } : x));
}

/** `not-on-roll` for an IIN that is not on the election's accepted roll. */
export function onRollRule(ctx: ServerContext, election: string): SignerRule<'not-on-roll'> {
  const onRoll = ctx.db.prepare('SELECT 1 FROM voters WHERE election = ? AND iin = ?');
  return (iin) => (onRoll.get(election, iin) ? null : 'not-on-roll');
}

/** An invalid IIN, then `duplicate` (earlier in this list), then each rule in order. */
export function checkSigners<R extends string>(
  entries: readonly SignerEntry[],
  rules: readonly SignerRule<R>[],
): SignerCheck<R> {
  const seen = new Set<string>();
  const out: SignerCheck<R> = { valid: [], invalid: [] };
  entries.forEach((entry, index) => {
    const reject = (reason: SignerReason | R) =>
      out.invalid.push(entry.line === undefined ? { index, reason } : { index, line: entry.line, reason });
    const p = parseIin(entry.iin);
    if (!p.ok) return reject(p.error);
    if (seen.has(entry.iin)) return reject('duplicate');
    seen.add(entry.iin);
    for (const rule of rules) {
      const reason = rule(entry.iin);
      if (reason !== null) return reject(reason);
    }
    out.valid.push(entry.iin);
  });
  return out;
}
