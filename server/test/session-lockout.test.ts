/** Per-name throttling of commission sign-in (SPEC §10.13 Accounts), over HTTP with a virtual clock. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit.ts';
import { createUser } from '../src/auth/users.ts';
import { LOCK_AFTER, lockSeconds, MAX_LOCK_SECONDS } from '../src/auth/lockout.ts';
import { startHarness, type Harness } from '@saylau/test-kit';

const RIGHT = 'correct horse battery';
let h: Harness;

beforeEach(async () => {
  // A fresh server per test: the per-IP limit (30 a minute, real time) must not carry over.
  h = await startHarness();
  await createUser(h.server.ctx, 'chair', 'commission', RIGHT);
});
afterEach(() => h.close());

const attempt = (name: string, password: string) => h.api('POST', '/api/session', { name, password });
const advance = (seconds: number) => (h.now.value = new Date(h.now.value.getTime() + seconds * 1000));
const locks = () => auditLog(h.server.ctx).filter((r) => r.action === 'user.locked');

describe('lock durations', () => {
  it('start after the 5th attempt at 15 minutes and double up to 2 hours', () => {
    expect([1, 2, 3, 4].map(lockSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 30].map(lockSeconds)).toEqual([900, 1800, 3600, 7200, 7200, MAX_LOCK_SECONDS]);
  });
});

describe('commission sign-in lockout', () => {
  it('locks a name after 5 wrong passwords, refusing even the right one until the lock ends', async () => {
    for (let i = 1; i <= LOCK_AFTER; i++) expect((await attempt('chair', `guess-${i}`)).status).toBe(401);
    const locked = await attempt('chair', RIGHT);
    expect([locked.status, locked.body.error.code, locked.body.token]).toEqual([
      423,
      'ACCOUNT_LOCKED',
      undefined,
    ]);
    expect(locked.body.error.details).toEqual({ retryAfter: 900 });
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(locks().map((r) => r.details)).toEqual([{ name: 'chair' }]);
    // A refused attempt does not extend the lock.
    advance(899);
    expect((await attempt('chair', RIGHT)).body.error.details).toEqual({ retryAfter: 1 });
    advance(1);
    const ok = await attempt('chair', RIGHT);
    expect([ok.status, ok.body.user]).toEqual([200, { name: 'chair', role: 'commission' }]);
    // Success forgot the failures: four more wrong passwords and the right one still work.
    for (let i = 1; i < LOCK_AFTER; i++) expect((await attempt('chair', `again-${i}`)).status).toBe(401);
    expect((await attempt('chair', RIGHT)).status).toBe(200);
  });

  it('lets the right password through on the 5th attempt', async () => {
    for (let i = 1; i < LOCK_AFTER; i++) await attempt('chair', `guess-${i}`);
    expect((await attempt('chair', RIGHT)).status).toBe(200);
    expect(locks()).toEqual([]);
  });

  it('doubles the lock for each wrong password after one ends', async () => {
    for (let i = 1; i <= LOCK_AFTER; i++) await attempt('chair', `guess-${i}`);
    advance(900);
    expect((await attempt('chair', 'guess-6')).status).toBe(401);
    expect((await attempt('chair', RIGHT)).body.error.details).toEqual({ retryAfter: 1800 });
    advance(1800);
    expect((await attempt('chair', 'guess-7')).status).toBe(401);
    expect((await attempt('chair', RIGHT)).body.error.details).toEqual({ retryAfter: 3600 });
    expect(locks()).toHaveLength(3);
  });

  it('treats a name without an account exactly like one with an account', async () => {
    const replies = async (name: string) => {
      const out: unknown[] = [];
      for (let i = 1; i <= LOCK_AFTER + 1; i++) {
        const r = await attempt(name, `guess-${i}`);
        out.push([r.status, r.body, r.headers.get('retry-after')]);
      }
      return out;
    };
    const real = await replies('chair');
    const ghost = await replies('my password 123');
    expect(ghost).toEqual(real);
    // Only the account's lock is audited, and the table keeps no name in clear: a "name" may be a
    // password typed into the wrong field.
    expect(locks().map((r) => r.details)).toEqual([{ name: 'chair' }]);
    const rows = h.server.ctx.db.prepare('SELECT * FROM sign_in_failures').all();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/chair|password/);
    expect(real.at(-1)).toEqual([
      423,
      { error: { code: 'ACCOUNT_LOCKED', message: expect.any(String), details: { retryAfter: 900 } } },
      '900',
    ]);
  });

  it('counts parallel guesses before checking them, so a burst cannot run past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('chair', `burst-${i}`)));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOCK_AFTER);
    expect(statuses.filter((s) => s === 423)).toHaveLength(20 - LOCK_AFTER);
  });

  it('keeps other names usable while one is locked', async () => {
    await createUser(h.server.ctx, 'secretary', 'commission', RIGHT);
    for (let i = 1; i <= LOCK_AFTER; i++) await attempt('chair', `guess-${i}`);
    expect((await attempt('secretary', RIGHT)).status).toBe(200);
  });

  it('is lifted at once by `saylau user unlock` on the server machine, which the audit log records', async () => {
    for (let i = 1; i <= LOCK_AFTER; i++) await attempt('chair', `guess-${i}`);
    expect((await attempt('chair', RIGHT)).status).toBe(423);
    const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'saylau');
    const run = (...args: string[]) =>
      spawnSync(bin, ['user', 'unlock', '--data', h.dir, ...args], { encoding: 'utf8' });
    const r = run('--name', 'chair');
    expect([r.status, r.stdout.trim()]).toEqual([0, 'chair: failures and lock cleared']);
    expect((await attempt('chair', RIGHT)).status).toBe(200);
    expect(
      auditLog(h.server.ctx)
        .filter((x) => x.action === 'user.unlock')
        .map((x) => x.details),
    ).toEqual([{ name: 'chair' }]);
    const bad = run('--name', '');
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/--name: expected 1–64 characters/)]);
  });
});
