/**
 * Reading a board export (SPEC §9.3: one canonical entry a line) and the hash chain (§9.2):
 * checks 2.1 (seq), 2.2 (prev), 2.3 (hash and canonical lines) and 2.6 (extends an earlier export).
 */
import { platform } from '#platform';
import { canonicalJson } from '@saylau/crypto';
import type { MessageKey } from './catalog.ts';
import type { Collector } from './report.ts';
import type { Params } from './shape.ts';

export const ZERO_HASH = '0'.repeat(64);
const HASH = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = ['seq', 'type', 'payload', 'prev', 'hash'];
/** `{"hash":"<64 hex>",` — in a canonical line `hash` sorts first (SPEC §3.1). */
const HASH_PREFIX = 75;

export interface Entry {
  /** Position among the parsed entries (file order). */
  index: number;
  /** 1-based line number in the export. */
  line: number;
  seq: number;
  type: string;
  payload: unknown;
  prev: string;
  hash: string;
  /** The line as read, canonical when `canonical` is true. */
  text: string;
  canonical: boolean;
}

/** Input the verifier cannot work on at all (exit code 2). */
export class UnusableInput extends Error {
  override readonly name = 'UnusableInput';
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
  }
}

const sha256 = (s: string): string => platform.sha256Hex(s);

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop(); // each line ends in \n (SPEC §9.3)
  return lines;
}

/** Parse the export; records 2.3 failures for bad lines and throws UnusableInput for garbage. */
export function parseBoard(text: string, out: Collector): Entry[] {
  const lines = splitLines(text);
  if (lines.length === 0) throw new UnusableInput('inputEmpty');
  const entries: Entry[] = [];
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    let value: unknown;
    try {
      value = line === '' ? undefined : JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
      if (entries.length === 0 && i === 0) throw new UnusableInput('inputNotJsonl', { line: lineNo });
      out.fail('2.3', null, line === '' ? 'lineBlank' : 'lineNotJson', { line: lineNo });
      return;
    }
    const o = value as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => !ENTRY_KEYS.includes(k));
    const missing = ENTRY_KEYS.filter((k) => !Object.hasOwn(o, k));
    const seq = o.seq;
    const usable =
      typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 && typeof o.type === 'string';
    if (!usable || missing.includes('payload')) {
      if (entries.length === 0 && i === 0) throw new UnusableInput('inputNotJsonl', { line: lineNo });
      out.fail('2.3', null, 'lineNotEntry', { line: lineNo });
      return;
    }
    const e: Entry = {
      index: entries.length,
      line: lineNo,
      seq,
      type: o.type as string,
      payload: o.payload,
      prev: typeof o.prev === 'string' ? o.prev : '',
      hash: typeof o.hash === 'string' ? o.hash : '',
      text: line,
      canonical: false,
    };
    if (extra.length > 0 || missing.length > 0 || !HASH.test(e.prev) || !HASH.test(e.hash)) {
      out.fail('2.3', seq, 'entryFields', { line: lineNo });
    }
    let canon: string | null = null;
    try {
      canon = canonicalJson(o);
    } catch {
      canon = null;
    }
    e.canonical = canon === line && extra.length === 0 && missing.length === 0;
    if (canon !== line) out.fail('2.3', seq, 'lineNotCanonical', { line: lineNo });
    // SPEC §9.2: hash = SHA-256(JCS({seq, type, payload, prev})). In a canonical line that is the
    // line without its leading `"hash":"…",` member.
    let input: string | null;
    if (e.canonical && HASH.test(e.hash)) input = '{' + line.slice(HASH_PREFIX);
    else {
      try {
        input = canonicalJson({ seq: e.seq, type: e.type, payload: e.payload, prev: e.prev });
      } catch {
        input = null;
      }
    }
    if (input === null || sha256(input) !== e.hash) out.fail('2.3', seq, 'hashMismatch', { line: lineNo });
    entries.push(e);
  });
  if (entries.length === 0) throw new UnusableInput('inputNotJsonl', { line: 1 });
  if (entries[0]!.type !== 'manifest') throw new UnusableInput('inputNoManifest', { type: entries[0]!.type });
  return entries;
}

/** 2.1 seq contiguous from 0; 2.2 prev links (64 zeros first). One failure per break, then resync. */
export function checkChain(entries: readonly Entry[], out: Collector): void {
  let expected = 0;
  let previous: Entry | null = null;
  for (const e of entries) {
    if (e.seq !== expected) out.fail('2.1', e.seq, 'seqGap', { line: e.line, seq: e.seq, expected });
    expected = e.seq + 1;
    const want = previous === null ? ZERO_HASH : previous.hash;
    if (e.prev !== want)
      out.fail('2.2', e.seq, previous === null ? 'prevGenesis' : 'prevBroken', {
        line: e.line,
        previous: previous?.seq ?? 0,
      });
    previous = e;
  }
}

/** 2.6: every entry of the earlier export is, in order, the same entry of this board. */
export function checkSince(entries: readonly Entry[], since: string, out: Collector): void {
  const old = splitLines(since);
  let differences = 0;
  for (let i = 0; i < old.length; i++) {
    let canon: string;
    try {
      canon = canonicalJson(JSON.parse(old[i]!));
    } catch {
      out.fail('2.6', null, 'sinceUnreadable', { line: i + 1 });
      return;
    }
    const e = entries[i];
    if (!e) {
      out.fail('2.6', null, 'sinceShorter', { old: old.length, now: entries.length });
      return;
    }
    let now: string;
    try {
      now = e.canonical ? e.text : canonicalJson(JSON.parse(e.text));
    } catch {
      now = e.text;
    }
    if (now !== canon) {
      out.fail('2.6', e.seq, 'sinceDiffers', { line: i + 1 });
      if (++differences >= 100) return;
    }
  }
}
