/**
 * Casting costs the abuser (SPEC §10.9.2): one address may send only so many ballots a minute; the
 * limit counts before the body is read and a refusal writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAST_RATE_LIMIT } from '../src/voters/rate-limit.ts';
import { closeCasting } from '../src/casting/routes.ts';
import {
  expectRefused,
  startHarness,
  type Harness,
  ballotOf,
  cast,
  castPath,
  castSetup,
  voterToken,
} from '@saylau/test-kit';

let h: Harness | null = null;
afterEach(async () => {
  if (h) {
    await closeCasting(h.server.ctx);
    await h.close();
  }
  h = null;
});

describe('per-address casting limit', () => {
  it('is on by default: past the limit a minute, 429 RATE_LIMITED with Retry-After, even for a valid ballot', async () => {
    h = await startHarness();
    const e = castSetup(h, { voters: 2 });
    const { limit } = DEFAULT_CAST_RATE_LIMIT;
    // Junk bodies use up the budget: each is refused on its schema, and counted first.
    for (let i = 0; i < limit; i++) {
      const r = await h.api('POST', castPath(e.id), {});
      expect(r.status).toBe(400);
    }
    const ballot = ballotOf(h, e, 0, [1]).ballot;
    const token = await voterToken(h, e, 0);
    const r = await expectRefused(h!, () => cast(h!, e.id, ballot, token), 429, 'RATE_LIMITED');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('takes a configured limit; the refused token stays unused', async () => {
    h = await startHarness(undefined, { castRateLimit: { limit: 2, windowMs: 60_000 } });
    const e = castSetup(h, { voters: 3 });
    expect((await cast(h, e.id, ballotOf(h, e, 0, [0]).ballot, await voterToken(h, e, 0))).status).toBe(201);
    expect((await cast(h, e.id, ballotOf(h, e, 1, [0]).ballot, await voterToken(h, e, 1))).status).toBe(201);
    const token = await voterToken(h, e, 2);
    await expectRefused(h, () => cast(h!, e.id, ballotOf(h!, e, 2, [0]).ballot, token), 429, 'RATE_LIMITED');
    expect(h.snapshot().used_tokens).toBe(2);
  });
});
