/**
 * Voter tokens (SPEC §10.9): after login a voter gets a JWT signed EdDSA by the server, audience
 * `saylau:election:<id>`, valid 15 minutes, usable for one ballot (its `jti` is recorded in the same
 * transaction as the ballot). The subject is an opaque per-election reference, never the IIN.
 */
import { randomBytes } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { signJwt, verifyJwt } from '../auth/jwt.ts';
import { ApiError } from '../http/errors.ts';
import { voterReference } from './reference.ts';
import { countSignIn } from './sign-ins.ts';
import { Code } from '@saylau/protocol';

export const VOTER_TOKEN_SECONDS = 15 * 60;
export const voterAudience = (election: string) => `saylau:election:${election}`;

/** An opaque voter reference: HMAC(pepper, election ‖ 0 ‖ iin), so tokens and logs never carry an IIN. */
export function voterRef(ctx: ServerContext, election: string, iin: string): string {
  return voterReference(ctx.keys.pepper, election, iin);
}

export interface VoterToken {
  token: string;
  expiresAt: string;
}

/**
 * A voter token for `subject`, counted first (SPEC §10.9.3): every token the server issues is in the
 * public sign-in counts. Sign-in (login.ts) counts in its own transaction, with the election's
 * state checked, and then calls {@link signVoterToken}.
 */
export async function issueVoterToken(
  ctx: ServerContext,
  election: string,
  subject: string,
): Promise<VoterToken> {
  const now = ctx.clock();
  ctx.db.transaction(() => countSignIn(ctx, election, subject, now))();
  return signVoterToken(ctx, election, subject, now);
}

/** Sign a voter token already counted (SPEC §10.9.3). */
export async function signVoterToken(
  ctx: ServerContext,
  election: string,
  subject: string,
  now: Date,
): Promise<VoterToken> {
  const token = await signJwt(
    ctx.jwt,
    { kind: 'voter' },
    {
      audience: voterAudience(election),
      subject,
      expiresInSeconds: VOTER_TOKEN_SECONDS,
      now,
      jti: randomBytes(16).toString('base64url'),
    },
  );
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + VOTER_TOKEN_SECONDS) * 1000).toISOString();
  return { token, expiresAt };
}

export interface CheckedToken {
  jti: string;
  exp: number;
  subject: string;
}

/** Signature, algorithm, audience (this election), expiry and not yet used; else a 401 with the reason. */
export async function checkVoterToken(
  ctx: ServerContext,
  election: string,
  token: string | null,
): Promise<CheckedToken> {
  const t = await readVoterToken(ctx, election, token);
  if (ctx.db.prepare('SELECT 1 FROM used_tokens WHERE jti = ?').get(t.jti))
    throw new ApiError(
      401,
      Code.TOKEN_USED,
      'this voter token was already used; sign in again to vote again',
    );
  return t;
}

/**
 * The token's signature, algorithm, audience, expiry and claims, without the one-ballot rule: my
 * record and complaints read with a token that may have cast already (SPEC §10.9.4, §10.9.5).
 */
export async function readVoterToken(
  ctx: ServerContext,
  election: string,
  token: string | null,
): Promise<CheckedToken> {
  if (!token) throw new ApiError(401, Code.NO_TOKEN, 'sign in to vote: the request has no voter token');
  const v = await verifyJwt(ctx.jwt, token, voterAudience(election), ctx.clock());
  if (!v.ok)
    throw v.reason === 'expired'
      ? new ApiError(401, Code.TOKEN_EXPIRED, 'the voter token has expired; sign in again')
      : new ApiError(401, Code.BAD_TOKEN, 'the voter token is not valid for this election');
  const { jti, exp, sub, kind } = v.claims;
  if (kind !== 'voter' || typeof jti !== 'string' || typeof exp !== 'number' || typeof sub !== 'string')
    throw new ApiError(401, Code.BAD_TOKEN, 'the voter token is not valid for this election');
  return { jti, exp, subject: sub };
}

/** Mark the token used; call inside the transaction that writes the ballot. A lost race is a 401. */
export function consumeVoterToken(ctx: ServerContext, election: string, t: CheckedToken): void {
  const r = ctx.db
    .prepare('INSERT OR IGNORE INTO used_tokens (jti, election, expires) VALUES (?, ?, ?)')
    .run(t.jti, election, t.exp);
  if (r.changes !== 1)
    throw new ApiError(
      401,
      Code.TOKEN_USED,
      'this voter token was already used; sign in again to vote again',
    );
}
