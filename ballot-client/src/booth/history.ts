/**
 * The booth in the browser's history and across a reload (SPEC §10.14, "History and reload"). Each
 * place the voter reaches is a history entry whose state names only the place; Back and Forward
 * become `goto` events for the machine, which shows only a step that still exists. What survives a
 * reload is the place (in the entry) and, after casting, the signed receipt with its tracker (in
 * sessionStorage, until "Finish"): never a code, a token, a choice or a ballot's randomness.
 */
import type { SignedReceipt } from '../index.ts';
import { PLACES, type Place } from './state.ts';

interface Entry {
  saylauBooth: Place;
  /** The entry's position among the booth's entries, to tell Back from Forward. */
  n: number;
}

/** The position of the entry shown now. */
let at = 0;

/** The place a history entry's state names, if the booth wrote it, and its position. */
export function entryOf(state: unknown): { place: Place; n: number } | null {
  const e = state as Partial<Entry> | null;
  const place = PLACES.find((x) => x === e?.saylauBooth);
  return place ? { place, n: typeof e?.n === 'number' ? e.n : 0 } : null;
}

/** Make the current entry `place`: a new entry for a step reached, or this one rewritten. */
export function markPlace(place: Place, how: 'push' | 'replace'): void {
  if (how === 'push') {
    at += 1;
    history.pushState({ saylauBooth: place, n: at } satisfies Entry, '');
  } else {
    at = entryOf(history.state)?.n ?? at;
    history.replaceState({ saylauBooth: place, n: at } satisfies Entry, '');
  }
}

/**
 * The voter went Back or Forward to an entry of `place` and the booth now shows `now`. An entry whose
 * step no longer exists is rewritten as the step shown when reached by Back (so that Back after
 * casting walks out through receipts), and undone when reached by Forward (so that a dropped ballot
 * leaves no entry that shows the same step twice).
 */
export function settle(entry: { place: Place; n: number }, now: Place | null): void {
  const from = at;
  at = entry.n;
  if (!now || now === entry.place) return;
  if (entry.n > from) history.go(from - entry.n);
  else markPlace(now, 'replace');
}

/** The receipt kept for a reload: the signed receipt and the tracker of the ballot it answered. */
export interface KeptReceipt {
  signed: SignedReceipt;
  tracker: string;
}

const key = (election: string) => `saylau.booth.receipt.${election}`;

/** Keep the receipt for this tab until "Finish" (null forgets it). */
export function keepReceipt(election: string, kept: KeptReceipt | null): void {
  try {
    if (kept) sessionStorage.setItem(key(election), JSON.stringify(kept));
    else sessionStorage.removeItem(key(election));
  } catch {
    // storage disabled: the receipt lasts as long as the page
  }
}

/** The receipt kept in this tab, if any and well-formed; its signature is checked again by the caller. */
export function keptReceipt(election: string): KeptReceipt | null {
  let v: unknown;
  try {
    v = JSON.parse(sessionStorage.getItem(key(election)) ?? 'null');
  } catch {
    return null;
  }
  const k = v as Partial<KeptReceipt> | null;
  const r = k?.signed?.receipt as Partial<SignedReceipt['receipt']> | undefined;
  if (typeof k?.tracker !== 'string' || typeof k.signed?.signature !== 'string') return null;
  if (typeof r?.tracker !== 'string' || typeof r.seq !== 'number' || r.election !== election) return null;
  return { signed: k.signed, tracker: k.tracker };
}
