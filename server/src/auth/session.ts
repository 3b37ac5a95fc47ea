/**
 * Commission sessions: `POST /api/session {name, password}` returns an 8-hour EdDSA JWT with
 * audience `saylau:admin`, after the per-name throttle of lockout.ts; `requireRole` guards the
 * routes of no election, `requireGrant` every route that acts on one (SPEC §10.13).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { electionParam, parseBody } from '../http/validate.ts';
import { audit } from '../audit.ts';
import { signJwt, verifyJwt } from './jwt.ts';
import { beginAttempt, clearFailures } from './lockout.ts';
import { checkPassword, getUser, type GrantedRole, type Role, type User } from './users.ts';
import { hasGrant, heldElections } from './grants.ts';
import { Code, LoginBody } from '@saylau/protocol';

export const ADMIN_AUDIENCE = 'saylau:admin';
const SESSION_SECONDS = 8 * 3600;

export function sessionRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.post('/api/session', async (req, res) => {
    const body = parseBody(LoginBody, req);
    const attempt = beginAttempt(ctx, body.name);
    if (!attempt.allowed) {
      res.setHeader('retry-after', String(attempt.retryAfter));
      throw new ApiError(
        423,
        Code.ACCOUNT_LOCKED,
        `too many wrong passwords for this name; try again in ${Math.ceil(attempt.retryAfter / 60)} min`,
        { retryAfter: attempt.retryAfter },
      );
    }
    const user = await checkPassword(ctx, body.name, body.password);
    if (!user) {
      // Only an account's name is recorded: any other "name" may be a password typed in the wrong field.
      if (attempt.locks && getUser(ctx, body.name))
        audit(ctx, 'sign-in', 'user.locked', null, { name: body.name });
      throw new ApiError(401, Code.BAD_LOGIN, 'wrong user name or password');
    }
    clearFailures(ctx, body.name);
    const token = await signJwt(
      ctx.jwt,
      { role: user.role, kind: 'session' },
      { audience: ADMIN_AUDIENCE, subject: user.name, expiresInSeconds: SESSION_SECONDS, now: ctx.clock() },
    );
    res.json({ token, user });
  });
  r.get('/api/session', requireRole(ctx), (req, res) => {
    const user = userOf(res);
    res.json({ user, elections: heldElections(ctx, user) });
  });
  return r;
}

export function bearer(req: Request): string | null {
  const h = req.get('authorization');
  if (!h) return null;
  const m = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(h);
  return m ? m[1]! : null;
}

/** The signed-in user, set by requireRole. */
export function userOf(res: Response): User {
  const u = res.locals.user as User | undefined;
  if (!u) throw new ApiError(401, Code.NOT_SIGNED_IN, 'sign in first');
  return u;
}

/** The account of the request's session with one of `roles` (any role when none is given). */
async function signedIn(ctx: ServerContext, req: Request, roles: readonly Role[]): Promise<User> {
  const token = bearer(req);
  if (!token) throw new ApiError(401, Code.NOT_SIGNED_IN, 'sign in first');
  const v = await verifyJwt(ctx.jwt, token, ADMIN_AUDIENCE, ctx.clock());
  const claims = v.ok ? v.claims : null;
  if (!claims || claims.kind !== 'session' || typeof claims.sub !== 'string')
    throw new ApiError(401, Code.BAD_SESSION, 'the session is invalid or has expired; sign in again');
  // The role is read from the database, so a changed or removed account takes effect at once.
  const user = getUser(ctx, claims.sub);
  if (!user) throw new ApiError(401, Code.BAD_SESSION, 'the account no longer exists');
  if (roles.length > 0 && !roles.includes(user.role))
    throw new ApiError(403, Code.FORBIDDEN, `this needs the role ${roles.join(' or ')}`);
  return user;
}

/** Allow a signed-in user with one of `roles` (any role when none is given), on no election. */
export function requireRole(ctx: ServerContext, ...roles: Role[]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.user = await signedIn(ctx, req, roles);
    next();
  };
}

/**
 * Allow a signed-in user with one of `roles` that holds a grant on the route's `:id` election. The
 * grant is read from the database on every request, like the role, so a revocation takes effect at
 * once. It is checked before anything looks the election up: an unknown election and one of another
 * district answer alike, 403 NOT_GRANTED, so the answer tells nothing about which elections exist
 * (only a malformed id, which no election has, is 400 BAD_REQUEST first).
 */
export function requireGrant(ctx: ServerContext, ...roles: [GrantedRole, ...GrantedRole[]]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await signedIn(ctx, req, roles);
    if (!hasGrant(ctx, electionParam(req), user.name))
      throw new ApiError(403, Code.NOT_GRANTED, 'your account holds no grant on this election');
    res.locals.user = user;
    next();
  };
}
