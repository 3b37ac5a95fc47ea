/**
 * How the ballot pool starts a worker thread. From the sources (tests, `tsx`), a worker registers
 * tsx's loader (worker-bootstrap.mjs) and imports worker.ts; in the build, the one file
 * dist/saylau-verify.mjs is started again with this role (main.ts).
 */
import { Worker } from 'node:worker_threads';

declare const __SAYLAU_BUILT__: boolean | undefined;
const BUILT = typeof __SAYLAU_BUILT__ !== 'undefined' && __SAYLAU_BUILT__;

export const WORKER_ROLE = 'saylau-verify:ballots';

export function startWorker(params: unknown): Worker {
  if (BUILT) return new Worker(new URL(import.meta.url), { workerData: { role: WORKER_ROLE, params } });
  const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url);
  return new Worker(bootstrap, {
    workerData: { module: new URL('./worker.ts', import.meta.url).href, params },
  });
}
