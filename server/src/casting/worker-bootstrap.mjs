// Entry of a worker thread that runs a TypeScript module: the repository ships no build, so the
// worker registers tsx's loader itself (a worker inherits neither vitest's transform nor tsx's hooks)
// and then imports the module named in workerData.module (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
