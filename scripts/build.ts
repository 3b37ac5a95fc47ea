/**
 * The production build (`npm run build`): everything that runs is compiled once into `dist/`.
 *
 * - `dist/saylau.mjs`: the `saylau` command (the server, the CLI, the demo), with its worker threads
 *   in `dist/workers/`; third-party packages stay in node_modules (better-sqlite3 is native code).
 * - `dist/saylau-verify.mjs`: the verifier in one file with every library inside, no native code:
 *   it runs its own worker threads from the same file, so an observer needs only Node and this file.
 * - `dist/assets/`: the browser code the server serves (the booth, the commission, live-board and
 *   trustee pages), content-addressed, with `manifest.json` naming each file and its SHA-256. The
 *   booth's SHA-256 goes into every new election's manifest (SPEC §10.1), so it is fixed here, at
 *   build time, and two builds of the same sources give the same bytes (test/build.test.ts).
 * - `dist/inputs.sha256`: the hash of the sources built, which scripts/ensure-built.mjs compares to
 *   rebuild only when a source changed.
 *
 * Run: `npx tsx scripts/build.ts [--out DIR]`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildBooth } from '@saylau/ballot-client/build';
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

/** The commission pages, the live board and the trustee page (the trustee library in the browser). */
const PAGES = {
  admin: 'server/src/pages/admin-client/main.ts',
  live: 'server/src/pages/live-client/main.ts',
  trustee: 'tools/src/trustee-page/main.ts',
} as const;
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
  const asset = (a: typeof booth.js) => ({
    name: a.name,
    sha256: a.sha256,
    size: a.size,
    gzipSize: a.gzipSize,
  });
  const manifest = {
    booth: {
      js: asset(booth.js),
      worker: asset(booth.worker),
      scan: asset(booth.scan),
      css: asset(booth.css),
    },
    pages,
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

  write(
    out,
    'saylau-verify.mjs',
    await nodeBundle('verifier/src/main.ts', 'saylau-verify.mjs', 'none'),
    files,
  );

  write(out, 'inputs.sha256', `${inputs}\n`, files);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : at('dist');
  const started = performance.now();
  const files = await build(out);
  for (const f of files.filter((f) => !f.path.startsWith('assets/booth/') || f.path.endsWith('.js')))
    console.log(`${f.sha256}  ${relative(process.cwd(), join(out, f.path))}  (${f.size} B)`);
  console.log(`built ${files.length} files in ${Math.round(performance.now() - started)} ms`);
}
