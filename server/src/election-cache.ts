/**
 * Values the server derives once per election from data that never changes (the roll's tree of
 * tags, its voters' references), kept for the most recently used elections only: a server hosting a
 * region's or a country's elections holds memory for the busy ones, none for the idle ones.
 */
import { LRUCache } from 'lru-cache';
import type { ServerContext } from './context.ts';

/** Elections whose derived values stay in memory at once, per kind of value. */
export const CACHED_ELECTIONS = 32;

export interface ElectionCache<V extends object> {
  /** The election's value, built on first use (a null from `build` is not kept). */
  get(ctx: ServerContext, election: string, build: () => V | null): V | null;
  /** How many elections hold a value now (for tests). */
  size(ctx: ServerContext): number;
}

export function electionCache<V extends object>(max = CACHED_ELECTIONS): ElectionCache<V> {
  const byDb = new WeakMap<ServerContext['db'], LRUCache<string, V>>();
  const cacheOf = (ctx: ServerContext) => {
    let c = byDb.get(ctx.db);
    if (!c) byDb.set(ctx.db, (c = new LRUCache<string, V>({ max })));
    return c;
  };
  return {
    get(ctx, election, build) {
      const c = cacheOf(ctx);
      let v = c.get(election);
      if (v === undefined) {
        const built = build();
        if (built === null) return null;
        c.set(election, (v = built));
      }
      return v;
    },
    size: (ctx) => cacheOf(ctx).size,
  };
}
