/**
 * What the invitation letters print about the election (SPEC §10.7): district, kind, election day
 * and voting hours, taken from the manifest (§10.1) fetched from the server or read from a file.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { call, ClientError, type Api } from '../http.ts';
import { ElectionId, IsoDate, Code, ENDPOINTS } from '@saylau/protocol';

const Name = z.string().min(1).max(800);
const RfcTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an RFC 3339 time');

/** The manifest fields the letters use; other manifest fields are ignored. */
export const LetterManifest = z.object({
  election: ElectionId,
  kind: z.enum(['akim', 'referendum']),
  district: z.object({ kk: Name, ru: Name, en: Name }),
  electionDay: IsoDate,
  calendar: z.object({ votingOpens: RfcTime, votingCloses: RfcTime }),
});
export type LetterManifest = z.infer<typeof LetterManifest>;

/**
 * Accept the manifest itself, the public election view of GET /api/elections/:id (`{manifest,
 * calendar, …}`, whose calendar is the one in force) or a board entry (`{payload}`).
 */
export function letterManifestFrom(value: unknown, election: string, source: string): LetterManifest {
  const v = value as { manifest?: unknown; payload?: unknown; calendar?: unknown } | null;
  let raw: unknown = value;
  if (v && typeof v === 'object' && v.manifest && typeof v.manifest === 'object')
    raw = { ...(v.manifest as object), ...(v.calendar ? { calendar: v.calendar } : {}) };
  else if (v && typeof v === 'object' && v.payload && typeof v.payload === 'object') raw = v.payload;
  const r = LetterManifest.safeParse(raw);
  if (!r.success)
    throw new ClientError(
      `${source} is not an election manifest: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
      Code.BAD_MANIFEST,
    );
  if (r.data.election !== election)
    throw new ClientError(
      `${source} is the manifest of election ${r.data.election}, not ${election}`,
      Code.MANIFEST_MISMATCH,
    );
  return r.data;
}

/** The manifest from a running server (public GET /api/elections/:id, no sign-in needed). */
export async function fetchLetterManifest(api: Api, election: string): Promise<LetterManifest> {
  const body = await call(api, ENDPOINTS.election, { params: { id: election } });
  return letterManifestFrom(body, election, `${api.baseUrl} election ${election}`);
}

/** The manifest from a JSON file, for an authority working on a machine that is never online. */
export function readLetterManifest(file: string, election: string): LetterManifest {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ClientError(`cannot read ${file} as JSON: ${(e as Error).message}`, Code.BAD_FILE);
  }
  return letterManifestFrom(value, election, file);
}
