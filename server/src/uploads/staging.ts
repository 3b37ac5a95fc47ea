/**
 * Large uploads without long event-loop stalls (SPEC §9.1): an upload's rows are written in chunks,
 * one short transaction each with a yield between them, under an `uploads` row in state 'staging'
 * that no reader sees; one final transaction checks again what may have changed meanwhile, writes
 * the small rows that show the upload, and marks it committed. So the upload appears whole or not at
 * all: a refusal in that last step, or a crash before it, leaves only staged rows, which are deleted
 * (at once, or when the server next starts).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../database.ts';
import type { ServerContext } from '../context.ts';

/** Rows a chunk writes: 500 short rows and their commit take about 10 ms on the 2-core VM. */
export const CHUNK_ROWS = 500;

/**
 * Every table that holds rows of an upload before it is committed, with its key after `upload`.
 * A new staged table is listed here, so that a discarded upload leaves none of its rows.
 */
const STAGED_TABLES = [
  { table: 'credential_keys', key: 'public_key', chunk: CHUNK_ROWS },
  { table: 'upload_parts', key: 'name, part', chunk: 1 }, // a part is a few hundred kB
] as const;

export interface StagedUpload<T> {
  election: string;
  kind: string;
  /** Write the upload's rows under `upload`, in chunks ({@link writeChunks}). */
  stage(upload: number): Promise<void>;
  /**
   * Inside the final transaction: check again whatever a concurrent request may have changed, write
   * the rows that show the upload, and answer. A throw discards everything staged.
   */
  commit(upload: number): T;
}

/** Stage an upload in chunks, then show it with one transaction; on any refusal nothing remains. */
export async function runStagedUpload<T>(ctx: ServerContext, u: StagedUpload<T>): Promise<T> {
  const upload = withoutSync(ctx.db, () =>
    Number(
      ctx.db
        .prepare("INSERT INTO uploads (election, kind, state, created_at) VALUES (?, ?, 'staging', ?)")
        .run(u.election, u.kind, ctx.clock().toISOString()).lastInsertRowid,
    ),
  );
  try {
    await u.stage(upload);
    return ctx.db.transaction(() => {
      const answer = u.commit(upload);
      ctx.db.prepare("UPDATE uploads SET state = 'committed' WHERE id = ?").run(upload);
      return answer;
    })();
  } catch (e) {
    while (!discardChunk(ctx.db, upload)) await yieldToLoop();
    throw e;
  }
}

/** Insert `items` with `sql`, CHUNK_ROWS (or `chunk`) rows a transaction, yielding between. */
export async function writeChunks<I>(
  ctx: ServerContext,
  sql: string,
  items: readonly I[],
  params: (item: I, index: number) => unknown[],
  chunk = CHUNK_ROWS,
): Promise<void> {
  const insert = ctx.db.prepare(sql);
  const write = ctx.db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + chunk, items.length); i++) insert.run(...params(items[i]!, i));
  });
  for (let from = 0; from < items.length; from += chunk) {
    write(from); // with its own fsync: see withoutSync
    await yieldToLoop();
  }
}

/** Store named lists of text parts (JSON arrays, say) under the upload, one part a transaction. */
export function writeParts(
  ctx: ServerContext,
  upload: number,
  parts: Record<string, readonly string[]>,
): Promise<void> {
  const rows = Object.entries(parts).flatMap(([name, texts]) =>
    texts.map((data, part) => ({ name, part, data })),
  );
  return writeChunks(
    ctx,
    'INSERT INTO upload_parts (upload, name, part, data) VALUES (?, ?, ?, ?)',
    rows,
    (r) => [upload, r.name, r.part, r.data],
    1,
  );
}

/** The parts stored under `name`, in order (the first `limit` of them when given). */
export function readParts(db: Db, upload: number, name: string, limit = -1): string[] {
  return (
    db
      .prepare('SELECT data FROM upload_parts WHERE upload = ? AND name = ? ORDER BY part LIMIT ?')
      .all(upload, name, limit) as { data: string }[]
  ).map((r) => r.data);
}

/** Delete one chunk of a staged upload's rows, or its `uploads` row once none is left; true when gone. */
function discardChunk(db: Db, upload: number): boolean {
  return withoutSync(
    db,
    db.transaction(() => {
      for (const { table, key, chunk } of STAGED_TABLES) {
        const deleted = db
          .prepare(
            `DELETE FROM ${table} WHERE upload = ? AND (${key}) IN
             (SELECT ${key} FROM ${table} WHERE upload = ? LIMIT ?)`,
          )
          .run(upload, upload, chunk).changes;
        if (deleted > 0) return false;
      }
      db.prepare("DELETE FROM uploads WHERE id = ? AND state = 'staging'").run(upload);
      return true;
    }),
  );
}

/**
 * Run `fn`'s transaction with synchronous=NORMAL, for the bookkeeping rows of a staging upload (its
 * `uploads` row, the deletion of a discarded one): nobody sees them, and a crash before the final
 * commit loses nothing anyone saw. NORMAL keeps the database consistent in WAL mode, and the setting
 * is restored before any other request runs (this is one synchronous step). The staged chunks
 * themselves commit with FULL: left unsynced, 20 MB of them made the final commit's fsync stall the
 * event loop for 100–150 ms on the 2-core VM.
 */
function withoutSync<T>(db: Db, fn: () => T): T {
  const was = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma(`synchronous = ${was}`);
  }
}

/** On start, before serving: drop what a crash left staged (it was never shown). */
export function discardStagedUploads(db: Db): void {
  const staged = db.prepare("SELECT id FROM uploads WHERE state = 'staging'").all() as { id: number }[];
  for (const { id } of staged) while (!discardChunk(db, id));
}

/** Rows as JSON array texts of at most `size` rows each (none for no rows), for {@link writeParts}. */
export function jsonParts(rows: readonly unknown[], size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += size) parts.push(JSON.stringify(rows.slice(i, i + size)));
  return parts;
}
