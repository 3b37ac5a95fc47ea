/**
 * Offline credential generation (SPEC §10.7), run by the credential authority on its own machine:
 * N random codes (§7.1), their public keys (§7.2) as the sorted public list (§7.3), printable
 * letters and a CSV of the codes. The server never sees a code; only public-credentials.json goes
 * to it (`publishCredentials`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatCredentialCode, generateCredentialCode, publicCredentialList } from '@saylau/crypto';
import { CliError } from '../cli/http.ts';
import { ElectionId } from '../http/validate.ts';
import { toCsv } from '../http/csv.ts';
import { renderLetters } from './letters.ts';
import { credentialListFingerprint, MAX_CREDENTIALS } from './list.ts';
import type { LetterManifest } from './manifest.ts';

export const CODES_FILE = 'codes.csv';
export const LETTERS_FILE = 'letters.html';
export const PUBLIC_FILE = 'public-credentials.json';

/** Files holding codes are readable by their owner only. */
export const SECRET_MODE = 0o600;
const PUBLIC_MODE = 0o644;

/** The published file (SPEC §10.7): `{election, count, list}`, list sorted as in §7.3. */
export interface PublicCredentials {
  election: string;
  count: number;
  list: string[];
}

export interface GenerateOptions {
  election: string;
  count: number;
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
  files: { codes: string; letters: string; publicList: string };
  /** Milliseconds spent deriving keys and rendering letters, for the record. */
  timings: { keys: number; letters: number };
}

const Count = z.number().int().min(1).max(MAX_CREDENTIALS);
const BoothUrl = z.url({ protocol: /^https?$/ }).max(200);

export async function generateCredentialFiles(opts: GenerateOptions): Promise<GenerateResult> {
  if (!ElectionId.safeParse(opts.election).success)
    throw new CliError(`not an election id: ${JSON.stringify(opts.election)}`, 'BAD_ARGUMENT');
  if (!Count.safeParse(opts.count).success)
    throw new CliError(`--count: expected an integer from 1 to ${MAX_CREDENTIALS}`, 'BAD_ARGUMENT');
  if (opts.boothUrl !== undefined && !BoothUrl.safeParse(opts.boothUrl).success)
    throw new CliError(`--booth-url: not an http(s) URL: ${opts.boothUrl}`, 'BAD_ARGUMENT');
  if (opts.manifest.election !== opts.election)
    throw new CliError(
      `the manifest is of election ${opts.manifest.election}, not ${opts.election}`,
      'MANIFEST_MISMATCH',
    );
  const files = {
    codes: join(opts.outDir, CODES_FILE),
    letters: join(opts.outDir, LETTERS_FILE),
    publicList: join(opts.outDir, PUBLIC_FILE),
  };
  // Never overwrite: codes already printed must stay matched with the list that gets published.
  const existing = Object.values(files).filter((f) => existsSync(f));
  if (existing.length > 0)
    throw new CliError(
      `refusing to overwrite ${existing.join(', ')}; use an empty directory`,
      'OUTPUT_EXISTS',
    );

  let t = performance.now();
  const codes = Array.from({ length: opts.count }, () => generateCredentialCode().code);
  // Refuses a repeated code (probability ≈ n²/2^94.7, i.e. never in practice).
  const list = publicCredentialList(opts.election, codes);
  const keysMs = performance.now() - t;

  t = performance.now();
  const numbered = codes.map((code, i) => ({ number: i + 1, code }));
  const letters = await renderLetters(opts.manifest, numbered, opts.boothUrl);
  const lettersMs = performance.now() - t;
  const csv = toCsv(
    ['number', 'code'],
    numbered.map((c) => [c.number, formatCredentialCode(c.code)]),
  );
  const published: PublicCredentials = { election: opts.election, count: list.length, list };

  mkdirSync(opts.outDir, { recursive: true, mode: 0o700 });
  // 'wx': create only, so a race with another run cannot clobber a file either.
  writeFileSync(files.codes, csv, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.letters, letters, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.publicList, JSON.stringify(published, null, 1) + '\n', {
    mode: PUBLIC_MODE,
    flag: 'wx',
  });
  return {
    election: opts.election,
    count: list.length,
    fingerprint: credentialListFingerprint(list),
    files,
    timings: { keys: Math.round(keysMs), letters: Math.round(lettersMs) },
  };
}
