/** The public board endpoints (SPEC §9.3–§9.4): JSON Lines export, ?from for mirrors, signed head. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, verifyDocument } from '@saylau/crypto';
import { GENESIS_PREV, entryHash, type BoardEntry } from '../src/board.ts';
import { EXPORT_PAGE } from '../src/board-routes.ts';
import { closeCasting } from '../src/casting/routes.ts';
import {
  startHarness,
  type Harness,
  ballotOf,
  cast,
  castSetup,
  voterToken,
  type CastSetup,
  appendUntyped,
} from '@saylau/test-kit';

let h: Harness;
let e: CastSetup;
beforeAll(async () => {
  h = await startHarness();
  e = castSetup(h, { voters: 6 });
  for (const i of [0, 1, 2]) {
    const r = await cast(h, e.id, ballotOf(h, e, i, [0]).ballot, await voterToken(h, e, i));
    expect(r.status).toBe(201);
  }
  // More entries than one export page, so the stream crosses page boundaries.
  for (let i = 0; i < EXPORT_PAGE + 20; i++)
    appendUntyped(h.server.ctx.board, e.id, 'test-entry', { i, text: 'ж'.repeat(i % 7) });
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const boardPath = (q = '') => `/api/elections/${e.id}/board${q}`;
const linesOf = (text: string) => text.split('\n').slice(0, -1);

describe('GET /api/elections/:id/board (SPEC §9.3)', () => {
  it('streams every entry as canonical JSON Lines whose hashes and links recompute', async () => {
    const r = await h.api('GET', boardPath());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(r.text.endsWith('\n')).toBe(true);
    const lines = linesOf(r.text);
    const head = h.server.ctx.board.head(e.id)!;
    expect(lines).toHaveLength(head.seq + 1);
    let prev = GENESIS_PREV;
    lines.forEach((line, seq) => {
      const entry = JSON.parse(line) as BoardEntry;
      expect(canonicalJson(entry)).toBe(line);
      expect([entry.seq, entry.prev]).toEqual([seq, prev]);
      expect(entryHash(entry)).toBe(entry.hash);
      prev = entry.hash;
    });
    expect(prev).toBe(head.hash);
    expect(lines.map((l) => JSON.parse(l).type).filter((t) => t === 'ballot')).toHaveLength(3);
    expect(r.text).toBe([...h.server.ctx.board.exportLines(e.id)].join(''));
  });

  it('starts at ?from for mirrors, and is empty past the head', async () => {
    const all = linesOf((await h.api('GET', boardPath())).text);
    for (const from of [0, 1, 7, EXPORT_PAGE, all.length - 1]) {
      const r = await h.api('GET', boardPath(`?from=${from}`));
      expect(r.status).toBe(200);
      expect(linesOf(r.text)).toEqual(all.slice(from));
    }
    const past = await h.api('GET', boardPath(`?from=${all.length + 5}`));
    expect([past.status, past.text]).toEqual([200, '']);
  });

  it('refuses a bad ?from and an unknown election', async () => {
    const before = h.snapshot();
    for (const q of [
      '?from=-1',
      '?from=abc',
      '?from=1.5',
      '?from=',
      '?from=1&from=2',
      '?to=3',
      '?from=9999999999999999',
    ])
      expect([q, (await h.api('GET', boardPath(q))).body.error.code]).toEqual([q, 'BAD_REQUEST']);
    const none = await h.api('GET', '/api/elections/nope/board');
    expect([none.status, none.body.error.code]).toEqual([404, 'NO_ELECTION']);
    expect(h.snapshot()).toEqual(before);
  });

  it('keeps accepting ballots while a slow reader holds a stream open', async () => {
    // Enough bytes that the socket fills and the server waits for 'drain' mid-stream.
    const big = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 800; i++) appendUntyped(h.server.ctx.board, e.id, 'test-entry', { big, i });
    const headAtRequest = h.server.ctx.board.head(e.id)!.seq;
    const res = await fetch(h.url + boardPath());
    const reader = res.body!.getReader();
    await reader.read(); // the stream has started; now stop reading
    await new Promise((r) => setTimeout(r, 100));
    const ballot = ballotOf(h, e, 4, [1]).ballot;
    const r = await cast(h, e.id, ballot, await voterToken(h, e, 4));
    expect(r.status).toBe(201);
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    // The stream ends at the head of its request; the new ballot is for the next ?from.
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    const last = JSON.parse(text.trimEnd().split('\n').at(-1)!) as BoardEntry;
    expect(last.seq).toBe(headAtRequest);
    expect(r.body.receipt.seq).toBe(headAtRequest + 1);
  });
});

describe('GET /api/elections/:id/board/head (SPEC §9.4)', () => {
  it('returns the head checkpoint signed with the manifest key', async () => {
    const r = await h.api('GET', `/api/elections/${e.id}/board/head`);
    expect(r.status).toBe(200);
    const head = h.server.ctx.board.head(e.id)!;
    expect(r.body.checkpoint).toEqual({ election: e.id, seq: head.seq, head: head.hash });
    const manifest = h.server.ctx.board.ofType(e.id, 'manifest')[0]!.payload as { serverKey: string };
    expect(verifyDocument('checkpoint', r.body.checkpoint, r.body.signature, manifest.serverKey)).toBe(true);
    expect(verifyDocument('receipt', r.body.checkpoint, r.body.signature, manifest.serverKey)).toBe(false);
    const none = await h.api('GET', '/api/elections/nope/board/head');
    expect([none.status, none.body.error.code]).toEqual([404, 'NO_ELECTION']);
  });
});
