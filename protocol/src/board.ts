/**
 * The board's hash chain (SPEC §9.2) and reading entries of a board export as a client (§9.2–§9.3),
 * typed by their entry type.
 */
import { canonicalJsonBytes, sha256Hex } from '@saylau/crypto';
import { type EntryType, isEntryType } from './entries.ts';
import { PAYLOADS, type AnyBoardEntry, type BoardEntry } from './payloads.ts';

/** The `prev` of entry 0. */
export const GENESIS_PREV = '0'.repeat(64);

/** hash = hex SHA-256 of the canonical JSON of {seq, type, payload, prev} (SPEC §9.2). */
export function entryHash(e: Omit<AnyBoardEntry, 'hash'>): string {
  return sha256Hex(canonicalJsonBytes({ seq: e.seq, type: e.type, payload: e.payload, prev: e.prev }));
}

/** Why an entry was not taken: the first field that is not what SPEC §10 says. */
export type EntryProblem = { ok: false; field: string; message: string };

/**
 * An exported entry with a known type and a payload of that type's schema, or the first problem.
 * The payload is kept as sent: the chain hash covers exactly those bytes (§9.2).
 */
export function decodeEntry(value: unknown): { ok: true; entry: AnyBoardEntry } | EntryProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, field: 'entry', message: 'not an object' };
  const e = value as Record<string, unknown>;
  if (!Number.isSafeInteger(e.seq)) return { ok: false, field: 'seq', message: 'not an integer' };
  if (typeof e.prev !== 'string' || typeof e.hash !== 'string')
    return { ok: false, field: 'hash', message: 'prev and hash must be strings' };
  if (!isEntryType(e.type))
    return { ok: false, field: 'type', message: `unknown entry type ${String(e.type)}` };
  const r = PAYLOADS[e.type].safeParse(e.payload);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {
      ok: false,
      field: ['payload', ...(issue?.path ?? []).map(String)].join('.'),
      message: issue?.message ?? '',
    };
  }
  return { ok: true, entry: value as AnyBoardEntry };
}

/** Entries of one type, typed. */
export const ofType = <T extends EntryType>(entries: readonly AnyBoardEntry[], type: T): BoardEntry<T>[] =>
  entries.filter((e) => e.type === type) as readonly BoardEntry[] as BoardEntry<T>[];

/** The last entry of one type, typed, or undefined. */
export const lastOfType = <T extends EntryType>(entries: readonly AnyBoardEntry[], type: T) =>
  ofType(entries, type).at(-1);
