/**
 * The bulletin board (SPEC §9.2–§9.3): a hash chain of entries {seq, type, payload, prev, hash} per
 * election, stored append-only, exported as JSON Lines, with signed checkpoints of its head.
 */
import { canonicalJson, sha256Hex, type Checkpoint } from '@saylau/crypto';
import type { DocumentSigner } from './signer.ts';
import {
  GENESIS_PREV,
  entryHash,
  type AnyBoardEntry,
  type BoardEntry,
  type EntryPayload,
  type EntryType,
} from '@saylau/protocol';
import type { Db } from './database.ts';

export { GENESIS_PREV, entryHash };
export type { AnyBoardEntry, BoardEntry, Checkpoint };

/** Hex SHA-256 of the UTF-8 of `parts` one after the other (the server gives Node's native one). */
export type Sha256OfParts = (parts: readonly string[]) => string;
const sha256OfParts: Sha256OfParts = (parts) => sha256Hex(new TextEncoder().encode(parts.join('')));

/**
 * The canonical JSON of {seq, type, payload, prev} in parts, from the payload's canonical text: JCS
 * orders the keys payload, prev, seq, type, so hashing these gives {@link entryHash} without
 * encoding a large payload again.
 */
const entryParts = (seq: number, type: string, payloadText: string, prev: string) => [
  '{"payload":',
  payloadText,
  `,"prev":${canonicalJson(prev)},"seq":${canonicalJson(seq)},"type":${canonicalJson(type)}}`,
];

interface Row {
  seq: number;
  type: string;
  payload: string;
  prev: string;
  hash: string;
}

/**
 * One canonical entry (SPEC §3.1, §9.3) written from its row: keys in JCS order, the payload text as
 * stored (append stores canonical JSON), so the line equals exportLines' without re-encoding.
 */
const rowLine = (r: Row) =>
  `{"hash":"${r.hash}","payload":${r.payload},"prev":"${r.prev}","seq":${r.seq},"type":${canonicalJson(r.type)}}\n`;

/**
 * A stored row as an entry of its type. Rows are written only by {@link Board.append} from payloads
 * of the declared type (and by migrations of the same shape), so the type is known, not guessed.
 */
const toEntry = <T extends EntryType>(r: Row): BoardEntry<T> => ({
  seq: r.seq,
  type: r.type as T,
  payload: JSON.parse(r.payload) as EntryPayload<T>,
  prev: r.prev,
  hash: r.hash,
});

export class Board {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly rangeStmt;
  private readonly typeStmt;
  private readonly latestStmt;
  private readonly pageStmt;
  private readonly hashAtStmt;
  private readonly firstSeqStmt;

  constructor(
    private readonly db: Db,
    private readonly sha256: Sha256OfParts = sha256OfParts,
  ) {
    this.headStmt = db.prepare('SELECT seq, hash FROM board WHERE election = ? ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      'INSERT INTO board (election, seq, type, payload, prev, hash) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.rangeStmt = db.prepare(
      'SELECT seq, type, payload, prev, hash FROM board WHERE election = ? AND seq >= ? ORDER BY seq',
    );
    this.typeStmt = db.prepare(
      'SELECT seq, type, payload, prev, hash FROM board WHERE election = ? AND type = ? ORDER BY seq',
    );
    this.latestStmt = db.prepare(
      'SELECT seq, type, payload, prev, hash FROM board WHERE election = ? AND type = ? ORDER BY seq DESC LIMIT 1',
    );
    this.hashAtStmt = db.prepare('SELECT hash FROM board WHERE election = ? AND seq = ?');
    this.firstSeqStmt = db.prepare(
      'SELECT seq FROM board WHERE election = ? AND type = ? ORDER BY seq LIMIT 1',
    );
    this.pageStmt = db.prepare(
      'SELECT seq, type, payload, prev, hash FROM board WHERE election = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ?',
    );
  }

  head(election: string): { seq: number; hash: string } | null {
    return (this.headStmt.get(election) as { seq: number; hash: string } | undefined) ?? null;
  }

  /**
   * Append one entry. Call inside the caller's transaction when the entry must commit together with
   * other rows; the returned entry is durable only once that transaction has committed.
   */
  append<T extends EntryType>(election: string, type: T, payload: EntryPayload<T>): BoardEntry<T> {
    const text = canonicalJson(payload); // also refuses what canonical JSON cannot carry
    const { seq, prev, hash } = this.appendCanonical(election, type, text);
    return { seq, type, payload: JSON.parse(text) as EntryPayload<T>, prev, hash };
  }

  /**
   * Append an entry whose payload is given as its canonical JSON text (SPEC §3.1), which must come
   * from canonicalJson: a large payload is encoded off the event loop and not parsed again here.
   */
  appendCanonical(
    election: string,
    type: EntryType,
    payloadText: string,
  ): Omit<BoardEntry, 'type' | 'payload'> {
    const head = this.head(election);
    const seq = head === null ? 0 : head.seq + 1;
    const prev = head === null ? GENESIS_PREV : head.hash;
    const hash = this.sha256(entryParts(seq, type, payloadText, prev));
    this.insertStmt.run(election, seq, type, payloadText, prev, hash);
    return { seq, prev, hash };
  }

  /** The hash of the entry at `seq`, or null when the board has no such entry. */
  hashAt(election: string, seq: number): string | null {
    return (this.hashAtStmt.get(election, seq) as { hash: string } | undefined)?.hash ?? null;
  }

  /** The entry at `seq`, or null. */
  entryAt(election: string, seq: number): AnyBoardEntry | null {
    const r = this.pageStmt.get(election, seq, seq, 1) as Row | undefined;
    return r ? (toEntry(r) as AnyBoardEntry) : null;
  }

  /** The seq of the first entry of one type (without reading its payload), or null. */
  firstSeq(election: string, type: EntryType): number | null {
    return (this.firstSeqStmt.get(election, type) as { seq: number } | undefined)?.seq ?? null;
  }

  /** Every entry of one type, in order. */
  ofType<T extends EntryType>(election: string, type: T): BoardEntry<T>[] {
    return (this.typeStmt.all(election, type) as Row[]).map((r) => toEntry<T>(r));
  }

  /** The latest entry of one type, or null. */
  latest<T extends EntryType>(election: string, type: T): BoardEntry<T> | null {
    const r = this.latestStmt.get(election, type) as Row | undefined;
    return r ? toEntry<T>(r) : null;
  }

  /** Entries from `from` on, in order (SPEC §9.3). */
  *entries(election: string, from = 0): Generator<AnyBoardEntry> {
    for (const r of this.rangeStmt.iterate(election, from) as Iterable<Row>)
      yield toEntry(r) as AnyBoardEntry;
  }

  /** JSON Lines export: one canonical entry a line (SPEC §9.3). */
  *exportLines(election: string, from = 0): Generator<string> {
    for (const e of this.entries(election, from)) yield canonicalJson(e) + '\n';
  }

  /**
   * Export lines of entries from..to (inclusive), at most `limit` of them, read whole so that no
   * cursor stays open while a slow reader is served; null when there is none.
   */
  exportPage(
    election: string,
    from: number,
    to: number,
    limit: number,
  ): { text: string; last: number } | null {
    const rows = this.pageStmt.all(election, from, to, limit) as Row[];
    if (rows.length === 0) return null;
    return { text: rows.map(rowLine).join(''), last: rows[rows.length - 1]!.seq };
  }

  /** A checkpoint of the current head signed with the server key (SPEC §9.4). */
  checkpoint(election: string, sign: DocumentSigner): { checkpoint: Checkpoint; signature: string } | null {
    const head = this.head(election);
    if (head === null) return null;
    const checkpoint: Checkpoint = { election, seq: head.seq, head: head.hash };
    return { checkpoint, signature: sign('checkpoint', checkpoint) };
  }
}
