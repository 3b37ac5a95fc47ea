/**
 * The voter roll (SPEC §10.3): an import is staged and reported first; accepting it writes the
 * voters and the board's `roll` entry {count, commitment} in one transaction. One roll per
 * election, fixed before voting opens. An import's file is checked in the upload check worker and
 * its rows stored in parts, in chunks, so an 8 MB file never stalls the server (SPEC §9.1).
 */
import { bytesToHex } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, notFound, unprocessable } from '../http/errors.ts';
import { getElection, requireStatus, type Election } from '../elections/store.ts';
import { readParts, runStagedUpload, writeParts } from '../uploads/staging.ts';
import { uploadChecks } from '../uploads/task-worker.ts';
import type { Delimiter } from './csv.ts';
import type { RejectedRow, RollRow } from './rows.ts';
import { REPORT_REJECTED_LIMIT } from './file-check.ts';
import { newSalt, rollCommitment, rollEntry } from './commitment.ts';
import { parseIin } from './iin.ts';
import { Code } from '@saylau/protocol';

/** The roll may change only while the ballot is being prepared. */
const ROLL_STATUSES = ['nominations', 'ballot-fixed'] as const;
export { REPORT_REJECTED_LIMIT };

export type ImportState = 'pending' | 'accepted' | 'discarded';

export interface ImportReport {
  import: number;
  state: ImportState;
  createdAt: string;
  delimiter: Delimiter;
  ignoredColumns: string[];
  valid: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  truncated: boolean;
}

export interface RollInfo {
  import: number;
  count: number;
  commitment: string;
  /** Private: opens the commitment; shown to the commission only. */
  salt: string;
  acceptedAt: string;
}

interface ImportRow {
  id: number;
  election: string;
  created_at: string;
  /** JSON of the rows, or '[]' when they are stored in parts under `upload`. */
  valid: string;
  rejected: string;
  state: ImportState;
  /** JSON {delimiter, ignoredColumns}, and {valid, rejected} counts when the rows are in parts. */
  meta: string;
  upload: number | null;
}

interface ImportMeta {
  delimiter: Delimiter;
  ignoredColumns: string[];
  valid?: number;
  rejected?: number;
}

/** An import's valid or rejected rows, from its parts or (imports staged before parts) its column. */
function importRows<T>(ctx: ServerContext, row: ImportRow, name: 'valid' | 'rejected', limit?: number): T[] {
  if (row.upload === null) return JSON.parse(row[name]) as T[];
  return readParts(ctx.db, row.upload, name, limit).flatMap((p) => JSON.parse(p) as T[]);
}

function rollElection(ctx: ServerContext, electionId: string): Election {
  const e = getElection(ctx, electionId);
  requireStatus(e, ...ROLL_STATUSES);
  return e;
}

function requireNoRoll(ctx: ServerContext, electionId: string): void {
  if (rollInfo(ctx, electionId) || ctx.board.latest(electionId, 'roll'))
    throw conflict(Code.ROLL_EXISTS, `election ${electionId} already has an accepted roll; it cannot change`);
}

function loadImport(ctx: ServerContext, electionId: string, n: number): ImportRow {
  const row = ctx.db
    .prepare('SELECT * FROM roll_imports WHERE id = ? AND election = ?')
    .get(n, electionId) as ImportRow | undefined;
  if (!row) throw notFound(Code.NO_IMPORT, `election ${electionId} has no roll import ${n}`);
  return row;
}

function toReport(ctx: ServerContext, row: ImportRow): ImportReport {
  const meta = JSON.parse(row.meta) as ImportMeta;
  // The first part holds the first REPORT_REJECTED_LIMIT rejected rows.
  const rejected = importRows<RejectedRow>(ctx, row, 'rejected', 1);
  const rejectedCount = meta.rejected ?? rejected.length;
  return {
    import: row.id,
    state: row.state,
    createdAt: row.created_at,
    delimiter: meta.delimiter,
    ignoredColumns: meta.ignoredColumns,
    valid: meta.valid ?? (JSON.parse(row.valid) as unknown[]).length,
    rejectedCount,
    rejected: rejected.slice(0, REPORT_REJECTED_LIMIT),
    truncated: rejectedCount > REPORT_REJECTED_LIMIT,
  };
}

/**
 * Check a roll file and stage it as a pending import; nothing reaches `voters` yet. `csv` is the
 * raw file (strict UTF-8 is checked) or already decoded text.
 */
export async function stageRollImport(
  ctx: ServerContext,
  electionId: string,
  csv: string | Uint8Array,
  actor: string,
): Promise<ImportReport> {
  const e = rollElection(ctx, electionId);
  requireNoRoll(ctx, e.id);
  const file = await uploadChecks(ctx).run('roll-file', { csv, electionDay: e.manifest.electionDay });
  const meta: ImportMeta = {
    delimiter: file.delimiter,
    ignoredColumns: file.ignoredColumns,
    valid: file.valid,
    rejected: file.rejected,
  };
  const id = await runStagedUpload(ctx, {
    election: e.id,
    kind: 'roll-import',
    stage: (upload) => writeParts(ctx, upload, file.parts),
    commit: (upload) => {
      // The roll may have been accepted, or the election moved on, while the file was checked.
      requireNoRoll(ctx, rollElection(ctx, e.id).id);
      const r = ctx.db
        .prepare(
          `INSERT INTO roll_imports (election, created_at, valid, rejected, state, meta, upload)
           VALUES (?, ?, '[]', '[]', 'pending', ?, ?)`,
        )
        .run(e.id, ctx.clock().toISOString(), JSON.stringify(meta), upload);
      const id = Number(r.lastInsertRowid);
      audit(ctx, actor, 'roll.stage', e.id, { import: id, valid: file.valid, rejected: file.rejected });
      return id;
    },
  });
  return getRollImport(ctx, e.id, id);
}

export function getRollImport(ctx: ServerContext, electionId: string, n: number): ImportReport {
  getElection(ctx, electionId);
  return toReport(ctx, loadImport(ctx, electionId, n));
}

/** The imports of an election, newest first, without their rejected rows. */
export function listRollImports(
  ctx: ServerContext,
  electionId: string,
): Omit<ImportReport, 'rejected' | 'truncated'>[] {
  getElection(ctx, electionId);
  const rows = ctx.db
    .prepare('SELECT * FROM roll_imports WHERE election = ? ORDER BY id DESC')
    .all(electionId) as ImportRow[];
  return rows.map((row) => {
    const r = toReport(ctx, row);
    return {
      import: r.import,
      state: r.state,
      createdAt: r.createdAt,
      delimiter: r.delimiter,
      ignoredColumns: r.ignoredColumns,
      valid: r.valid,
      rejectedCount: r.rejectedCount,
    };
  });
}

/** Every rejected row of an import (for rejected.csv). */
export function rejectedRows(ctx: ServerContext, electionId: string, n: number): RejectedRow[] {
  getElection(ctx, electionId);
  return importRows<RejectedRow>(ctx, loadImport(ctx, electionId, n), 'rejected');
}

function requirePending(row: ImportRow): void {
  if (row.state !== 'pending')
    throw conflict(
      Code.IMPORT_STATE,
      `roll import ${row.id} is ${row.state}; only a pending import can change`,
    );
}

/**
 * Accept a pending import: its valid rows become the roll, the board gets {count, commitment, tags,
 * root}, and
 * any other pending import of the election is discarded. One transaction.
 */
export function acceptRollImport(ctx: ServerContext, electionId: string, n: number, actor: string): RollInfo {
  ctx.db.transaction(() => {
    const e = rollElection(ctx, electionId);
    requireNoRoll(ctx, e.id);
    const row = loadImport(ctx, e.id, n);
    requirePending(row);
    const rows = importRows<RollRow>(ctx, row, 'valid');
    if (rows.length === 0) throw unprocessable(Code.EMPTY_ROLL, `roll import ${n} has no valid rows`);
    const salt = newSalt();
    const commitment = rollCommitment(salt, rows);
    const at = ctx.clock().toISOString();
    const insert = ctx.db.prepare(
      `INSERT INTO voters (election, iin, surname, given_name, patronymic, settlement, address, birth_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const v of rows) {
      const p = parseIin(v.iin);
      if (!p.ok) throw new Error('staged roll row with an invalid IIN'); // checked when staged
      insert.run(
        e.id,
        v.iin,
        v.surname,
        v.givenName,
        v.patronymic,
        v.settlement,
        v.address,
        p.value.birthDate,
      );
    }
    ctx.db
      .prepare(
        'INSERT INTO rolls (election, import, count, commitment, salt, accepted_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(e.id, n, rows.length, commitment, bytesToHex(salt), at);
    ctx.db.prepare("UPDATE roll_imports SET state = 'accepted', decided_at = ? WHERE id = ?").run(at, n);
    ctx.db
      .prepare(
        "UPDATE roll_imports SET state = 'discarded', decided_at = ? WHERE election = ? AND state = 'pending'",
      )
      .run(at, e.id);
    ctx.board.append(e.id, 'roll', rollEntry(salt, rows, commitment));
    audit(ctx, actor, 'roll.accept', e.id, { import: n, count: rows.length });
  })();
  return rollInfo(ctx, electionId)!;
}

export function discardRollImport(
  ctx: ServerContext,
  electionId: string,
  n: number,
  actor: string,
): ImportReport {
  ctx.db.transaction(() => {
    getElection(ctx, electionId);
    const row = loadImport(ctx, electionId, n);
    requirePending(row);
    ctx.db
      .prepare("UPDATE roll_imports SET state = 'discarded', decided_at = ? WHERE id = ?")
      .run(ctx.clock().toISOString(), n);
    audit(ctx, actor, 'roll.discard', electionId, { import: n });
  })();
  return getRollImport(ctx, electionId, n);
}

/** The accepted roll's record (with its private salt), or null before acceptance. */
export function rollInfo(ctx: ServerContext, electionId: string): RollInfo | null {
  const r = ctx.db
    .prepare('SELECT import, count, commitment, salt, accepted_at FROM rolls WHERE election = ?')
    .get(electionId) as
    { import: number; count: number; commitment: string; salt: string; accepted_at: string } | undefined;
  return r
    ? { import: r.import, count: r.count, commitment: r.commitment, salt: r.salt, acceptedAt: r.accepted_at }
    : null;
}

/** Voters on the accepted roll, read from the board's `roll` entry (0 before acceptance). */
export function rollCount(ctx: ServerContext, electionId: string): number {
  const entry = ctx.board.latest(electionId, 'roll');
  return entry ? entry.payload.count : 0;
}

export interface Voter extends RollRow {
  birthDate: string;
}

/** The voter with this IIN on the election's roll, or null. */
export function voterOnRoll(ctx: ServerContext, electionId: string, iin: string): Voter | null {
  const r = ctx.db
    .prepare(
      `SELECT iin, surname, given_name AS givenName, patronymic, settlement, address, birth_date AS birthDate
       FROM voters WHERE election = ? AND iin = ?`,
    )
    .get(electionId, iin) as Voter | undefined;
  return r ?? null;
}

/** Every voter of the roll, sorted by IIN. */
export function rollVoters(ctx: ServerContext, electionId: string): Voter[] {
  return ctx.db
    .prepare(
      `SELECT iin, surname, given_name AS givenName, patronymic, settlement, address, birth_date AS birthDate
       FROM voters WHERE election = ? ORDER BY iin`,
    )
    .all(electionId) as Voter[];
}
