/**
 * Group commit (server/src/casting/group-commit.ts, SPEC §10.9.2): the work queued in one turn of the
 * event loop shares one transaction, each piece in its own savepoint; nothing resolves before the
 * commit, and the callers resume in queue order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../src/database.ts';
import type { ServerContext } from '../src/context.ts';
import { commitTogether } from '../src/casting/group-commit.ts';

const dirs: string[] = [];
const open: { close(): void }[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database with a table `t`, a context around it, and a second connection that sees only commits. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const db: Db = openDatabase(file);
  db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
  const other = new Database(file, { readonly: true });
  open.push(db, other);
  const ctx = { db } as unknown as ServerContext;
  const committed = () =>
    (other.prepare('SELECT v FROM t ORDER BY v').all() as { v: number }[]).map((r) => r.v);
  return { db, ctx, committed };
}

describe('group commit', () => {
  it('writes what one turn queues in one transaction, refusing each piece on its own', async () => {
    const { db, ctx, committed } = setup();
    const seenByOthers: number[][] = [];
    const insert = (v: number) => () => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      seenByOthers.push(committed());
      return v;
    };
    const order: string[] = [];
    const a = commitTogether(ctx, insert(1)).then((v) => (order.push(`a${v}`), committed()));
    const b = commitTogether(ctx, () => {
      insert(2)();
      throw new Error('refused');
    }).catch((e: Error) => (order.push('b'), e.message));
    const c = commitTogether(ctx, insert(3)).then((v) => (order.push(`c${v}`), committed()));
    expect(committed()).toEqual([]);
    // Nothing of the group was visible to another connection while it was being written: one transaction.
    expect(await a).toEqual([1, 3]);
    expect(await b).toBe('refused');
    expect(await c).toEqual([1, 3]);
    expect(seenByOthers).toEqual([[], [], []]);
    expect(order).toEqual(['a1', 'b', 'c3']);
  });

  it('starts a new group for work queued after the first one was written', async () => {
    const { db, ctx, committed } = setup();
    await commitTogether(ctx, () => db.prepare('INSERT INTO t (v) VALUES (1)').run());
    expect(committed()).toEqual([1]);
    await commitTogether(ctx, () => db.prepare('INSERT INTO t (v) VALUES (2)').run());
    expect(committed()).toEqual([1, 2]);
  });

  it('rejects every piece of the group when the commit itself fails', async () => {
    const { db, ctx, committed } = setup();
    // A deferred foreign-key violation is only found at COMMIT, failing the whole transaction.
    db.exec(
      'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    const ok = commitTogether(ctx, () => db.prepare('INSERT INTO t (v) VALUES (1)').run());
    const orphan = commitTogether(ctx, () => db.prepare('INSERT INTO c (p) VALUES (99)').run());
    await expect(ok).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(committed()).toEqual([]);
  });
});
