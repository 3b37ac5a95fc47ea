// Entry of a worker thread when the code runs from its TypeScript sources (the tests; the build
// starts compiled files instead): the worker registers tsx's loader itself (a worker inherits
// neither vitest's transform nor tsx's hooks) and imports the module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
