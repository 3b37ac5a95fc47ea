/**
 * The production build (`npm run build`): everything that runs is compiled once into `dist/`.
 *
 * - `dist/saylau.mjs`: the `saylau` command (the server, the CLI, the demo), with its worker threads
 *   in `dist/workers/`; third-party packages stay in node_modules (better-sqlite3 is native code).
 * - `dist/saylau-verify.mjs`: the verifier in one file with every library inside, no native code:
 *   it runs its own worker threads from the same file, so an observer needs only Node and this file.
 * - `dist/saylau-verify.html`: the verifier page (SPEC §11.5), one self-contained HTML file that
 *   verifies a board in a browser, also from disk and offline, with the verifier's own code in Web
 *   Workers made from a Blob of the worker bundle compiled into the page's one inline script.
 * - `dist/assets/`: the browser code the server serves (the booth, the commission, live-board,
 *   trustee and credential authority pages, the verifier page), content-addressed, with `manifest.json` naming each file and
 *   its SHA-256. The booth's SHA-256 goes into every new election's manifest (SPEC §10.1) and the
 *   server publishes the verifier page's at GET /api/verifier, so both are fixed here, at build
 *   time, and two builds of the same sources give the same bytes (test/build.test.ts).
 * - `dist/inputs.sha256`: the hash of the sources built, which scripts/ensure-built.mjs compares to
 *   rebuild only when a source changed.
 *
 * Run: `npx tsx scripts/build.ts [--out DIR]`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { buildBooth, withLook } from '@saylau/ballot-client/build';
import { LANGS } from '@saylau/protocol/lang';
import { pageText } from '@saylau/verifier/page-catalog';
import { inputsHash } from './ensure-built.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const at = (p: string) => join(ROOT, p);

/** Where a built file goes and what it holds. */
export interface BuiltFile {
  path: string;
  sha256: string;
  size: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Write atomically: two builds at once (two `saylau` commands after an edit) never leave half a file. */
function write(out: string, path: string, bytes: Uint8Array | string, files: BuiltFile[]): void {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  files.push({ path, sha256: sha256(b), size: b.length });
}

/** The verifier page's file name, in dist/ and in dist/assets/verifier/. */
export const VERIFIER_PAGE = 'saylau-verify.html';
/** The one-file verifier command, in dist/ and in dist/assets/verifier/. */
export const VERIFIER_COMMAND = 'saylau-verify.mjs';

/**
 * The commission pages, the live board, the trustee page (the trustee library in the browser) and
 * the credential authority's page (the credential generator in the browser).
 */
const PAGES = {
  admin: 'server/src/pages/admin-client/main.ts',
  live: 'server/src/pages/live-client/main.ts',
  trustee: 'tools/src/trustee-page/main.ts',
  credentials: 'tools/src/credential-page/main.ts',
} as const;
/** The pages' one stylesheet, served at /assets/saylau.css. */
const PAGE_CSS = 'saylau.css';
/** The trustee library keeps its state with `node:fs`; in the browser that is localStorage. */
const FS_SHIM = 'tools/src/trustee-page/fs-shim.ts';

async function pageBundle(entry: string): Promise<Uint8Array> {
  const r = await esbuild.build({
    entryPoints: [at(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.pid': '0' },
    plugins: [
      {
        name: 'fs-shim',
        setup(b) {
          b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: at(FS_SHIM) }));
        },
      },
    ],
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.contents;
}

/** The verifier page's script and its worker: old phones too (BigInt needs ES2020, as the booth). */
const PAGE_TARGET = ['es2020', 'chrome80', 'firefox78', 'safari14.1'];

/** A browser bundle of the verifier (the `browser` condition picks `#platform` → platform/web.ts). */
async function verifierBundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [at(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: PAGE_TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

/** The value of a CSP `'sha256-…'` source for an inline script or style. */
const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface VerifierPage {
  bytes: Uint8Array;
  /** The CSP sources that allow exactly the page's one inline script and its one inline style. */
  csp: { script: string; style: string };
}

/**
 * The verifier page (SPEC §11.5): one HTML file with one inline stylesheet and one inline script,
 * which holds the worker's bundle as a string (the page starts its workers from a Blob of it, which
 * works from a file:// URL too); so the file's SHA-256 covers all the code it runs.
 */
export async function buildVerifierPage(): Promise<VerifierPage> {
  const worker = await verifierBundle('verifier/src/page/worker/worker.ts');
  const script = await verifierBundle('verifier/src/page/ui/main.ts', {
    __SAYLAU_VERIFIER_WORKER__: JSON.stringify(worker),
  });
  const css = (
    await esbuild.transform(readFileSync(at('verifier/src/page/page.css'), 'utf8'), {
      loader: 'css',
      minify: true,
      charset: 'utf8',
    })
  ).code.trimEnd();
  // The HTML parser ends a script at `</script` and misreads `<!--`: neither may be inside it.
  if (/<\/script|<!--/i.test(script)) throw new Error('the verifier page script contains </script or <!--');
  if (/<\/style/i.test(css)) throw new Error('the verifier page stylesheet contains </style');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const noscript = LANGS.map((l) => `<p lang="${l}">${escape(pageText(l, 'noscript'))}</p>`).join('');
  const html =
    '<!doctype html>\n' +
    '<html lang="kk">\n' +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escape(pageText('kk', 'title'))}</title>\n` +
    // No icon to fetch: a page served at /verify would otherwise ask for /favicon.ico.
    '<link rel="icon" href="data:,">\n' +
    `<style>${css}</style>\n` +
    '</head>\n' +
    '<body>\n' +
    `<div id="app"><noscript>${noscript}</noscript></div>\n` +
    `<script>${script}</script>\n` +
    '</body>\n' +
    '</html>\n';
  return { bytes: new TextEncoder().encode(html), csp: { script: cspHash(script), style: cspHash(css) } };
}

/** Node programs: our packages compiled in, `external` packages left to node_modules. */
async function nodeBundle(entry: string, outfile: string, external: 'third-party' | 'none') {
  const r = await esbuild.build({
    entryPoints: [at(entry)],
    bundle: true,
    write: false,
    outfile,
    format: 'esm',
    platform: 'node',
    target: ['node20'],
    legalComments: 'none',
    charset: 'utf8',
    // Worker threads start the built files in dist/workers/ instead of TypeScript through tsx.
    define: { __SAYLAU_BUILT__: 'true' },
    // CommonJS libraries bundled into an ES module still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __saylauRequire } from 'node:module'; const require = __saylauRequire(import.meta.url);",
    },
    plugins:
      external === 'third-party'
        ? [
            {
              name: 'third-party-external',
              setup(b) {
                b.onResolve({ filter: /^[^./]/ }, (a) =>
                  a.path.startsWith('@saylau/') ? undefined : { path: a.path, external: true },
                );
              },
            },
          ]
        : [],
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.contents;
}

/** Build into `out` (default dist/); returns every file written with its SHA-256. */
export async function build(out = at('dist')): Promise<BuiltFile[]> {
  const inputs = inputsHash(ROOT);
  const files: BuiltFile[] = [];
  // Drop the old inputs hash first, so a build that fails half-way is never taken for a finished one.
  rmSync(join(out, 'inputs.sha256'), { force: true });

  const booth = buildBooth();
  for (const a of [booth.js, booth.worker, booth.scan, booth.css])
    write(out, `assets/booth/${a.name}`, a.bytes, files);
  const pages: Record<string, { file: string; sha256: string }> = {};
  for (const [name, entry] of Object.entries(PAGES)) {
    const bytes = await pageBundle(entry);
    const file = `${sha256(bytes).slice(0, 16)}.${name}.js`;
    write(out, `assets/pages/${file}`, bytes, files);
    pages[name] = { file, sha256: sha256(bytes) };
  }
  // The pages' stylesheet: the booth's look, then the pages' own rules (tables, charts, steps).
  const css = withLook(at('server/src/pages/pages.css'));
  write(out, `assets/pages/${PAGE_CSS}`, css, files);
  const asset = (a: typeof booth.js) => ({
    name: a.name,
    sha256: a.sha256,
    size: a.size,
    gzipSize: a.gzipSize,
  });
  const page = await buildVerifierPage();
  write(out, `assets/verifier/${VERIFIER_PAGE}`, page.bytes, files);
  // The one-file command too, for observers to download from the server (GET /saylau-verify.mjs).
  const command = await nodeBundle('verifier/src/main.ts', VERIFIER_COMMAND, 'none');
  write(out, `assets/verifier/${VERIFIER_COMMAND}`, command, files);
  const manifest = {
    booth: {
      js: asset(booth.js),
      worker: asset(booth.worker),
      scan: asset(booth.scan),
      css: asset(booth.css),
    },
    pages,
    stylesheet: { name: PAGE_CSS, sha256: sha256(css) },
    verifier: {
      name: VERIFIER_PAGE,
      sha256: sha256(page.bytes),
      size: page.bytes.length,
      gzipSize: gzipSync(page.bytes, { level: 9 }).length,
      csp: page.csp,
    },
    command: {
      name: VERIFIER_COMMAND,
      sha256: sha256(command),
      size: command.length,
      gzipSize: gzipSync(command, { level: 9 }).length,
    },
  };
  write(out, 'assets/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, files);

  write(out, 'saylau.mjs', await nodeBundle('tools/src/cli/main.ts', 'saylau.mjs', 'third-party'), files);
  const workers = {
    'casting-verifier': 'server/src/casting/verifier-worker.ts',
    'upload-check': 'server/src/uploads/check-worker.ts',
  };
  for (const [name, entry] of Object.entries(workers))
    write(out, `workers/${name}.mjs`, await nodeBundle(entry, `${name}.mjs`, 'third-party'), files);
  write(out, 'workers/checkpoint.mjs', readFileSync(at('server/src/checkpoint-worker.mjs')), files);

  write(out, VERIFIER_COMMAND, command, files);
  // The same page for people to keep, open from disk and compare with GET /api/verifier.
  write(out, VERIFIER_PAGE, page.bytes, files);

  write(out, 'inputs.sha256', `${inputs}\n`, files);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : at('dist');
  const started = performance.now();
  const files = await build(out);
  for (const f of files.filter(
    (f) =>
      (!f.path.startsWith('assets/booth/') || f.path.endsWith('.js')) &&
      !f.path.startsWith('assets/verifier/'),
  ))
    console.log(`${f.sha256}  ${relative(process.cwd(), join(out, f.path))}  (${f.size} B)`);
  console.log(`built ${files.length} files in ${Math.round(performance.now() - started)} ms`);
}
