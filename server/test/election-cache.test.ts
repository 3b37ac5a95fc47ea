/** Per-election derived values are kept for the busiest elections only (election-cache.ts). */
import { describe, expect, it } from 'vitest';
import { electionCache } from '../src/election-cache.ts';
import type { ServerContext } from '../src/context.ts';

const ctx = () => ({ db: {} }) as unknown as ServerContext;

describe('electionCache', () => {
  it('builds a value once per election, drops the least recently used past its size, keeps no null', () => {
    const c = electionCache<{ n: number }>(3);
    const x = ctx();
    let builds = 0;
    const get = (e: string) => c.get(x, e, () => ({ n: ++builds }));
    expect(get('a')!.n).toBe(1);
    expect(get('a')!.n).toBe(1);
    get('b');
    get('c');
    get('a'); // a is now the most recent; b the least
    get('d');
    expect(c.size(x)).toBe(3);
    expect(get('b')!.n).toBe(5); // rebuilt: it was dropped
    expect(get('a')!.n).toBe(1);
    expect(c.get(x, 'none', () => null)).toBeNull();
    expect(c.size(x)).toBe(3);
    // Another server (database) has its own cache.
    const y = ctx();
    expect(c.get(y, 'a', () => ({ n: 99 }))!.n).toBe(99);
  });
});
