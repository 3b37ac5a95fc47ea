/**
 * The running tally (SPEC §10.10): kept as ballots are cast over HTTP, it gives at closing exactly
 * the tally a sum of the board gives, revotes included; when it cannot vouch for the whole board
 * (another process's context, ballots written by other code, a failure) closing sums the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCiphertext, decryptToPoint, discreteLog, type ElectionParams } from '@saylau/crypto';
import { aggregateBallots, type TallyPayload } from '@saylau/protocol';
import { createContext } from '../src/context.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { closeVoting } from '../src/tally/close.ts';
import { closingTally, hasRunningTally, noteBallot } from '../src/tally/running.ts';
import {
  ELECTION_DAY,
  ballotOf,
  cast,
  castSetup,
  insertBallot,
  startHarness,
  voterToken,
  type CastSetup,
  type Harness,
} from '@saylau/test-kit';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const CLOSING = new Date(`${ELECTION_DAY}T20:00:00+05:00`);

/** Cast [credential, option] pairs in order over HTTP, each with a fresh anchor; all must be accepted. */
async function castAll(e: CastSetup, votes: readonly [number, number][]): Promise<void> {
  for (const [i, option] of votes) {
    const r = await cast(h, e.id, ballotOf(h, e, i, [option]).ballot, await voterToken(h, e, i));
    expect(r.status, r.text).toBe(201);
  }
}

/** The counts a tally decrypts to, with the fixture's election secret. */
function counts(e: CastSetup, tally: TallyPayload): number[] {
  return tally.contests[0]!.ciphertexts.map((c, oi) =>
    discreteLog(decryptToPoint(e.secret, decodeCiphertext(c, `c${oi}`, { allowIdentity: true })), 100),
  );
}

const boardSum = (e: { id: string; params: ElectionParams }) =>
  aggregateBallots(e.params, h.server.ctx.board.ofType(e.id, 'ballot'));

describe('running tally', () => {
  it('closes with the sum of each credential’s last ballot, as summing the board gives', async () => {
    const e = castSetup(h, { id: 'running-1', voters: 8 });
    // Credentials 0 and 2 vote again (the last counts), 3 three times; 7 never votes.
    await castAll(e, [
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 2],
      [0, 2],
      [4, 0],
      [3, 1],
      [2, 1],
      [5, 1],
      [3, 0],
      [6, 2],
    ]);
    expect(hasRunningTally(h.server.ctx, e.id)).toBe(true);
    // What a server that did not see the casting (another context on the same file) would post.
    const summed = closingTally(await createContext(h.server.ctx.db, { log: () => {} }), e.id, e.params);
    expect(summed).toEqual(boardSum(e));

    h.now.value = CLOSING;
    const { tally } = closeVoting(h.server.ctx, e.id, 'test');
    expect(hasRunningTally(h.server.ctx, e.id)).toBe(false);
    expect(tally.payload).toEqual(summed);
    expect(tally.payload).toMatchObject({ ballots: 11, counted: 7, revotes: 4 });
    // Last ballots: 0→2, 1→1, 2→1, 3→0, 4→0, 5→1, 6→2.
    const n = e.contests[0]!.options.length;
    const expected = Array.from(
      { length: n },
      (_, oi) => [2, 1, 1, 0, 0, 1, 2].filter((o) => o === oi).length,
    );
    expect(counts(e, tally.payload)).toEqual(expected);
  });

  it('sums the board when a ballot reached it by another way', async () => {
    const lines: string[] = [];
    h.server.ctx.log = (l) => lines.push(l);
    const e = castSetup(h, { id: 'running-2', voters: 4 });
    await castAll(e, [
      [0, 1],
      [1, 0],
    ]);
    insertBallot(h, e, e.credentials[2]!.keys, [1]);
    await castAll(e, [[0, 0]]);
    h.now.value = CLOSING;
    const { tally } = closeVoting(h.server.ctx, e.id, 'test');
    expect(tally.payload).toEqual(boardSum(e));
    expect(counts(e, tally.payload).slice(0, 2)).toEqual([2, 1]);
    expect(lines.some((l) => l.includes('does not cover the board'))).toBe(true);
  });

  it('stops, without failing the cast, when a verdict’s ciphertexts do not make points', async () => {
    const lines: string[] = [];
    h.server.ctx.log = (l) => lines.push(l);
    const e = castSetup(h, { id: 'running-3', voters: 3 });
    await castAll(e, [[0, 1]]);
    expect(hasRunningTally(h.server.ctx, e.id)).toBe(true);
    // Coordinates of no point on the curve.
    expect(() =>
      noteBallot(h.server.ctx, e.id, e.params, {
        ciphertexts: [1n, 2n, 3n, 4n],
        first: false,
        replaced: null,
      }),
    ).not.toThrow();
    expect(hasRunningTally(h.server.ctx, e.id)).toBe(false);
    expect(lines.some((l) => l.includes('running tally') && l.includes('stopped'))).toBe(true);
    await castAll(e, [[1, 0]]);
    h.now.value = CLOSING;
    const { tally } = closeVoting(h.server.ctx, e.id, 'test');
    expect(tally.payload).toEqual(boardSum(e));
    expect(tally.payload).toMatchObject({ ballots: 2, counted: 2 });
  });
});
