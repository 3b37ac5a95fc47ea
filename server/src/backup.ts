/**
 * An online copy of a data directory's database (`saylau backup`, README "Backups"). `VACUUM INTO`
 * writes one consistent snapshot inside a single read transaction, so the server keeps casting
 * while it runs (in WAL mode the reader and the writer do not block each other) and the copy never
 * holds half a step: every ballot in it is one that had its receipt, every board chain is whole.
 * The copy holds the server's secrets (signing keys, token key, pepper), so it is written 0600.
 */
import { closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './database.ts';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupSummary {
  file: string;
  bytes: number;
  schema: number;
  /** Each election's board head in the copy. */
  boards: { election: string; seq: number; head: string }[];
}

/** Copy the database at `source` to the new file `out`; checks the copy before it answers. */
export function backupDatabase(source: string, out: string): BackupSummary {
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (existsSync(out)) throw new BackupError(`${out} exists; a backup never overwrites a file`);
  // An empty file made first, so the copy has mode 0600 from its first byte (VACUUM INTO fills
  // an empty file).
  closeSync(openSync(out, 'wx', 0o600));
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('VACUUM INTO ?').run(out);
    } finally {
      db.close();
    }
    return check(out);
  } catch (e) {
    unlinkSync(out);
    if (e instanceof BackupError) throw e;
    throw new BackupError(`backup failed: ${(e as Error).message}`);
  }
}

/** Open the copy read-only and make sure SQLite and this server can use it. */
function check(file: string): BackupSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`the copy fails SQLite's integrity check: ${integrity}`);
    const schema = (db.prepare('SELECT version FROM schema_version').get() as { version: number }).version;
    if (schema > MIGRATIONS.length)
      throw new BackupError(`the copy's schema ${schema} is newer than this server`);
    const boards = db
      .prepare(
        `SELECT b.election, b.seq, b.hash AS head FROM board b
         JOIN (SELECT election, max(seq) AS seq FROM board GROUP BY election) m
           ON m.election = b.election AND m.seq = b.seq
         ORDER BY b.election`,
      )
      .all() as BackupSummary['boards'];
    return { file, bytes: statSync(file).size, schema, boards };
  } finally {
    db.close();
  }
}
