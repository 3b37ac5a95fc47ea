/** The protocol's tables against SPEC.md, and the typed reading of exported entries. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Code,
  ENTRY_TABLE,
  ENTRY_TYPES,
  HTTP_ERRORS,
  LOCAL_ERRORS,
  PAYLOADS,
  decodeEntry,
  isErrorCode,
  lastOfType,
  statusAllowed,
  type AnyBoardEntry,
} from '../src/index.ts';

const spec = readFileSync(new URL('../../SPEC.md', import.meta.url), 'utf8');

describe('the entry table', () => {
  it('lists the entry types of SPEC §10 in the table’s order', () => {
    const start = spec.indexOf('| step ');
    const rows = spec.slice(start, spec.indexOf('\n\n', start)).split('\n').slice(2);
    const fromSpec = rows.flatMap((r) => [...r.split('|')[2]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!));
    expect(fromSpec).toEqual([...ENTRY_TYPES]);
    expect(new Set(ENTRY_TYPES).size).toBe(ENTRY_TYPES.length);
  });

  it('cites a SPEC section that exists for every entry type', () => {
    for (const e of ENTRY_TABLE)
      expect(spec).toMatch(new RegExp(`^#+ ${e.section.replace(/\./g, '\\.')} `, 'm'));
  });

  it('has a payload schema for each type and no other', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual([...ENTRY_TYPES].sort());
  });
});

describe('the error table', () => {
  it('names each code once, as itself', () => {
    const http = Object.keys(HTTP_ERRORS);
    const local = Object.keys(LOCAL_ERRORS);
    expect(http.filter((c) => local.includes(c))).toEqual([]);
    for (const c of [...http, ...local]) expect((Code as Record<string, string>)[c]).toBe(c);
    expect(Object.keys(Code)).toHaveLength(http.length + local.length);
  });

  it('gives HTTP refusals error statuses only', () => {
    for (const statuses of Object.values(HTTP_ERRORS)) {
      expect(statuses.length).toBeGreaterThan(0);
      for (const s of statuses) expect(s >= 400 && s < 600).toBe(true);
    }
  });

  it('allows a status only where the table lists it', () => {
    expect(statusAllowed('NOT_OPEN', 409)).toBe(true);
    expect(statusAllowed('NOT_OPEN', 400)).toBe(false);
    expect(statusAllowed('BAD_IIN', 422)).toBe(true);
    expect(statusAllowed('CRYPTO_BAD_HEX', 400)).toBe(true);
    expect(statusAllowed('CRYPTO_BAD_HEX', 409)).toBe(false);
    expect(statusAllowed('NETWORK', 0)).toBe(false);
    expect(statusAllowed('NO_SUCH_CODE', 400)).toBe(false);
    expect(isErrorCode('STALE_ANCHOR')).toBe(true);
    expect(isErrorCode('NETWORK')).toBe(true);
    expect(isErrorCode('CRYPTO_NON_CANONICAL')).toBe(true);
    expect(isErrorCode('stale_anchor')).toBe(false);
    expect(isErrorCode(409)).toBe(false);
  });

  it('lists every code SPEC.md names as an HTTP refusal', () => {
    // "409 `ALREADY_CAST`"-style mentions in the SPEC: each must be in the table with that status.
    const mentions = [...spec.matchAll(/\b([45]\d\d) `([A-Z][A-Z_]+)`/g)].map(
      (m) => [Number(m[1]), m[2]!] as const,
    );
    expect(mentions.length).toBeGreaterThan(30);
    const missing = mentions.filter(
      ([status, code]) => !code.startsWith('CRYPTO_') && !statusAllowed(code, status),
    );
    expect(missing).toEqual([]);
  });
});

describe('decodeEntry', () => {
  const roll = {
    seq: 1,
    type: 'roll',
    payload: { count: 3, commitment: 'ab'.repeat(32), tags: 'A'.repeat(64), root: 'cd'.repeat(32) },
    prev: '0',
    hash: '1',
  };

  it('takes an entry of a known type whose payload has that type’s shape, unchanged', () => {
    const r = decodeEntry(roll);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.entry).toBe(roll);
  });

  it('refuses an unknown type, a payload of the wrong shape, a non-integer seq and non-objects', () => {
    expect(decodeEntry({ ...roll, type: 'filler' })).toMatchObject({ ok: false, field: 'type' });
    expect(decodeEntry({ ...roll, payload: { ...roll.payload, count: -1 } })).toMatchObject({
      ok: false,
      field: 'payload.count',
    });
    expect(decodeEntry({ ...roll, payload: { ...roll.payload, commitment: 'AB'.repeat(32) } })).toMatchObject(
      {
        ok: false,
        field: 'payload.commitment',
      },
    );
    expect(decodeEntry({ ...roll, payload: { ...roll.payload, extra: 1 } })).toMatchObject({ ok: false });
    expect(decodeEntry({ ...roll, seq: 1.5 })).toMatchObject({ ok: false, field: 'seq' });
    expect(decodeEntry({ ...roll, hash: 7 })).toMatchObject({ ok: false, field: 'hash' });
    expect(decodeEntry([roll])).toMatchObject({ ok: false, field: 'entry' });
    expect(decodeEntry(null)).toMatchObject({ ok: false, field: 'entry' });
  });

  it('finds the last entry of a type, typed', () => {
    const entries = [roll, { ...roll, seq: 2, payload: { ...roll.payload, count: 5 } }] as AnyBoardEntry[];
    expect(lastOfType(entries, 'roll')?.payload.count).toBe(5);
    expect(lastOfType(entries, 'tally')).toBeUndefined();
  });
});
