/**
 * The credential authority's side of publishing (SPEC §10.7) from files: public-credentials.json
 * and the private credential-owners.json beside it, published by authority.ts's
 * `publishCredentialLists` (the same checks and request as the credential authority's page).
 */
import { dirname, join } from 'node:path';
import type { PublishedCredentials } from '@saylau/protocol';
import type { Api } from '../http.ts';
import { readJsonFile } from '../cli/options.ts';
import { OWNERS_FILE, publishCredentialLists } from './authority.ts';

/**
 * Publish `file` (public-credentials.json) with its owner map, by default credential-owners.json in
 * the same directory, as `credentials generate` wrote them.
 */
export async function publishCredentials(
  api: Api,
  electionId: string,
  file: string,
  ownersFile = join(dirname(file), OWNERS_FILE),
): Promise<PublishedCredentials> {
  return publishCredentialLists(api, electionId, readJsonFile(file), readJsonFile(ownersFile), {
    file,
    ownersFile,
  });
}
