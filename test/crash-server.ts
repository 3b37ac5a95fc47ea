/**
 * Child process of test/crash.test.ts: the ballot server on a data directory, as `saylau serve` runs
 * it, but on a virtual clock that starts at the given instant (voting hours) and then follows the wall
 * clock. The parent kills it with SIGKILL and starts another on the same directory.
 * Arguments: DATA_DIR START_MS. Sends `{ url }` over IPC once listening.
 */
import { z } from 'zod';
import { startServer } from '@saylau/server';

const [dataDir, startMs] = z
  .tuple([z.string().min(1), z.coerce.number().int().positive()])
  .parse(process.argv.slice(2));
const t0 = Date.now();
const server = await startServer({
  dataDir,
  clock: () => new Date(startMs + Date.now() - t0),
  log: () => undefined,
  // Every voter signs in from the loopback address: the per-IP limit would stop the test itself.
  app: { loginRateLimit: false, castRateLimit: false },
});
process.send!({ url: server.url });
