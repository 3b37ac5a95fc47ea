/**
 * The verifier pool of each server context, created on the first cast. The server's close must
 * call closeCasting(ctx) so that no worker outlives it (the workers are unref'd, so a forgotten
 * close does not keep the process alive either).
 */
import type { ServerContext } from '../context.ts';
import { VerifierPool, type VerifierOptions } from './pool.ts';

const pools = new WeakMap<ServerContext, VerifierPool>();
const options = new WeakMap<ServerContext, VerifierOptions>();

/** Worker count from SAYLAU_VERIFY_WORKERS (0 = verify on the event loop), else one per core. */
function defaultWorkers(): number | undefined {
  const v = process.env.SAYLAU_VERIFY_WORKERS;
  return v !== undefined && /^\d{1,3}$/.test(v) ? Number(v) : undefined;
}

/** Set the verifier options of a context; call before its first cast. */
export function configureCasting(ctx: ServerContext, opts: VerifierOptions): void {
  if (pools.has(ctx)) throw new Error('configureCasting: the verifier pool is already running');
  options.set(ctx, opts);
}

export function castingPool(ctx: ServerContext): VerifierPool {
  let pool = pools.get(ctx);
  if (!pool) {
    const opts = options.get(ctx) ?? {};
    pool = new VerifierPool({ workers: defaultWorkers(), log: ctx.log, ...opts });
    pools.set(ctx, pool);
  }
  return pool;
}

/** Stop the context's verifier workers; queued casts get 503 VERIFIER_UNAVAILABLE. */
export async function closeCasting(ctx: ServerContext): Promise<void> {
  const pool = pools.get(ctx);
  pools.delete(ctx);
  await pool?.close();
}
