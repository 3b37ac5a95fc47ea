/**
 * How the server starts a TypeScript module in a worker thread. From the sources (tests, `tsx`),
 * the thread registers tsx's loader (casting/worker-bootstrap.mjs) and imports the module; in the
 * build (scripts/build.ts), it starts the module's compiled file in dist/workers/.
 */
import { Worker } from 'node:worker_threads';

declare const __SAYLAU_BUILT__: boolean | undefined;
export const BUILT = typeof __SAYLAU_BUILT__ !== 'undefined' && __SAYLAU_BUILT__;

/** The worker modules and the name of each one's built file. */
export const WORKER_MODULES = {
  'casting-verifier': new URL('./casting/verifier-worker.ts', import.meta.url).href,
  'upload-check': new URL('./uploads/check-worker.ts', import.meta.url).href,
} as const;
export type WorkerName = keyof typeof WORKER_MODULES;

const BOOTSTRAP = new URL('./casting/worker-bootstrap.mjs', import.meta.url);

/** Start `name`; `module` overrides its source (tests start deliberately failing workers). */
export function startWorker(name: WorkerName, workerData: object = {}, module?: string): Worker {
  if (BUILT && module === undefined)
    return new Worker(new URL(`./workers/${name}.mjs`, import.meta.url), { workerData });
  return new Worker(BOOTSTRAP, { workerData: { ...workerData, module: module ?? WORKER_MODULES[name] } });
}
