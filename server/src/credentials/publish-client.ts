/**
 * The credential authority's side of publishing (SPEC §10.7): read public-credentials.json, check
 * it as a verifier would (§7.3), upload it, and compare the server's fingerprint with our own.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CryptoError, parseCredentialList } from '@saylau/crypto';
import { call, CliError, type Api } from '../cli/http.ts';
import { ElectionId } from '../http/validate.ts';
import { credentialListFingerprint, MAX_CREDENTIALS } from './list.ts';
import type { PublishedCredentials } from './publish.ts';

const PublicFile = z.strictObject({
  election: ElectionId,
  count: z.number().int().min(1).max(MAX_CREDENTIALS),
  list: z.array(z.string()).max(MAX_CREDENTIALS),
});

export async function publishCredentials(
  api: Api,
  electionId: string,
  file: string,
): Promise<PublishedCredentials> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${file} as JSON: ${(e as Error).message}`, 'BAD_FILE');
  }
  const r = PublicFile.safeParse(value);
  if (!r.success) throw new CliError(`${file} is not a public-credentials.json file`, 'BAD_FILE');
  const { election, count, list } = r.data;
  if (election !== electionId)
    throw new CliError(`${file} is for election ${election}, not ${electionId}`, 'MANIFEST_MISMATCH');
  try {
    parseCredentialList(list, 'list');
  } catch (e) {
    if (e instanceof CryptoError) throw new CliError(`${file}: ${e.message}`, `CRYPTO_${e.code}`);
    throw e;
  }
  if (count !== list.length)
    throw new CliError(`${file}: count ${count} but ${list.length} keys`, 'BAD_FILE');
  const ours = credentialListFingerprint(list);
  const res = await call<PublishedCredentials>(
    api,
    'POST',
    `/api/elections/${encodeURIComponent(electionId)}/credentials`,
    { list },
  );
  if (res.fingerprint !== ours || res.count !== count)
    throw new CliError(
      `the server reports fingerprint ${res.fingerprint} for ${res.count} keys, ours is ${ours} for ${count}`,
      'FINGERPRINT_MISMATCH',
    );
  return res;
}
