/**
 * `saylau-verify URL --mirror FILE`: the observer's loop on voting day (SPEC §11.3). Each run
 * fetches the server's signed head first and then its board, and checks that the board extends the
 * copy kept in FILE (check 2.6) and matches every signed head kept beside it in
 * FILE.checkpoints.json (check 2.4). Only a board that passes both replaces FILE, and its head is
 * added to the kept ones. A board that does not leaves both files as they were: they are the
 * evidence that the server rewrote what it had published and signed.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SignedCheckpointSchema } from './signed.ts';
import type { Report, VerifyOptions } from './verify.ts';

export type SignedCheckpoint = NonNullable<VerifyOptions['checkpoints']>[number];

const Kept = z.array(SignedCheckpointSchema);

export class MirrorError extends Error {}

export interface MirrorState {
  /** The board kept by the previous run, if any. */
  since?: string;
  /** Every signed head kept so far, oldest first. */
  checkpoints: SignedCheckpoint[];
}

export const checkpointsFile = (file: string) => `${file}.checkpoints.json`;

/** The mirror as the last run left it (nothing yet on the first run). */
export function loadMirror(file: string): MirrorState {
  const since = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const cpFile = checkpointsFile(file);
  if (!existsSync(cpFile)) return { since, checkpoints: [] };
  const kept = Kept.safeParse(parseJson(readFileSync(cpFile, 'utf8')));
  if (!kept.success) throw new MirrorError(`${cpFile}: not a list of signed checkpoints`);
  return { since, checkpoints: kept.data };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `…/api/elections/ID/board` → `…/api/elections/ID/board/head` (SPEC §9.4); null for other URLs. */
export function headUrl(boardUrl: string): string | null {
  const u = new URL(boardUrl);
  if (!/\/api\/elections\/[^/]+\/board$/.test(u.pathname) || u.search !== '') return null;
  u.pathname += '/head';
  return u.toString();
}

/** Did this run show the board extends the mirror and matches every signed head given? */
export function extendsMirror(report: Report): boolean {
  return report.exitCode !== 2 && !report.failures.some((f) => f.check === '2.6' || f.check === '2.4');
}

/**
 * Replace FILE with `board` and keep `head` (unless it repeats the last kept one); each file is
 * written whole to a temporary name and renamed, so a crash leaves the old or the new, never half.
 */
export function saveMirror(
  file: string,
  board: string,
  kept: SignedCheckpoint[],
  head?: SignedCheckpoint,
): number {
  const last = kept.at(-1);
  const same =
    head !== undefined &&
    last !== undefined &&
    last.checkpoint.seq === head.checkpoint.seq &&
    last.checkpoint.head === head.checkpoint.head;
  const all = head === undefined || same ? kept : [...kept, head];
  writeWhole(checkpointsFile(file), JSON.stringify(all, null, 2) + '\n');
  writeWhole(file, board);
  return all.length;
}

function writeWhole(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
