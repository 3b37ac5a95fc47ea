/**
 * Group commit for casting (SPEC §10.9.2): the ballots whose verdicts arrive together (one verifier
 * batch resolves them in the same turn of the event loop) are written in one transaction, each in
 * its own savepoint, so one fsync makes them all durable while each is still accepted or refused on
 * its own. Nothing resolves before the commit: a receipt is only ever signed for a durable ballot,
 * and a crash before the commit loses only ballots that got no receipt.
 */
import type { ServerContext } from '../context.ts';

interface Job {
  work: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const queues = new WeakMap<ServerContext, Job[]>();

/**
 * Run `work` inside the next group transaction; resolves with its result once that transaction is
 * committed, or rejects with its error (its savepoint rolled back, the others unaffected). `work`
 * must be synchronous and must not open its own transaction.
 */
export function commitTogether<T>(ctx: ServerContext, work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(ctx);
    if (!queue) {
      queue = [];
      queues.set(ctx, queue);
      // After the promise callbacks of this turn: every verdict of the batch has queued its work.
      setImmediate(() => flush(ctx));
    }
    queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
  });
}

function flush(ctx: ServerContext): void {
  const jobs = queues.get(ctx) ?? [];
  queues.delete(ctx);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    ctx.db.transaction(() => {
      for (const job of jobs) {
        try {
          // A nested transaction is a savepoint: a refusal rolls back this ballot's writes only.
          outcomes.push({ ok: true, value: ctx.db.transaction(job.work)() });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    })();
  } catch (error) {
    // The commit itself failed (disk full, I/O error): nothing of the group is durable.
    for (const job of jobs) job.reject(error);
    return;
  }
  // In queue order, so that what each caller does next follows the board's order.
  jobs.forEach((job, i) => {
    const o = outcomes[i]!;
    if (o.ok) job.resolve(o.value);
    else job.reject(o.error);
  });
}
