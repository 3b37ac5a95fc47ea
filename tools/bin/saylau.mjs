#!/usr/bin/env node
// `npx saylau …`: the built command (dist/saylau.mjs), built first when the sources changed.
import { ensureBuilt } from '../../scripts/ensure-built.mjs';

ensureBuilt();
await import('../../dist/saylau.mjs');
