/**
 * Voter sign-in (SPEC §10.9): while the election accepts ballots, an authenticator identifies the
 * voter and the server returns a 15-minute single-use voter token whose subject is the voter's
 * opaque reference.
 */
import type { ServerContext } from '../context.ts';
import { ApiError, badRequest, conflict } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { acceptingBallots } from '../elections/voting.ts';
import { AuthenticatorRegistry } from './authenticator.ts';
import { LOGIN_CODE_METHOD, loginCodeAuthenticator } from './login-code-authenticator.ts';
import { signVoterToken, type VoterToken } from './tokens.ts';
import { countSignIn } from './sign-ins.ts';
import { Code, type ErrorCode } from '@saylau/protocol';

/** The registry with the built-in login-code method as the default. */
export function defaultAuthenticators(): AuthenticatorRegistry {
  return new AuthenticatorRegistry(LOGIN_CODE_METHOD).register(loginCodeAuthenticator());
}

export async function loginVoter(
  ctx: ServerContext,
  authenticators: AuthenticatorRegistry,
  electionId: string,
  method: string | undefined,
  body: unknown,
): Promise<VoterToken> {
  const e = getElection(ctx, electionId);
  if (!acceptingBallots(e, ctx.clock()))
    throw conflict(Code.NOT_OPEN, `election ${e.id} is not accepting ballots now`);
  const name = method ?? authenticators.defaultName;
  const auth = authenticators.get(name);
  if (!auth)
    throw badRequest(Code.UNKNOWN_METHOD, `no sign-in method ${JSON.stringify(name)}`, {
      methods: authenticators.names(),
    });
  const r = await auth.authenticate(ctx, e, body);
  // A plug-in method's own code passes through as it named it.
  if (!r.ok) throw new ApiError(r.status, r.code as ErrorCode, r.message);
  // Counted before the token exists (§10.9.3), with the election still open: the close publishes
  // every count in its own transaction, so no token is issued after it uncounted.
  const now = ctx.clock();
  ctx.db.transaction(() => {
    if (!acceptingBallots(getElection(ctx, e.id), now))
      throw conflict(Code.NOT_OPEN, `election ${e.id} is not accepting ballots now`);
    countSignIn(ctx, e.id, r.subject, now);
  })();
  return signVoterToken(ctx, e.id, r.subject, now);
}
