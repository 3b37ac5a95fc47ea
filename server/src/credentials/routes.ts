/**
 * Credential endpoints (SPEC §10.7): the credential authority reads the voters to make letters for
 * and publishes the public list with the private voter-to-key binding.
 */
import { Router, type RequestHandler } from 'express';
import { jsonBody } from '../http/json.ts';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, sentBody } from '../http/validate.ts';
import { publishCredentialList } from './publish.ts';
import { credentialVoters } from './voters.ts';

/**
 * A list of 10,000 keys with its owners is about 920 kB of JSON (100,000: 9.2 MB), above the
 * app-wide 256 kB limit, so this path
 * needs its own parser, mounted before the app-wide one (`credentialsUpload`).
 */
export const CREDENTIALS_JSON_LIMIT = '12mb';
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

export function credentialRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.get(`${CREDENTIALS_PATH}/voters`, requireGrant(ctx, 'credential-authority'), (req, res) => {
    const id = electionParam(req);
    const voters = credentialVoters(ctx, id);
    // Names and addresses of the roll: never in a shared cache.
    res.set('cache-control', 'no-store').json({ election: id, count: voters.length, voters });
  });
  // The body's shape is checked with the list and the owners, off the event loop (credentials/list-check.ts).
  r.post(CREDENTIALS_PATH, requireGrant(ctx, 'credential-authority'), async (req, res) => {
    const id = electionParam(req);
    res.status(201).json(await publishCredentialList(ctx, id, sentBody(req), userOf(res).name));
  });
  return r;
}
