#!/usr/bin/env node
// `saylau-verify …`. In the repository: the built verifier (dist/saylau-verify.mjs, one file with no
// dependencies), built first when the sources changed. Installed from the package's tarball: the
// same file, carried in the package (scripts/pack-verifier.mjs), nothing to build.
import { existsSync } from 'node:fs';

const repository = new URL('../../scripts/ensure-built.mjs', import.meta.url);
if (existsSync(repository)) {
  const { ensureBuilt } = await import(repository.href);
  ensureBuilt();
  await import('../../dist/saylau-verify.mjs');
} else await import('../dist/saylau-verify.mjs');
