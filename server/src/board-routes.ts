/**
 * Public board endpoints (SPEC §9.3–§9.4): the JSON Lines export for observers and mirrors, and the
 * signed checkpoint of the head.
 */
import { Router, type Response } from 'express';
import type { ServerContext } from './context.ts';
import { notFound } from './http/errors.ts';
import { electionParam, parseQuery, parseWith } from './http/validate.ts';
import { getElection } from './elections/store.ts';
import { BoardQuery, Code } from '@saylau/protocol';
import { SeqParam } from '@saylau/protocol/requests';

/**
 * The public board may be read from any page, the verifier page opened from disk (origin null)
 * included (SPEC §9.3, §11.5): no credentials are sent or accepted, so `*` gives nothing away.
 */
function anyOrigin(res: Response): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'x-board-head-seq');
}

/** Entries read per query: the stream never holds a SQLite cursor across an await. */
export const EXPORT_PAGE = 256;

/** Until the client has taken what was written, or has gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Stream entries from..head (the head when the request arrived) in pages. A better-sqlite3 iterator
 * keeps the connection busy until it finishes, so waiting for a slow reader inside one would block
 * every cast; each page is read whole and the stream waits for 'drain' between pages.
 */
async function streamBoard(ctx: ServerContext, election: string, from: number, res: Response): Promise<void> {
  const head = ctx.board.head(election);
  res.status(200).type('application/x-ndjson');
  res.setHeader('cache-control', 'no-store');
  if (head) res.setHeader('x-board-head-seq', String(head.seq));
  let next = from;
  while (head && next <= head.seq && !res.destroyed) {
    const page = ctx.board.exportPage(election, next, head.seq, EXPORT_PAGE);
    if (!page) break;
    const ok = res.write(page.text);
    next = page.last + 1;
    if (!ok && !res.destroyed) await drained(res);
  }
  res.end();
}

export function boardRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.get('/api/elections/:id/board', async (req, res) => {
    anyOrigin(res);
    const id = electionParam(req);
    const { from } = parseQuery(BoardQuery, req);
    getElection(ctx, id);
    await streamBoard(ctx, id, from ?? 0, res);
  });
  r.get('/api/elections/:id/board/head', (req, res) => {
    anyOrigin(res);
    const id = electionParam(req);
    getElection(ctx, id);
    const signed = ctx.board.checkpoint(id, ctx.keys.board.sign);
    if (!signed) throw notFound(Code.NO_BOARD, `election ${id} has no board entries`);
    res.json(signed);
  });
  r.get('/api/elections/:id/board/entries/:seq', (req, res) => {
    anyOrigin(res);
    const id = electionParam(req);
    const seq = parseWith(SeqParam, req.params.seq, 'path');
    getElection(ctx, id);
    const entry = ctx.board.entryAt(id, seq);
    if (!entry) throw notFound(Code.NO_ENTRY, `election ${id} has no entry ${seq}`);
    res.json(entry);
  });
  return r;
}
