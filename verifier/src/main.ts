/**
 * The entry of the built `saylau-verify` (dist/saylau-verify.mjs): one file is both the command and
 * its ballot-proof worker threads (pool.ts starts this same file with the worker role), so an
 * observer needs nothing besides Node and that file.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { WORKER_ROLE } from './worker-role.ts';

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE)
  await import('./worker.ts');
else await import('./cli.ts');
