/**
 * The credential authority's side of publishing (SPEC §10.7): read public-credentials.json and the
 * private credential-owners.json beside it, check the list as a verifier would (§7.3) and that the
 * owner map covers it key for key, upload both, and compare the server's fingerprint with our own.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CryptoError, parseCredentialList } from '@saylau/crypto';
import { call, ClientError, type Api } from '../http.ts';
import { readJsonFile } from '../cli/options.ts';
import {
  ElectionId,
  credentialListFingerprint,
  MAX_CREDENTIALS,
  type PublishedCredentials,
  VoterRef,
  Code,
  ENDPOINTS,
} from '@saylau/protocol';
import { OWNERS_FILE } from './generate.ts';

const PublicFile = z.strictObject({
  election: ElectionId,
  count: z.number().int().min(1).max(MAX_CREDENTIALS),
  list: z.array(z.string()).max(MAX_CREDENTIALS),
});

const OwnersFile = z.strictObject({
  election: ElectionId,
  count: z.number().int().min(1).max(MAX_CREDENTIALS),
  owners: z.array(z.strictObject({ voter: VoterRef, credential: z.string() })).max(MAX_CREDENTIALS),
});

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
  const r = PublicFile.safeParse(readJsonFile(file));
  if (!r.success) throw new ClientError(`${file} is not a public-credentials.json file`, Code.BAD_FILE);
  const o = OwnersFile.safeParse(readJsonFile(ownersFile));
  if (!o.success) throw new ClientError(`${ownersFile} is not a credential-owners.json file`, Code.BAD_FILE);
  const { election, count, list } = r.data;
  const { owners } = o.data;
  if (o.data.election !== election || o.data.count !== count || owners.length !== list.length)
    throw new ClientError(`${ownersFile} does not belong to ${file}`, Code.BAD_FILE);
  // On the wire the owners follow the list's order: owners[i] holds list[i] (SPEC §10.7).
  const holder = new Map(owners.map((w) => [w.credential, w.voter]));
  const aligned = list.map((k) => holder.get(k));
  if (holder.size !== count || !aligned.every((v): v is string => v !== undefined))
    throw new ClientError(
      `${ownersFile} does not map the voters onto the keys of ${file} one to one`,
      Code.BAD_FILE,
    );
  if (election !== electionId)
    throw new ClientError(`${file} is for election ${election}, not ${electionId}`, Code.MANIFEST_MISMATCH);
  try {
    parseCredentialList(list, 'list');
  } catch (e) {
    if (e instanceof CryptoError) throw new ClientError(`${file}: ${e.message}`, `CRYPTO_${e.code}`);
    throw e;
  }
  if (count !== list.length)
    throw new ClientError(`${file}: count ${count} but ${list.length} keys`, Code.BAD_FILE);
  const ours = credentialListFingerprint(list);
  const res = await call(api, ENDPOINTS.publishCredentials, {
    params: { id: electionId },
    body: { list, owners: aligned },
  });
  if (res.fingerprint !== ours || res.count !== count)
    throw new ClientError(
      `the server reports fingerprint ${res.fingerprint} for ${res.count} keys, ours is ${ours} for ${count}`,
      Code.FINGERPRINT_MISMATCH,
    );
  return res;
}
