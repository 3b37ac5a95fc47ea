/** Start a server on a data directory: open the database, build the app, listen. */
import { join } from 'node:path';
import type { Server } from 'node:http';
import { openDatabase } from './database.ts';
import { DB_FILE, makeDataDir } from './data-dir.ts';
import { createApp, type AppOptions } from './app.ts';
import { createContext, type Clock, type Log, type ServerContext } from './context.ts';
import { closeCasting } from './casting/state.ts';
import { startCheckpointer } from './checkpointer.ts';
import { discardStagedUploads } from './uploads/staging.ts';
import { closeUploadChecks } from './uploads/task-worker.ts';

export { DB_FILE };

export interface RunningServer {
  ctx: ServerContext;
  http: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(opts: {
  dataDir: string;
  host?: string;
  port?: number;
  clock?: Clock;
  log?: Log;
  app?: AppOptions;
}): Promise<RunningServer> {
  makeDataDir(opts.dataDir); // 0700 (SPEC §9.1)
  const db = openDatabase(join(opts.dataDir, DB_FILE));
  discardStagedUploads(db); // what a crash left half-written was never shown (SPEC §9.1)
  const ctx = await createContext(db, { clock: opts.clock, log: opts.log });
  const checkpointer = startCheckpointer(db, ctx.log);
  const app = createApp(ctx, opts.app);
  const host = opts.host ?? '127.0.0.1';
  const http = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, () => resolve(s));
    s.once('error', reject);
  });
  const addr = http.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    ctx,
    http,
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
      await closeCasting(ctx);
      await closeUploadChecks(ctx);
      await checkpointer.close();
      db.close();
    },
  };
}
