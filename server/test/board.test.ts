import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { canonicalJson, generateSigningKey, verifyDocument } from '@saylau/crypto';
import { Board, GENESIS_PREV } from '../src/board.ts';
import { appendUntyped } from '@saylau/test-kit';
import { createContext } from '../src/context.ts';
import { MIGRATIONS, openDatabase, type Db } from '../src/database.ts';
import { nativeSigner } from '../src/signer.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
function fresh(): { file: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'saylau-board-'));
  dirs.push(dir);
  const file = join(dir, 'saylau.sqlite');
  const db = openDatabase(file);
  dbs.push(db);
  return { file, db };
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** SPEC §9.2 written out with node:crypto and a key-sorting serialiser, independent of board.ts. */
function specHash(seq: number, type: string, payload: unknown, prev: string): string {
  const canon = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return createHash('sha256').update(canon({ seq, type, payload, prev }), 'utf8').digest('hex');
}

describe('bulletin board storage (SPEC §9.1–§9.4)', () => {
  it('opens in WAL mode with synchronous=FULL', () => {
    const { db } = fresh();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('chains entries per election, from the genesis prev, with hashes anyone can recompute', () => {
    const { db } = fresh();
    const board = new Board(db);
    const a0 = appendUntyped(board, 'e1', 'manifest', { name: { kk: 'Ақсу', ru: 'Аксу' }, z: 1, a: [1, 2] });
    const b0 = appendUntyped(board, 'e2', 'manifest', { name: 'other' });
    const a1 = appendUntyped(board, 'e1', 'ballot', { tracker: 'ABCD' });
    expect([a0.seq, a0.prev, a1.seq, a1.prev, b0.seq]).toEqual([0, GENESIS_PREV, 1, a0.hash, 0]);
    for (const e of board.entries('e1')) expect(e.hash).toBe(specHash(e.seq, e.type, e.payload, e.prev));
    const lines = [...board.exportLines('e1')];
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual(a1);
    expect([...board.exportLines('e1', 1)]).toEqual([lines[1]]);
  });

  it('appends a payload given as canonical text, hashed by the server with native SHA-256, as the spec says', async () => {
    const { db } = fresh();
    const { board } = await createContext(db, { log: () => undefined });
    const payload = { list: ['ab', 'cd'], count: 2, name: 'Ақсу «😀»\n' };
    const e = board.appendCanonical('e1', 'credentials', canonicalJson(payload));
    const f = appendUntyped(board, 'e1', 'ballot', { tracker: 'Ж' });
    expect(e).toEqual({
      seq: 0,
      prev: GENESIS_PREV,
      hash: specHash(0, 'credentials', payload, GENESIS_PREV),
    });
    expect(f.hash).toBe(specHash(1, 'ballot', { tracker: 'Ж' }, e.hash));
    expect([...board.entries('e1')][0]).toEqual({ ...e, type: 'credentials', payload });
  });

  it('refuses UPDATE and DELETE on the board, even by SQL', () => {
    const { db } = fresh();
    const board = new Board(db);
    appendUntyped(board, 'e1', 'manifest', { x: 1 });
    expect(() => db.prepare("UPDATE board SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM board').run()).toThrow(/append-only/);
    expect([...board.entries('e1')][0]!.payload).toEqual({ x: 1 });
  });

  it('writes nothing when the surrounding transaction fails', () => {
    const { db } = fresh();
    const board = new Board(db);
    appendUntyped(board, 'e1', 'manifest', {});
    expect(() =>
      db.transaction(() => {
        appendUntyped(board, 'e1', 'ballot', { n: 1 });
        throw new Error('a later check failed');
      })(),
    ).toThrow('a later check failed');
    expect([...board.entries('e1')]).toHaveLength(1);
    expect(() => appendUntyped(board, 'e1', 'ballot', { bad: Number.NaN })).toThrow(/non-finite/);
    expect(board.head('e1')!.seq).toBe(0);
  });

  it('keeps the chain across a reopen of the same file', () => {
    const { file, db } = fresh();
    const first = appendUntyped(new Board(db), 'e1', 'manifest', { v: 1 });
    db.close();
    const again = openDatabase(file);
    dbs.push(again);
    const next = appendUntyped(new Board(again), 'e1', 'ballot', { v: 2 });
    expect(next.prev).toBe(first.hash);
    expect(again.prepare('SELECT version FROM schema_version').get()).toEqual({ version: MIGRATIONS.length });
  });

  it('signs checkpoints of the head with the server key', () => {
    const { db } = fresh();
    const board = new Board(db);
    const key = generateSigningKey();
    const sign = nativeSigner(key.secretKey);
    expect(board.checkpoint('e1', sign)).toBeNull();
    const e = appendUntyped(board, 'e1', 'manifest', {});
    const cp = board.checkpoint('e1', sign)!;
    expect(cp.checkpoint).toEqual({ election: 'e1', seq: 0, head: e.hash });
    expect(verifyDocument('checkpoint', cp.checkpoint, cp.signature, key.publicKeyText)).toBe(true);
    expect(verifyDocument('checkpoint', { ...cp.checkpoint, seq: 1 }, cp.signature, key.publicKeyText)).toBe(
      false,
    );
  });
});
