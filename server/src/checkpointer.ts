/**
 * WAL checkpoints off the event loop (SPEC §9.1). A checkpoint copies the WAL's pages into the
 * database file and syncs it; SQLite runs it inside whichever commit takes the WAL past its
 * threshold, and after a 7 MB credential list that commit would stall the server for well over
 * 100 ms. So a worker thread with its own connection checkpoints every CHECKPOINT_MS, and the
 * server's connection checkpoints itself only past a much larger WAL (should that thread ever stop).
 */
import { Worker } from 'node:worker_threads';
import { BUILT } from './worker-thread.ts';
import type { Db } from './database.ts';

export const CHECKPOINT_MS = 200;
/** Pages (4 KiB) the WAL may reach before the server's own connection checkpoints it. */
export const FALLBACK_CHECKPOINT_PAGES = 16_384;

const WORKER = new URL(BUILT ? './workers/checkpoint.mjs' : './checkpoint-worker.mjs', import.meta.url);

export interface Checkpointer {
  close(): Promise<void>;
}

export function startCheckpointer(db: Db, log: (line: string) => void): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const worker = new Worker(WORKER, { workerData: { file: db.name, intervalMs: CHECKPOINT_MS } });
  worker.on('message', (m: { error: string }) => log(`WAL checkpoint failed: ${m.error}`));
  worker.on('error', (e) => log(`checkpointer failed: ${e?.name ?? 'error'}`));
  worker.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Unreferenced, the worker would not keep the process alive while this waits for it: a
        // program that awaits close() with nothing else to do would end with the promise unsettled.
        worker.ref();
        worker.postMessage('close');
      }),
  };
}
