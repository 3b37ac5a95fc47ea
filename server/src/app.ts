/**
 * The Express application: security headers, body limits, the routers of each step, and one error
 * handler that turns every refusal into a 4xx with a stable code (SPEC §10.13).
 */
import express from 'express';
import helmet from 'helmet';
import type { ServerContext } from './context.ts';
import { ApiError, errorHandler } from './http/errors.ts';
import { jsonBody } from './http/json.ts';
import { sessionRoutes } from './auth/session.ts';
import { grantRoutes } from './auth/grant-routes.ts';
import { electionRoutes } from './elections/routes.ts';
import { rollRoutes } from './roll/routes.ts';
import { initiativeRoutes } from './initiative/routes.ts';
import { nominationRoutes } from './nominations/routes.ts';
import { ceremonyRoutes } from './ceremony/routes.ts';
import { CREDENTIALS_PATH, credentialRoutes, credentialsUpload } from './credentials/routes.ts';
import { voterRoutes } from './voters/routes.ts';
import { castRateLimit, loginRateLimit, type RateLimitOptions } from './voters/rate-limit.ts';
import { castingRoutes } from './casting/routes.ts';
import { boardRoutes } from './board-routes.ts';
import { tallyRoutes } from './tally/routes.ts';
import { pageRoutes } from './pages/routes.ts';
import { boothRoutes } from './booth/routes.ts';
import { verifierRoutes } from './pages/verifier.ts';
import { recordRoutes } from './record/routes.ts';
import { complaintRoutes } from './complaints/routes.ts';
import { Code } from '@saylau/protocol';

/** JSON bodies above this are refused with 413 before parsing; CSV imports have their own limit. */
export const JSON_LIMIT = '256kb';

export interface AppOptions {
  /** Per-IP limit on voter and commission sign-in; `false` only for load tests behind one address. */
  loginRateLimit?: RateLimitOptions | false;
  /** Per-IP limit on casting (SPEC §10.9.2); `false` only for load tests and demos from one address. */
  castRateLimit?: RateLimitOptions | false;
  /** Reverse-proxy hops to trust for the client address (rate limits key on it); 0 = none. */
  trustProxy?: number;
}

export function createApp(ctx: ServerContext, opts: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? 0);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A district's credential list (10,000 keys ≈ 670 kB) needs a larger limit: its own parser, role first.
  app.post(CREDENTIALS_PATH, ...credentialsUpload(ctx));
  if (opts.loginRateLimit !== false) app.post('/api/session', loginRateLimit(opts.loginRateLimit ?? {}));
  if (opts.castRateLimit !== false)
    app.post('/api/elections/:id/ballots', castRateLimit(opts.castRateLimit ?? {}));
  app.use(jsonBody(JSON_LIMIT));
  app.use(voterRoutes(ctx, { loginRateLimit: opts.loginRateLimit }));
  for (const routes of [
    sessionRoutes,
    grantRoutes,
    electionRoutes,
    rollRoutes,
    initiativeRoutes,
    nominationRoutes,
    ceremonyRoutes,
    credentialRoutes,
    castingRoutes,
    recordRoutes,
    complaintRoutes,
    boardRoutes,
    tallyRoutes,
    pageRoutes,
    boothRoutes,
    verifierRoutes,
  ])
    app.use(routes(ctx));
  app.use('/api', () => {
    throw new ApiError(404, Code.NOT_FOUND, 'no such endpoint');
  });
  app.use(errorHandler(ctx.log));
  return app;
}
