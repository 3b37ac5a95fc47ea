/**
 * The booth bundle, built once per process with esbuild in memory (ballot-client/build.ts)
 * when first needed, so that a fresh `npm ci` serves it with no build step. Its SHA-256 goes into
 * every new election's manifest (SPEC §10.1), so the build must come before the first election.
 */
import { createHash } from 'node:crypto';
import { buildBooth, type BoothBuild } from '@saylau/ballot-client/build';

export type { BoothAsset, BoothBuild } from '@saylau/ballot-client/build';

let built: BoothBuild | null = null;

/** The booth's files; the first call builds them (about 200 ms), later calls share the result. */
export function boothBuild(): BoothBuild {
  built ??= buildBooth();
  return built;
}

/** What a manifest records of the booth (SPEC §10.1): the page bundle's SHA-256. */
export function boothManifestEntry(): { sha256: string } {
  return { sha256: boothBuild().js.sha256 };
}

/** The SRI form of a SHA-256 (`sha256-<base64>`) for `integrity` attributes. */
export function integrity(bytes: Uint8Array): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
}
