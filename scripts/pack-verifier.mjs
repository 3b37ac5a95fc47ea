// `npm pack -w verifier`: the package carries the built one-file verifier (dist/saylau-verify.mjs,
// every library inside, no native code), so its tarball installs offline with nothing to compile
// or fetch. prepack copies the file in (building it first when a source changed); postpack
// (`--clean`) takes it out again, so the repository keeps one copy.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const target = join(ROOT, 'verifier', 'dist');

if (process.argv.includes('--clean')) rmSync(target, { recursive: true, force: true });
else {
  ensureBuilt();
  mkdirSync(target, { recursive: true });
  copyFileSync(join(ROOT, 'dist', 'saylau-verify.mjs'), join(target, 'saylau-verify.mjs'));
}
