/**
 * A voter token that keeps sending refused ballots stops working (SPEC §10.9.2, "Abuse"): each
 * refused ballot after the token check may have cost a full proof verification, so a token gets
 * MAX_REFUSALS_PER_TOKEN of them. Counted in memory for the token's 15-minute life: a restart
 * forgets the counts, which only gives a few more refusals, never a ballot.
 */
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { Code } from '@saylau/protocol';

export const MAX_REFUSALS_PER_TOKEN = 3;
/** Sweep expired counts once the map grows past this many tokens. */
const SWEEP_AT = 10_000;

interface Count {
  n: number;
  /** The token's `exp`, seconds since the epoch. */
  exp: number;
}

const counts = new WeakMap<ServerContext, Map<string, Count>>();

function countsOf(ctx: ServerContext): Map<string, Count> {
  let m = counts.get(ctx);
  if (!m) counts.set(ctx, (m = new Map()));
  return m;
}

/** Refuse a token that has used up its refusals: 401 TOKEN_REVOKED. */
export function requireRefusalsLeft(ctx: ServerContext, jti: string): void {
  if ((countsOf(ctx).get(jti)?.n ?? 0) >= MAX_REFUSALS_PER_TOKEN)
    throw new ApiError(
      401,
      Code.TOKEN_REVOKED,
      'this voter token sent too many refused ballots; sign in again to vote',
    );
}

/** Count one refused ballot against the token. */
export function noteRefusal(ctx: ServerContext, jti: string, exp: number): void {
  const m = countsOf(ctx);
  if (m.size >= SWEEP_AT) {
    const now = Date.now() / 1000;
    for (const [k, c] of m) if (c.exp < now) m.delete(k);
  }
  const c = m.get(jti);
  if (c) c.n++;
  else m.set(jti, { n: 1, exp });
}
