/**
 * Offline credential generation (SPEC §10.7), run by the credential authority on its own machine:
 * the batch of authority.ts (codes, keys, the public list, the owner map, letters, the CSV of
 * codes) written into a new directory. The server never sees a code; only the public list and the
 * owner map go to it (`publishCredentials`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Code } from '@saylau/protocol';
import { ClientError } from '../http.ts';
import {
  checkBatchOptions,
  CODES_FILE,
  jsonFileText,
  LETTERS_FILE,
  makeCredentialBatch,
  OWNERS_FILE,
  PUBLIC_FILE,
  type BatchOptions,
} from './authority.ts';

/** Files holding codes are readable by their owner only. */
export const SECRET_MODE = 0o600;
const PUBLIC_MODE = 0o644;

export interface GenerateOptions extends BatchOptions {
  /** Created if missing; must not already hold any of the output files. */
  outDir: string;
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

export async function generateCredentialFiles(opts: GenerateOptions): Promise<GenerateResult> {
  checkBatchOptions(opts);
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
  const b = await makeCredentialBatch(opts);
  mkdirSync(opts.outDir, { recursive: true, mode: 0o700 });
  // 'wx': create only, so a race with another run cannot clobber a file either.
  writeFileSync(files.codes, b.codesCsv, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.letters, b.letters, { mode: SECRET_MODE, flag: 'wx' });
  writeFileSync(files.publicList, jsonFileText(b.publicList), { mode: PUBLIC_MODE, flag: 'wx' });
  // Who holds which key: for the server only, which refuses a ballot cast with another's key.
  writeFileSync(files.owners, jsonFileText(b.owners), { mode: SECRET_MODE, flag: 'wx' });
  return { election: b.election, count: b.count, fingerprint: b.fingerprint, files, timings: b.timings };
}
