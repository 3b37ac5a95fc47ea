/**
 * The credential authority's copy of the voters read from a file saved from
 * `GET …/credentials/voters` (authority.ts fetches it), for an authority that generates on a
 * machine that is never online (SPEC §10.7).
 */
import { readJsonFile } from '../cli/options.ts';
import type { CredentialVoter } from '@saylau/protocol';
import { votersFrom } from './authority.ts';

export function readCredentialVoters(file: string, election: string): CredentialVoter[] {
  return votersFrom(readJsonFile(file), election, file);
}
