/**
 * Encrypting ballots ahead of a measurement, in worker threads (bench/lib/ballot-builder.ts): the
 * voters' encryption and proofs are the slow part of a client and not what the benchmarks and the
 * crash test measure. The ballots come back unsigned; bench/lib/sign.ts signs each one at send time
 * with a recent board head (SPEC §8.2). Shared by bench/ingest.ts, bench/load.ts,
 * bench/verify-board.ts and test/crash.test.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BallotOrder, Built, BuilderMessage } from './ballot-builder.ts';

export type { BallotOrder, Built } from './ballot-builder.ts';

const bootstrap = new URL('../../server/src/casting/worker-bootstrap.mjs', import.meta.url);
const builderModule = new URL('./ballot-builder.ts', import.meta.url).href;

/**
 * One encrypted ballot per order (or `orders` fresh credentials with random choices), in order, on
 * `threads` worker threads; `progress` gets the running count every 100 ballots per thread.
 */
export async function buildBallots(
  params: unknown,
  orders: BallotOrder[] | number,
  opts: { threads?: number; progress?: (built: number) => void } = {},
): Promise<Built[]> {
  const list = typeof orders === 'number' ? Array.from({ length: orders }, () => ({})) : orders;
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), list.length));
  const per = Math.ceil(list.length / threads);
  let built = 0;
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const job = { params, orders: list.slice(w * per, (w + 1) * per) };
      return new Promise<Built[]>((resolve, reject) => {
        const worker = new Worker(bootstrap, { workerData: { module: builderModule, job } });
        worker.on('message', (m: BuilderMessage) => {
          if (m.type === 'progress') opts.progress?.((built += m.done));
          else {
            resolve(m.ballots);
            void worker.terminate();
          }
        });
        worker.on('error', reject);
      });
    }),
  );
  return parts.flat();
}
