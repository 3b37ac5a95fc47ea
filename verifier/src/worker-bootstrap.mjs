// Entry of a verifier worker thread: the repository ships no build, so the worker registers tsx's
// loader itself (a worker inherits neither vitest's transform nor tsx's hooks) and then imports the
// TypeScript module named in workerData.module (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
