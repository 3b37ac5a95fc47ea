import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBallot, verifyDocument } from '@saylau/crypto';
import { closeCasting } from '../src/casting/routes.ts';
import { castingPool } from '../src/casting/state.ts';
import {
  startHarness,
  type Harness,
  ballotOf,
  cast,
  castSetup,
  clone,
  headAnchor,
  voterToken,
  type CastSetup,
} from '@saylau/test-kit';

let h: Harness;
let e: CastSetup;
beforeEach(async () => {
  h = await startHarness();
  e = castSetup(h, { voters: 60, credentials: 60 });
});
afterEach(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const manifestKey = () =>
  (h.server.ctx.board.ofType(e.id, 'manifest')[0]!.payload as { serverKey: string }).serverKey;

describe('POST /api/elections/:id/ballots (SPEC §10.9)', () => {
  it('puts the ballot on the board and returns a receipt signed with the manifest key', async () => {
    const built = ballotOf(h, e, 0, [1]);
    const before = h.snapshot();
    const r = await cast(h, e.id, built.ballot, await voterToken(h, e, 0));
    expect(r.status).toBe(201);
    const { receipt, signature } = r.body;
    expect(verifyDocument('receipt', receipt, signature, manifestKey())).toBe(true);
    const entry = [...h.server.ctx.board.entries(e.id)].at(-1)!;
    expect(entry.type).toBe('ballot');
    expect(entry.payload).toEqual(built.ballot);
    expect(receipt).toEqual({
      election: e.id,
      tracker: built.tracker,
      seq: entry.seq,
      hash: entry.hash,
      checkpoint: { election: e.id, seq: entry.seq, head: entry.hash },
    });
    // The signed checkpoint names the head the board still extends.
    const head = await h.api('GET', `/api/elections/${e.id}/board/head`);
    expect(head.body.checkpoint).toEqual(receipt.checkpoint);
    expect(h.snapshot()).toEqual({
      ...before,
      board: before.board! + 1,
      ballots: before.ballots! + 1,
      ciphertexts: before.ciphertexts! + 4,
      used_tokens: before.used_tokens! + 1,
    });
    // A receipt altered in any field no longer verifies.
    expect(verifyDocument('receipt', { ...receipt, seq: receipt.seq + 1 }, signature, manifestKey())).toBe(
      false,
    );
  });

  it('finds a ballot by its tracker as a voter types it, and refuses unknown or malformed trackers', async () => {
    const built = ballotOf(h, e, 0, [0]);
    const r = await cast(h, e.id, built.ballot, await voterToken(h, e, 0));
    const typed = built.tracker.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    const found = await h.api('GET', `/api/elections/${e.id}/ballots/${encodeURIComponent(typed)}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      tracker: built.tracker,
      seq: r.body.receipt.seq,
      hash: r.body.receipt.hash,
      superseded: false,
      supersededBy: null,
    });
    const other = ballotOf(h, e, 1, [0]);
    const missing = await h.api('GET', `/api/elections/${e.id}/ballots/${other.tracker}`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NO_BALLOT']);
    for (const bad of ['ABC', 'UUUU-UUUU-UUUU-UUUU', 'x'.repeat(65)]) {
      const m = await h.api('GET', `/api/elections/${e.id}/ballots/${bad}`);
      expect([m.status, m.body.error.code]).toEqual([400, bad.length > 64 ? 'BAD_REQUEST' : 'BAD_TRACKER']);
    }
    const noElection = await h.api('GET', `/api/elections/nope/ballots/${built.tracker}`);
    expect([noElection.status, noElection.body.error.code]).toEqual([404, 'NO_ELECTION']);
  });

  it('accepts a revote with a new token; both stay on the board and the first is superseded', async () => {
    const first = ballotOf(h, e, 2, [0]);
    const a = await cast(h, e.id, first.ballot, await voterToken(h, e, 2));
    const second = ballotOf(h, e, 2, [3]);
    const b = await cast(h, e.id, second.ballot, await voterToken(h, e, 2));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.receipt.seq).toBe(a.body.receipt.seq + 1);
    const f = await h.api('GET', `/api/elections/${e.id}/ballots/${first.tracker}`);
    const s = await h.api('GET', `/api/elections/${e.id}/ballots/${second.tracker}`);
    expect([f.body.superseded, s.body.superseded]).toEqual([true, false]);
    // The lookup names the ballot that counts now, so a voter who did not revote sees it at once.
    expect(f.body.supersededBy).toEqual({ seq: b.body.receipt.seq, tracker: second.tracker });
    expect(s.body.supersededBy).toBeNull();
    expect(h.server.ctx.board.ofType(e.id, 'ballot').map((x) => x.payload)).toEqual([
      first.ballot,
      second.ballot,
    ]);
  });

  it('answers ALREADY_CAST with the tracker and seq when the same ballot comes again, writing nothing', async () => {
    const built = ballotOf(h, e, 3, [2]);
    const first = await cast(h, e.id, built.ballot, await voterToken(h, e, 3));
    expect(first.status).toBe(201);
    const before = h.snapshot();
    // The booth lost the response and sends the same ballot again, with a fresh token (and re-ordered keys).
    const again = await cast(h, e.id, clone(built.ballot), await voterToken(h, e, 3));
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_CAST']);
    const d = again.body.error.details;
    expect([d.tracker, d.seq, d.hash]).toEqual([
      built.tracker,
      first.body.receipt.seq,
      first.body.receipt.hash,
    ]);
    expect(d.receipt).toEqual(first.body.receipt);
    expect(verifyDocument('receipt', d.receipt, d.signature, manifestKey())).toBe(true);
    expect(h.snapshot()).toEqual(before);
    // Signed again with a newer anchor it is still the same encrypted ballot (§8.4): the same answer.
    const resigned = signBallot(built.ballot, headAnchor(h, e.id), e.credentials[3]!.keys.secretKey);
    const third = await cast(h, e.id, resigned, await voterToken(h, e, 3));
    expect([third.status, third.body.error.code, third.body.error.details.seq]).toEqual([
      409,
      'ALREADY_CAST',
      first.body.receipt.seq,
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  it('receipts 50 concurrent casts with contiguous board positions', async () => {
    const built = e.credentials.slice(0, 50).map((_, i) => ballotOf(h, e, i, [i % 4]));
    const tokens = await Promise.all(built.map((_, i) => voterToken(h, e, i)));
    const headBefore = h.server.ctx.board.head(e.id)!.seq;
    const rs = await Promise.all(built.map((b, i) => cast(h, e.id, b.ballot, tokens[i]!)));
    expect(rs.map((r) => r.status)).toEqual(built.map(() => 201));
    const seqs = rs.map((r) => r.body.receipt.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => headBefore + 1 + i));
    for (const r of rs) {
      expect(verifyDocument('receipt', r.body.receipt, r.body.signature, manifestKey())).toBe(true);
      const entry = [...h.server.ctx.board.entries(e.id, r.body.receipt.seq)][0]!;
      expect(entry.hash).toBe(r.body.receipt.hash);
    }
    expect(h.snapshot().ballots).toBe(50);
    // Verified off the event loop, in shared batches.
    const stats = castingPool(h.server.ctx).stats;
    expect(stats.ballots).toBe(50);
    expect(stats.batches).toBeLessThan(50);
  });
});
