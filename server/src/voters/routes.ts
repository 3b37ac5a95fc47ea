/** Voter endpoints (SPEC §10.9): login codes for the commission, sign-in for voters. */
import { Router, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, EmptyBody, Iin, parseBody, parseQuery, parseWith } from '../http/validate.ts';
import { toCsv } from '../http/csv.ts';
import type { AuthenticatorRegistry } from './authenticator.ts';
import { issueLoginCodes, reissueLoginCode } from './login-codes.ts';
import { defaultAuthenticators, loginVoter } from './login.ts';
import { loginRateLimit, type RateLimitOptions } from './rate-limit.ts';
import { IssueQuery, LoginQuery } from '@saylau/protocol/requests';

export interface VoterRouteOptions {
  /** Per-IP limit on POST …/login; `false` turns it off (a load test behind one address). */
  loginRateLimit?: RateLimitOptions | false;
  authenticators?: AuthenticatorRegistry;
}

/** Codes and tokens must not stay in any cache. */
const noStore = (res: Response) => res.set('cache-control', 'no-store');

export function voterRoutes(ctx: ServerContext, opts: VoterRouteOptions = {}): Router {
  const r = Router();
  const authenticators = opts.authenticators ?? defaultAuthenticators();
  const limiter = opts.loginRateLimit === false ? [] : [loginRateLimit(opts.loginRateLimit ?? {})];

  r.post('/api/elections/:id/login-codes', requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    const { format } = parseQuery(IssueQuery, req);
    parseBody(EmptyBody, req);
    const codes = issueLoginCodes(ctx, id, userOf(res).name);
    noStore(res);
    if (format === 'csv') {
      res
        .status(201)
        .attachment(`login-codes-${id}.csv`)
        .type('text/csv; charset=utf-8')
        .send(
          toCsv(
            ['iin', 'surname', 'given_name', 'patronymic', 'settlement', 'address', 'login_code'],
            codes.map((c) => [c.iin, c.surname, c.givenName, c.patronymic, c.settlement, c.address, c.code]),
          ),
        );
      return;
    }
    res
      .status(201)
      .json({ election: id, count: codes.length, codes: codes.map(({ iin, code }) => ({ iin, code })) });
  });

  r.post('/api/elections/:id/login-codes/:iin', requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    const iin = parseWith(Iin, req.params.iin, 'path');
    parseBody(EmptyBody, req);
    noStore(res);
    res.json({ election: id, ...reissueLoginCode(ctx, id, iin, userOf(res).name) });
  });

  r.post('/api/elections/:id/login', ...limiter, async (req, res) => {
    const id = electionParam(req);
    const { method } = parseQuery(LoginQuery, req);
    const token = await loginVoter(ctx, authenticators, id, method, req.body);
    noStore(res);
    res.json(token);
  });
  return r;
}
