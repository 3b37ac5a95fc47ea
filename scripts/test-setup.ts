/**
 * Vitest's global setup: the tests run the sources, but the server serves the booth and page scripts
 * the build made (server/src/assets.ts) and the CLI tests start the built commands, so dist/ is
 * brought up to date once before any test starts.
 */
import { ensureBuilt } from './ensure-built.mjs';

export default function setup(): void {
  ensureBuilt();
}
