/**
 * The credential authority's work without files (SPEC §10.7): read the roll's voters, make one
 * random code (§7.1) per voter with its public key (§7.2), the sorted public list (§7.3), the
 * private owner map, the letters and the CSV of codes, and publish the list with the owner map.
 * No Node and no DOM: `saylau credentials generate` / `publish` (generate.ts, publish-client.ts)
 * write and read these as files, and the credential authority's page (../credential-page/) runs
 * the same code in the browser, where the codes stay.
 */
import * as z from 'zod';
import {
  CryptoError,
  deriveCredentialKeys,
  formatCredentialCode,
  generateCredentialCode,
  parseCredentialList,
  sortCredentialList,
} from '@saylau/crypto';
import { toCsv } from '@saylau/server/csv';
import {
  Code,
  CredentialVoter,
  credentialListFingerprint,
  ElectionId,
  ENDPOINTS,
  MAX_CREDENTIALS,
  type PublishedCredentials,
  VoterRef,
} from '@saylau/protocol';
import { call, ClientError, type Api } from '../http.ts';
import { renderLetters } from './letters.ts';
import type { LetterManifest } from './manifest.ts';

export const CODES_FILE = 'codes.csv';
export const LETTERS_FILE = 'letters.html';
export const PUBLIC_FILE = 'public-credentials.json';
export const OWNERS_FILE = 'credential-owners.json';

/** The published file (SPEC §10.7): `{election, count, list}`, list sorted as in §7.3. */
export interface PublicCredentials {
  election: string;
  count: number;
  list: string[];
}

/** One line of the private owner map: the voter reference (§10.9.1) and the key issued to them. */
export interface CredentialOwner {
  voter: string;
  credential: string;
}

/** The private owner map sent to the server with the list (SPEC §10.7), never published. */
export interface CredentialOwners {
  election: string;
  count: number;
  owners: CredentialOwner[];
}

export interface BatchOptions {
  election: string;
  /** The roll's voters as `GET …/credentials/voters` lists them, one code each. */
  voters: readonly CredentialVoter[];
  manifest: LetterManifest;
  /** The booth's address printed on the letters; left out, the letters point to the commission. */
  boothUrl?: string;
}

/** Everything one run makes; `codesCsv` and `letters` hold the codes, the rest is for the server. */
export interface CredentialBatch {
  election: string;
  count: number;
  /** credentialListFingerprint(list): shown, compared with the server's after publishing. */
  fingerprint: string;
  codesCsv: string;
  letters: string;
  publicList: PublicCredentials;
  owners: CredentialOwners;
  /** Milliseconds spent deriving keys and rendering letters, for the record. */
  timings: { keys: number; letters: number };
}

/**
 * Told how far a run is, every PROGRESS_STEP voters of a stage; a page awaits a pause here so that
 * its screen stays responsive on a large roll.
 */
export type OnProgress = (stage: 'keys' | 'letters', done: number, total: number) => void | Promise<void>;
export const PROGRESS_STEP = 50;

/** The booth's address when the authority works against a server: its own booth page. */
export const boothUrlOf = (server: string, election: string): string =>
  new URL(`/elections/${encodeURIComponent(election)}/booth`, server).href;

const Voters = z.array(CredentialVoter).min(1).max(MAX_CREDENTIALS);
const BoothUrl = z.url({ protocol: /^https?$/ }).max(200);

/** Refuse options that cannot make a batch, before anything is made or written. */
export function checkBatchOptions(opts: BatchOptions): void {
  if (!ElectionId.safeParse(opts.election).success)
    throw new ClientError(`not an election id: ${JSON.stringify(opts.election)}`, Code.BAD_ARGUMENT);
  if (!Voters.safeParse(opts.voters).success)
    throw new ClientError(
      `the voter list: expected 1 to ${MAX_CREDENTIALS} voters of the roll`,
      Code.BAD_ARGUMENT,
    );
  if (new Set(opts.voters.map((v) => v.voter)).size !== opts.voters.length)
    throw new ClientError('the voter list names a voter twice', Code.BAD_ARGUMENT);
  if (opts.boothUrl !== undefined && !BoothUrl.safeParse(opts.boothUrl).success)
    throw new ClientError(`--booth-url: not an http(s) URL: ${opts.boothUrl}`, Code.BAD_ARGUMENT);
  if (opts.manifest.election !== opts.election)
    throw new ClientError(
      `the manifest is of election ${opts.manifest.election}, not ${opts.election}`,
      Code.MANIFEST_MISMATCH,
    );
}

/** Call `onProgress` at every PROGRESS_STEP-th item and at the last. */
async function tick(onProgress: OnProgress | undefined, stage: 'keys' | 'letters', done: number, n: number) {
  if (onProgress && (done % PROGRESS_STEP === 0 || done === n)) await onProgress(stage, done, n);
}

export async function makeCredentialBatch(
  opts: BatchOptions,
  onProgress?: OnProgress,
): Promise<CredentialBatch> {
  checkBatchOptions(opts);
  const n = opts.voters.length;
  let t = performance.now();
  const codes = opts.voters.map(() => generateCredentialCode().code);
  const owners: CredentialOwner[] = [];
  for (const [i, v] of opts.voters.entries()) {
    owners.push({ voter: v.voter, credential: deriveCredentialKeys(opts.election, codes[i]!).publicKeyText });
    await tick(onProgress, 'keys', i + 1, n);
  }
  // The list of §7.3 from the keys just derived (each once): sortCredentialList refuses a repeated
  // key, so a repeated code too (probability ≈ n²/2^94.7, i.e. never in practice).
  const list = sortCredentialList(owners.map((o) => o.credential));
  const keysMs = performance.now() - t;

  t = performance.now();
  const numbered = opts.voters.map((v, i) => ({ number: i + 1, code: codes[i]!, voter: v }));
  const letters = await renderLetters(opts.manifest, numbered, opts.boothUrl, (done) =>
    tick(onProgress, 'letters', done, n),
  );
  const lettersMs = performance.now() - t;
  const codesCsv = toCsv(
    ['number', 'voter', 'surname', 'given_name', 'patronymic', 'settlement', 'address', 'code'],
    numbered.map(({ number, code, voter: v }) => [
      number,
      v.voter,
      v.surname,
      v.givenName,
      v.patronymic,
      v.settlement,
      v.address,
      formatCredentialCode(code),
    ]),
  );
  return {
    election: opts.election,
    count: list.length,
    fingerprint: credentialListFingerprint(list),
    codesCsv,
    letters,
    publicList: { election: opts.election, count: list.length, list },
    owners: { election: opts.election, count: owners.length, owners },
    timings: { keys: Math.round(keysMs), letters: Math.round(lettersMs) },
  };
}

/** public-credentials.json and credential-owners.json as written and downloaded. */
export const jsonFileText = (value: PublicCredentials | CredentialOwners): string =>
  JSON.stringify(value, null, 1) + '\n';

const VotersFile = z.strictObject({
  election: z.string(),
  count: z.number().int().min(1).max(MAX_CREDENTIALS),
  voters: z.array(CredentialVoter).min(1).max(MAX_CREDENTIALS),
});

/** The voters of `GET …/credentials/voters` (or a file saved from it), checked to be `election`'s. */
export function votersFrom(value: unknown, election: string, source: string): CredentialVoter[] {
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

/** The voters to make codes for, fetched with the authority's session (SPEC §10.7). */
export async function fetchCredentialVoters(api: Api, election: string): Promise<CredentialVoter[]> {
  const body = await call(api, ENDPOINTS.credentialVoters, { params: { id: election } });
  return votersFrom(body, election, `${api.baseUrl} voters of ${election}`);
}

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
 * Publish a public list with its owner map (the contents of public-credentials.json and
 * credential-owners.json, named `names` in refusals): check the list as a verifier would (§7.3) and
 * that the owner map covers it key for key, upload both, and compare the server's fingerprint with
 * our own. Nothing else is sent: no code ever leaves the authority.
 */
export async function publishCredentialLists(
  api: Api,
  electionId: string,
  publicValue: unknown,
  ownersValue: unknown,
  names: { file: string; ownersFile: string },
): Promise<PublishedCredentials> {
  const { file, ownersFile } = names;
  const r = PublicFile.safeParse(publicValue);
  if (!r.success) throw new ClientError(`${file} is not a public-credentials.json file`, Code.BAD_FILE);
  const o = OwnersFile.safeParse(ownersValue);
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
