/**
 * One SQLite file per data directory (SPEC §9.1): WAL mode, synchronous=FULL so that a committed
 * board entry survives a crash, numbered schema migrations applied on open.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Append-only migrations: never edit one that has shipped, add the next. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board (
     election TEXT NOT NULL,
     seq      INTEGER NOT NULL CHECK (seq >= 0),
     type     TEXT NOT NULL,
     payload  TEXT NOT NULL,
     prev     TEXT NOT NULL CHECK (length(prev) = 64),
     hash     TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
     PRIMARY KEY (election, seq)
   ) WITHOUT ROWID;
   CREATE TRIGGER board_no_update BEFORE UPDATE ON board
     BEGIN SELECT RAISE(ABORT, 'the bulletin board is append-only'); END;
   CREATE TRIGGER board_no_delete BEFORE DELETE ON board
     BEGIN SELECT RAISE(ABORT, 'the bulletin board is append-only'); END;`,
];

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const from = row?.version ?? 0;
  if (from > MIGRATIONS.length)
    throw new Error(`database schema ${from} is newer than this server (${MIGRATIONS.length})`);
  db.transaction(() => {
    for (let v = from; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    if (row === undefined)
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  })();
}
