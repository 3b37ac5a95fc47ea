/** Credential endpoints (SPEC §10.7): the credential authority publishes the public list. */
import { Router, type RequestHandler } from 'express';
import { jsonBody } from '../http/json.ts';
import type { ServerContext } from '../context.ts';
import { requireRole, userOf } from '../auth/session.ts';
import { electionParam, sentBody } from '../http/validate.ts';
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
 * ...credentialsUpload(ctx))`. The role is checked first, so only a signed-in credential authority
 * can make the server read a large body.
 */
export const credentialsUpload = (ctx: ServerContext): RequestHandler[] => [
  requireRole(ctx, 'credential-authority'),
  credentialsBodyParser(),
];

export function credentialRoutes(ctx: ServerContext): Router {
  const r = Router();
  // The body's shape is checked with the list, off the event loop (credentials/list-check.ts).
  r.post(CREDENTIALS_PATH, requireRole(ctx, 'credential-authority'), async (req, res) => {
    const id = electionParam(req);
    res.status(201).json(await publishCredentialList(ctx, id, sentBody(req), userOf(res).name));
  });
  return r;
}
