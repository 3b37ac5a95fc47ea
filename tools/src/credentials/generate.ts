/**
 * Offline credential generation (SPEC §10.7), run by the credential authority on its own machine:
 * one random code (§7.1) per voter on the roll, their public keys (§7.2) as the sorted public list
 * (§7.3), the private map of which voter holds which key, letters addressed to each voter and a CSV
 * of the codes. The server never sees a code; only the public list and the owner map go to it
 * (`publishCredentials`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  deriveCredentialKeys,
  formatCredentialCode,
  generateCredentialCode,
  publicCredentialList,
} from '@saylau/crypto';
import { ClientError } from '../http.ts';
import { toCsv } from '@saylau/server';
import {
  ElectionId,
  credentialListFingerprint,
  MAX_CREDENTIALS,
  CredentialVoter,
  Code,
} from '@saylau/protocol';
import { renderLetters } from './letters.ts';
import type { LetterManifest } from './manifest.ts';

export const CODES_FILE = 'codes.csv';
export const LETTERS_FILE = 'letters.html';
export const PUBLIC_FILE = 'public-credentials.json';
export const OWNERS_FILE = 'credential-owners.json';

/** Files holding codes are readable by their owner only. */
export const SECRET_MODE = 0o600;
const PUBLIC_MODE = 0o644;

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

export interface GenerateOptions {
  election: string;
  /** The roll's voters as `GET …/credentials/voters` lists them, one code each. */
  voters: readonly CredentialVoter[];
  /** Created if missing; must not already hold any of the three output files. */
  outDir: string;
  manifest: LetterManifest;
  /** The booth's address printed on the letters; left out, the letters point to the commission. */
  boothUrl?: string;
}

export interface GenerateResult {
  election: string;
  count: number;
  /** credentialListFingerprint(list): print it, compare it with the server's after publishing. */
  fingerprint: string;
  files: { codes: string; letters: string; publicList: string; owners: string };
  /** Milliseconds spent deriving keys and rendering letters, for the record. */
  timings: { keys: number; letters: number };
}

const Voters = z.array(CredentialVoter).min(1).max(MAX_CREDENTIALS);
const BoothUrl = z.url({ protocol: /^https?$/ }).max(200);

export async function generateCredentialFiles(opts: GenerateOptions): Promise<GenerateResult> {
  if (!ElectionId.safeParse(opts.election).success)
    throw new ClientError(`not an election id: ${JSON.stringify(opts.election)}`, Code.BAD_ARGUMENT);
  const voters = Voters.safeParse(opts.voters);
  if (!voters.success)
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
  const files = {
    codes: join(opts.outDir, CODES_FILE),
    letters: join(opts.outDir, LETTERS_FILE),
    publicList: join(opts.outDir, PUBLIC_FILE),
    owners: join(opts.outDir, OWNERS_FILE),
  };
  // Never overwrite: codes already printed must stay matched with the list that gets published.
  const existing = Object.values(files).filter((f) => existsSync(f));
  if (existing.length > 0)
    throw new ClientError(
      `refusing to overwrite ${existing.join(', ')}; use an empty directory`,
      Code.OUTPUT_EXISTS,
    );

  let t = performance.now();
  const codes = opts.voters.map(() => generateCredentialCode().code);
  // Refuses a repeated code (probability ≈ n²/2^94.7, i.e. never in practice).
  const list = publicCredentialList(opts.election, codes);
  const owners = opts.voters.map((v, i) => ({
    voter: v.voter,
    credential: deriveCredentialKeys(opts.election, codes[i]!).publicKeyText,
  }));
  const keysMs = performance.now() - t;

  t = performance.now();
  const numbered = opts.voters.map((v, i) => ({ number: i + 1, code: codes[i]!, voter: v }));
  const letters = await renderLetters(opts.manifest, numbered, opts.boothUrl);
  const lettersMs = performance.now() - t;
  const csv = toCsv(
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
  const published: PublicCredentials = { election: opts.election, count: list.length, list };
  const ownerMap: CredentialOwners = { election: opts.election, count: owners.length, owners };

  mkdirSync(opts.outDir, { recursive: true, mode: 0o700 });
  // 'wx': create only, so a race with another run cannot clobber a file either.
  writeFileSync(files.codes, csv, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.letters, letters, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.publicList, JSON.stringify(published, null, 1) + '\n', {
    mode: PUBLIC_MODE,
    flag: 'wx',
  });
  // Who holds which key: for the server only, which refuses a ballot cast with another's key.
  writeFileSync(files.owners, JSON.stringify(ownerMap, null, 1) + '\n', { mode: SECRET_MODE, flag: 'wx' });
  return {
    election: opts.election,
    count: list.length,
    fingerprint: credentialListFingerprint(list),
    files,
    timings: { keys: Math.round(keysMs), letters: Math.round(lettersMs) },
  };
}
