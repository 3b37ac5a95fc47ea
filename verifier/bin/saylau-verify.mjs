#!/usr/bin/env node
// `npx saylau-verify …`: the built verifier (dist/saylau-verify.mjs, one file with no dependencies),
// built first when the sources changed.
import { ensureBuilt } from '../../scripts/ensure-built.mjs';

ensureBuilt();
await import('../../dist/saylau-verify.mjs');
