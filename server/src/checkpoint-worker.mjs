// The checkpointer thread (server/src/checkpointer.ts, SPEC §9.1): its own connection to the
// database runs a passive WAL checkpoint every intervalMs, so that copying the WAL into the
// database file and syncing it never runs on the server's event loop. Plain JavaScript: it needs
// no TypeScript loader, so it starts at once.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: e?.code ?? e?.name ?? 'error' });
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
