/**
 * Schema migrations that rebuild a table (SPEC §9.1): the data survives, the foreign keys of the
 * tables that reference it still hold, and a database with a broken reference is not migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../src/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'saylau-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database at schema `version` with one election, a trustee account and its registration. */
function databaseAt(version: number, file: string, trusteeUser = 't1'): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF'); // so that a test can write a broken reference
  db.exec(
    `CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (${version});`,
  );
  for (const m of MIGRATIONS.slice(0, version)) db.exec(m);
  db.exec(`INSERT INTO users VALUES ('t1', 'trustee', 'x', '2026-01-01');
    INSERT INTO users VALUES ('chair', 'commission', 'y', '2026-01-01');
    INSERT INTO users VALUES ('idle', 'commission', 'w', '2026-01-01');
    INSERT INTO users VALUES ('watcher', 'observer', 'v', '2026-01-01');
    INSERT INTO elections (id, kind, status, manifest, calendar, created_at)
      VALUES ('e1', 'akim', 'nominations', '{}', '{}', '2026-01-01');
    INSERT INTO elections (id, kind, status, manifest, calendar, created_at)
      VALUES ('e2', 'akim', 'nominations', '{}', '{}', '2026-01-01');
    INSERT INTO audit_log (at, actor, action, election, details) VALUES
      ('2026-01-01T00:00:00.000Z', 'chair', 'election.create', 'e1', '{}'),
      ('2026-01-01T00:00:01.000Z', 'os:root', 'user.create', NULL, '{}'),
      ('2026-01-01T00:00:02.000Z', 'watcher', 'roll.stage', 'e2', '{}'),
      ('2026-01-01T00:00:03.000Z', 'fixture', 'election.create', 'e2', '{}');`);
  db.prepare(
    `INSERT INTO trustees (election, round, idx, user, name, signing_key, box_key)
     VALUES ('e1', 0, 1, ?, 'T', 'aa', 'bb')`,
  ).run(trusteeUser);
  db.close();
}

describe('migration v5 (the role admin, grants per election)', () => {
  it('keeps the accounts and the trustees, grants running elections to who ran them, accepts admin, and still enforces every reference', () => {
    const file = join(dir, 'v4.sqlite');
    databaseAt(4, file);
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: MIGRATIONS.length });
      expect(db.prepare('SELECT name, role, password_hash FROM users ORDER BY name').all()).toEqual([
        { name: 'chair', role: 'commission', password_hash: 'y' },
        { name: 'idle', role: 'commission', password_hash: 'w' },
        { name: 't1', role: 'trustee', password_hash: 'x' },
        { name: 'watcher', role: 'observer', password_hash: 'v' },
      ]);
      // The running election keeps the accounts that acted on it, and only those; audited.
      expect(db.prepare('SELECT election, user, granted_by FROM grants ORDER BY user').all()).toEqual([
        { election: 'e1', user: 'chair', granted_by: 'migration v5' },
        { election: 'e1', user: 't1', granted_by: 'migration v5' },
      ]);
      expect(
        db
          .prepare("SELECT actor, election, details FROM audit_log WHERE action = 'grant.add' ORDER BY id")
          .all(),
      ).toEqual([
        { actor: 'migration v5', election: 'e1', details: '{"user":"chair","role":"commission"}' },
        { actor: 'migration v5', election: 'e1', details: '{"user":"t1","role":"trustee"}' },
      ]);
      expect(db.prepare('SELECT user FROM trustees').all()).toEqual([{ user: 't1' }]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.prepare("INSERT INTO users VALUES ('root', 'admin', 'z', '2026-01-02')").run();
      expect(() => db.prepare("INSERT INTO users VALUES ('k', 'king', 'z', '2026-01-02')").run()).toThrow(
        /CHECK/,
      );
      // trustees.user still references the rebuilt users table, and grants reference both tables.
      expect(() =>
        db
          .prepare(
            "INSERT INTO trustees (election, round, idx, user, name, signing_key, box_key) VALUES ('e1', 0, 2, 'ghost', 'G', 'cc', 'dd')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      const grant = db.prepare(
        "INSERT INTO grants (election, user, granted_by, granted_at) VALUES (?, ?, 'root', '2026-01-02')",
      );
      grant.run('e2', 'chair');
      expect(() => grant.run('e1', 'ghost')).toThrow(/FOREIGN KEY/);
      expect(() => grant.run('e3', 'chair')).toThrow(/FOREIGN KEY/);
      expect(() => grant.run('e1', 'chair')).toThrow(/UNIQUE|PRIMARY KEY/);
    } finally {
      db.close();
    }
  });

  it('refuses to migrate a database with a broken reference, and leaves it as it was', () => {
    const file = join(dir, 'broken.sqlite');
    databaseAt(4, file, 'ghost'); // written with foreign keys off: a trustee without an account
    expect(() => openDatabase(file)).toThrow(/broken references \(first in trustees\)/);
    const db = new Database(file);
    try {
      expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 4 });
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'grants'").get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });
});

describe('migration v8 (an assembly place in each language)', () => {
  it('gives a stored one-string place in all three languages and leaves other routes as they were', () => {
    const file = join(dir, 'v7.sqlite');
    databaseAt(7, file);
    const raw = new Database(file);
    const add = raw.prepare(
      "INSERT INTO nominations (election, candidate_iin, data, created_at) VALUES ('e1', ?, ?, '2026-01-01')",
    );
    const party = { route: { kind: 'party', name: { kk: 'П', ru: 'П', en: 'P' } } };
    add.run('1', JSON.stringify({ route: { kind: 'citizen-assembly', place: 'Ақсу', quorum: 1 } }));
    add.run('2', JSON.stringify(party));
    raw.close();
    const db = openDatabase(file);
    try {
      const data = (db.prepare('SELECT data FROM nominations ORDER BY id').all() as { data: string }[]).map(
        (r) => JSON.parse(r.data) as unknown,
      );
      expect(data).toEqual([
        { route: { kind: 'citizen-assembly', place: { kk: 'Ақсу', ru: 'Ақсу', en: 'Ақсу' }, quorum: 1 } },
        party,
      ]);
    } finally {
      db.close();
    }
  });
});
