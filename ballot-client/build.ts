/**
 * Build the voter's booth with esbuild: the Web Worker that encrypts, the Web Worker that
 * reads the letter's QR code with jsQR (SPEC §10.14), the page bundle and the stylesheet, all in
 * memory. The workers are built first and their content-addressed URLs (`/booth/<sha256>.worker.js`,
 * `/booth/<sha256>.scan.js`) are compiled into the page bundle, so the page bundle's SHA-256
 * (published in the election manifest, at GET /api/booth and in the booth's footer) covers the code
 * that encrypts and the code that scans too. The build is deterministic: the same sources and
 * esbuild give the same hashes.
 *
 * scripts/build.ts calls `buildBooth()` and writes the files into dist/assets/booth/, which the
 * server serves; `npx tsx ballot-client/build.ts [--out DIR]` writes them alone (default
 * ballot-client/dist) and prints their sizes and hashes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const SRC = join(import.meta.dirname, 'src');

/** Old phones: BigInt (the group arithmetic) needs ES2020; nothing newer is emitted. */
const TARGET = ['es2020', 'chrome80', 'firefox78', 'safari14.1'];

export interface BoothAsset {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  size: number;
  gzipSize: number;
}

export interface BoothBuild {
  /** The page bundle, `<sha256>.js`. */
  js: BoothAsset;
  /** The encryption worker, `<sha256>.worker.js`. */
  worker: BoothAsset;
  /** The QR scan worker (jsQR), `<sha256>.scan.js`: loaded only when a voter scans. */
  scan: BoothAsset;
  css: BoothAsset;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * A stylesheet with Saylau's look (src/look.css: colours, fields, buttons, notices, cards) before
 * its own rules: the booth's, and the server's pages' (scripts/build.ts), so both look the same.
 */
export function withLook(own: string): Uint8Array {
  return new TextEncoder().encode(
    `${readFileSync(join(SRC, 'look.css'), 'utf8')}\n${readFileSync(own, 'utf8')}`,
  );
}

function asset(name: string, contentType: string, bytes: Uint8Array): BoothAsset {
  return {
    name,
    contentType,
    bytes,
    sha256: sha256(bytes),
    size: bytes.length,
    gzipSize: gzipSync(bytes, { level: 9 }).length,
  };
}

function bundle(entry: string, define: Record<string, string>): Uint8Array {
  const r = esbuild.buildSync({
    entryPoints: [join(SRC, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.contents;
}

/** Build the booth (about 200 ms). */
export function buildBooth(): BoothBuild {
  const workerBytes = bundle('worker/encrypt.worker.ts', {});
  const worker = asset(`${sha256(workerBytes)}.worker.js`, JS, workerBytes);
  const scanBytes = bundle('scan/scan.worker.ts', {});
  const scan = asset(`${sha256(scanBytes)}.scan.js`, JS, scanBytes);
  const jsBytes = bundle('booth/main.ts', {
    __SAYLAU_WORKER_URL__: JSON.stringify(`/booth/${worker.name}`),
    __SAYLAU_SCAN_URL__: JSON.stringify(`/booth/${scan.name}`),
  });
  const js = asset(`${sha256(jsBytes)}.js`, JS, jsBytes);
  const css = asset('booth.css', CSS, withLook(join(SRC, 'booth', 'booth.css')));
  return { js, worker, scan, css };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : join(import.meta.dirname, 'dist');
  const b = buildBooth();
  mkdirSync(out, { recursive: true });
  for (const a of [b.js, b.worker, b.scan, b.css]) {
    writeFileSync(join(out, a.name), a.bytes);
    console.log(`${a.name}  ${a.size} B, ${a.gzipSize} B gzipped`);
  }
  // The scan worker is fetched only by voters who scan: it is counted apart.
  console.log(
    `total gzipped: ${b.js.gzipSize + b.worker.gzipSize + b.css.gzipSize} B (+ scan ${b.scan.gzipSize} B)`,
  );
}
