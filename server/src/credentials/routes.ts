/** Credential endpoints (SPEC §10.7): the credential authority publishes the public list. */
import { Router, type RequestHandler } from 'express';
import { jsonBody } from '../http/json.ts';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, parseBody } from '../http/validate.ts';
import { MAX_CREDENTIALS } from './list.ts';
import { publishCredentialList } from './publish.ts';

/**
 * A list of 10,000 keys is about 670 kB of JSON, above the app-wide 256 kB limit, so this path
 * needs its own parser, mounted before the app-wide one (`credentialsUpload`).
 */
export const CREDENTIALS_JSON_LIMIT = '8mb';
export const CREDENTIALS_PATH = '/api/elections/:id/credentials';
export const credentialsBodyParser = () => jsonBody(CREDENTIALS_JSON_LIMIT);

/**
 * For app.ts, mounted before the app-wide JSON parser: `app.post(CREDENTIALS_PATH,
 * ...credentialsUpload(ctx))`. The role and the grant are checked first, so only a credential
 * authority of this election can make the server read a large body.
 */
export const credentialsUpload = (ctx: ServerContext): RequestHandler[] => [
  requireGrant(ctx, 'credential-authority'),
  credentialsBodyParser(),
];

const Publish = z.strictObject({ list: z.array(z.string().max(200)).max(MAX_CREDENTIALS) });

export function credentialRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.post(CREDENTIALS_PATH, requireGrant(ctx, 'credential-authority'), (req, res) => {
    const { list } = parseBody(Publish, req);
    res.status(201).json(publishCredentialList(ctx, electionParam(req), list, userOf(res).name));
  });
  return r;
}
