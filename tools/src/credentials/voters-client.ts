/**
 * The credential authority's copy of the voters to make letters for (SPEC §10.7): fetched with its
 * session from `GET …/credentials/voters`, or read from a file saved from that endpoint, for an
 * authority that generates on a machine that is never online.
 */
import { z } from 'zod';
import { call, ClientError, type Api } from '../http.ts';
import { readJsonFile } from '../cli/options.ts';
import { MAX_CREDENTIALS, CredentialVoter, Code, ENDPOINTS } from '@saylau/protocol';

const VotersFile = z.strictObject({
  election: z.string(),
  count: z.number().int().min(1).max(MAX_CREDENTIALS),
  voters: z.array(CredentialVoter).min(1).max(MAX_CREDENTIALS),
});

function votersFrom(value: unknown, election: string, source: string): CredentialVoter[] {
  const r = VotersFile.safeParse(value);
  if (!r.success)
    throw new ClientError(`${source} is not a voter list from …/credentials/voters`, Code.BAD_FILE);
  if (r.data.election !== election)
    throw new ClientError(
      `${source} lists the voters of ${r.data.election}, not ${election}`,
      Code.MANIFEST_MISMATCH,
    );
  if (r.data.count !== r.data.voters.length)
    throw new ClientError(
      `${source}: count ${r.data.count} but ${r.data.voters.length} voters`,
      Code.BAD_FILE,
    );
  return r.data.voters;
}

export async function fetchCredentialVoters(api: Api, election: string): Promise<CredentialVoter[]> {
  const body = await call(api, ENDPOINTS.credentialVoters, { params: { id: election } });
  return votersFrom(body, election, `${api.baseUrl} voters of ${election}`);
}

export function readCredentialVoters(file: string, election: string): CredentialVoter[] {
  return votersFrom(readJsonFile(file), election, file);
}
