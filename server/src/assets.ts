/**
 * The browser code the server serves: the booth, the page scripts and the verifier page, compiled by the build
 * (scripts/build.ts) into dist/assets/ with a manifest of their names and SHA-256. The server only
 * reads them, once, at first use: it never compiles code, and the booth's hash that goes into each
 * new election's manifest (SPEC §10.1) is the one the build printed.
 * `SAYLAU_ASSETS` names another directory (tests of a second build).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoothAsset, BoothBuild } from '@saylau/ballot-client/build';
import { BUILT } from './worker-thread.ts';

/** A booth file and its hashes, as the build describes it (ballot-client/build.ts). */
export type Asset = BoothAsset;
/** The page bundle, the encryption worker, the QR scan worker and the stylesheet. */
export type BoothFiles = BoothBuild;

export type PageName = 'admin' | 'live' | 'trustee' | 'credentials';

export interface PageScript {
  /** `<first 16 hex of SHA-256>.<name>.js`, served immutable under /assets/<name>/. */
  file: string;
  url: string;
  bytes: Uint8Array;
}

interface ManifestAsset {
  name: string;
  sha256: string;
  size: number;
  gzipSize: number;
}
/** The verifier page (SPEC §11.5): one HTML file, and the CSP sources of its inline script and style. */
export interface VerifierPage {
  name: string;
  sha256: string;
  size: number;
  gzipSize: number;
  csp: { script: string; style: string };
  bytes: Uint8Array;
}

/** The one-file verifier command (dist/saylau-verify.mjs), for observers to download. */
export type VerifierCommand = ManifestAsset & { bytes: Uint8Array };

interface AssetManifest {
  booth: Record<keyof BoothFiles, ManifestAsset>;
  pages: Record<PageName, { file: string; sha256: string }>;
  /** The pages' stylesheet (Saylau's look and the pages' rules), in pages/. */
  stylesheet: { name: string; sha256: string };
  verifier: Omit<VerifierPage, 'bytes'>;
  command: ManifestAsset;
}

/** dist/assets beside the built server, or the repository's dist/assets when run from the sources. */
export function assetsDir(): string {
  if (process.env.SAYLAU_ASSETS) return process.env.SAYLAU_ASSETS;
  return fileURLToPath(new URL(BUILT ? './assets/' : '../../dist/assets/', import.meta.url));
}

const JS = 'text/javascript; charset=utf-8';

let loaded: {
  booth: BoothFiles;
  pages: Record<PageName, PageScript>;
  stylesheet: Uint8Array;
  verifier: VerifierPage;
  command: VerifierCommand;
} | null = null;

function read(dir: string, path: string): Uint8Array {
  return readFileSync(join(dir, path));
}

function load() {
  const dir = assetsDir();
  let manifest: AssetManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as AssetManifest;
  } catch {
    throw new Error(`the booth and page scripts are not built in ${dir}: run npm run build`);
  }
  // A file changed after the build would be served under the old hash: refuse to start instead.
  const built = (path: string, sha256: string): Uint8Array => {
    const bytes = read(dir, path);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256)
      throw new Error(`${dir}/${path} is not the file the build made: run npm run build`);
    return bytes;
  };
  const boothAsset = (a: ManifestAsset, contentType: string): Asset => ({
    ...a,
    contentType,
    bytes: built(`booth/${a.name}`, a.sha256),
  });
  const b = manifest.booth;
  const booth: BoothFiles = {
    js: boothAsset(b.js, JS),
    worker: boothAsset(b.worker, JS),
    scan: boothAsset(b.scan, JS),
    css: boothAsset(b.css, 'text/css; charset=utf-8'),
  };
  const page = (name: PageName): PageScript => {
    const { file } = manifest.pages[name];
    return { file, url: `/assets/${name}/${file}`, bytes: read(dir, `pages/${file}`) };
  };
  const v = manifest.verifier;
  const verifier: VerifierPage = { ...v, bytes: built(`verifier/${v.name}`, v.sha256) };
  const c = manifest.command;
  const command: VerifierCommand = { ...c, bytes: built(`verifier/${c.name}`, c.sha256) };
  return {
    booth,
    pages: {
      admin: page('admin'),
      live: page('live'),
      trustee: page('trustee'),
      credentials: page('credentials'),
    },
    stylesheet: built(`pages/${manifest.stylesheet.name}`, manifest.stylesheet.sha256),
    verifier,
    command,
  };
}

/** The booth's files (read at first use). */
export function boothFiles(): BoothFiles {
  loaded ??= load();
  return loaded.booth;
}

/** A page script (read at first use). */
export function pageScript(name: PageName): PageScript {
  loaded ??= load();
  return loaded.pages[name];
}

/** The pages' stylesheet (read at first use), served at /assets/saylau.css. */
export function pageStylesheet(): Uint8Array {
  loaded ??= load();
  return loaded.stylesheet;
}

/** The verifier page (read at first use): served at /verify exactly as the build wrote it. */
export function verifierPage(): VerifierPage {
  loaded ??= load();
  return loaded.verifier;
}

/** The one-file verifier command (read at first use): served at /saylau-verify.mjs as the build wrote it. */
export function verifierCommand(): VerifierCommand {
  loaded ??= load();
  return loaded.command;
}

/** What a manifest records of the booth (SPEC §10.1): the page bundle's SHA-256. */
export function boothManifestEntry(): { sha256: string } {
  return { sha256: boothFiles().js.sha256 };
}

/** The SRI form of a SHA-256 (`sha256-<base64>`) for `integrity` attributes. */
export function integrity(bytes: Uint8Array): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
}
