// Build when needed: `saylau`, `saylau-verify`, `npm start` and the tests run what scripts/build.ts
// compiled into dist/, and rebuild first when a source changed since (the hash of every source
// file against dist/inputs.sha256). Plain JavaScript, so that checking needs no TypeScript loader.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
/** What the build reads: the packages' sources, the build itself and the locked dependencies. */
const SOURCES = [
  'crypto/src',
  'protocol/src',
  'server/src',
  'ballot-client/src',
  'verifier/src',
  'tools/src',
];
const FILES = ['ballot-client/build.ts', 'scripts/build.ts', 'package-lock.json'];

/** Hex SHA-256 over the path and content of every input file, in a fixed order. */
export function inputsHash(root = ROOT) {
  const paths = [...FILES];
  for (const dir of SOURCES)
    for (const f of readdirSync(join(root, dir), { recursive: true }))
      if (statSync(join(root, dir, f)).isFile()) paths.push(join(dir, f));
  paths.sort();
  const h = createHash('sha256');
  for (const p of paths)
    h.update(`${p}\0`)
      .update(readFileSync(join(root, p)))
      .update('\0');
  return h.digest('hex');
}

function builtHash(out) {
  try {
    return readFileSync(join(out, 'inputs.sha256'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** Build dist/ unless it was built from these very sources. */
export function ensureBuilt(out = join(ROOT, 'dist')) {
  if (builtHash(out) === inputsHash()) return;
  let tsx;
  try {
    tsx = createRequire(import.meta.url).resolve('tsx/cli');
  } catch {
    console.error(
      'saylau: dist/ is missing or older than the sources, and tsx is not installed: run `npm ci && npm run build`',
    );
    process.exit(2);
  }
  process.stderr.write('saylau: building dist/ (the sources changed since the last build)…\n');
  const r = spawnSync(process.execPath, [tsx, join(ROOT, 'scripts', 'build.ts'), '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    console.error('saylau: the build failed');
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) ensureBuilt();
