/**
 * Per-name sign-in throttling for commission accounts (SPEC §10.13). The per-IP limit slows one
 * address; this bounds guessing one account's password from many. It is keyed by the name given,
 * whether or not an account has it, so a lock tells nothing about which names exist.
 *
 * The table keeps a hash of the name, not the name: people type their password into the name field.
 *
 * An attempt is counted before the password is checked, in one transaction with the lock test, so
 * a burst of parallel guesses cannot run past the limit while scrypt works; a right password then
 * clears the count. Locks are temporary (a permanent one would let anyone who knows the chair's
 * name shut the commission out on election day); `saylau user unlock` clears one at once.
 */
import { createHash } from 'node:crypto';
import type { ServerContext } from '../context.ts';

/** Attempts in a row without a right password that lock the name. */
export const LOCK_AFTER = 5;
/** The first lock; each further failed attempt doubles it, up to MAX_LOCK_SECONDS. */
export const LOCK_SECONDS = 15 * 60;
export const MAX_LOCK_SECONDS = 2 * 3600;

export type Attempt = { allowed: true; locks: boolean } | { allowed: false; retryAfter: number };

/** Seconds a name stays locked after its `failures`-th counted attempt (0: no lock). */
export function lockSeconds(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(LOCK_SECONDS * 2 ** (failures - LOCK_AFTER), MAX_LOCK_SECONDS);
}

const nowSeconds = (ctx: ServerContext) => Math.floor(ctx.clock().getTime() / 1000);
const key = (name: string) =>
  createHash('sha256').update(`saylau/v1/sign-in-name\0${name}`, 'utf8').digest('hex');

/**
 * Count one sign-in attempt for `name`, or refuse it while the name is locked. `locks` says that
 * this attempt, if its password is wrong, is the one that (re)locks the name.
 */
export function beginAttempt(ctx: ServerContext, name: string): Attempt {
  const now = nowSeconds(ctx);
  return ctx.db.transaction((): Attempt => {
    const row = ctx.db
      .prepare('SELECT failures, locked_until FROM sign_in_failures WHERE name_hash = ?')
      .get(key(name)) as { failures: number; locked_until: number } | undefined;
    if (row && row.locked_until > now) return { allowed: false, retryAfter: row.locked_until - now };
    const failures = (row?.failures ?? 0) + 1;
    const lock = lockSeconds(failures);
    ctx.db
      .prepare(
        `INSERT INTO sign_in_failures (name_hash, failures, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (name_hash) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
      )
      .run(key(name), failures, lock > 0 ? now + lock : 0);
    return { allowed: true, locks: lock > 0 };
  })();
}

/** The password was right: forget the name's failures and any lock this attempt set. */
export function clearFailures(ctx: ServerContext, name: string): boolean {
  return ctx.db.prepare('DELETE FROM sign_in_failures WHERE name_hash = ?').run(key(name)).changes > 0;
}
