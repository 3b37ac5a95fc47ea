/**
 * Public sign-in counts (SPEC §10.9.3): the server counts the voter tokens it issues per local
 * (Asia/Almaty) hour, and the voters who get their first token of the election, and publishes each
 * hour as a `sign-ins` board entry once the hour is over — at the first sign-in of a later hour, or
 * when voting closes. No timer: an election where no one signs in costs nothing.
 */
import type { ServerContext } from '../context.ts';
import { toLocal } from '../elections/calendar.ts';

/** The local hour of an instant, `YYYY-MM-DDTHH:00:00+05:00`. */
export const localHour = (d: Date): string => `${toLocal(d).slice(0, 13)}:00:00+05:00`;

interface HourRow {
  hour: string;
  tokens: number;
  voters: number;
}

/**
 * Append a `sign-ins` entry for every counted hour before `until` (all of them without it) not yet
 * published, in hour order. Call inside the caller's transaction.
 */
export function publishSignIns(ctx: ServerContext, election: string, until?: string): void {
  const rows = ctx.db
    .prepare(
      `SELECT hour, tokens, voters FROM sign_in_hours
       WHERE election = ? AND published = 0 AND (? IS NULL OR hour < ?) ORDER BY hour`,
    )
    .all(election, until ?? null, until ?? null) as HourRow[];
  const done = ctx.db.prepare('UPDATE sign_in_hours SET published = 1 WHERE election = ? AND hour = ?');
  for (const r of rows) {
    ctx.board.append(election, 'sign-ins', { hour: r.hour, tokens: r.tokens, voters: r.voters });
    done.run(election, r.hour);
  }
}

/**
 * Count one voter token issued now to `voter`, after publishing the hours that are over. Call
 * inside the transaction that checks the election still accepts ballots, before the token is made.
 */
export function countSignIn(ctx: ServerContext, election: string, voter: string, now: Date): void {
  const hour = localHour(now);
  publishSignIns(ctx, election, hour);
  const first = ctx.db
    .prepare('INSERT OR IGNORE INTO signed_in_voters (election, voter) VALUES (?, ?)')
    .run(election, voter).changes;
  ctx.db
    .prepare(
      `INSERT INTO sign_in_hours (election, hour, tokens, voters) VALUES (?, ?, 1, ?)
       ON CONFLICT (election, hour) DO UPDATE SET tokens = tokens + 1, voters = voters + excluded.voters`,
    )
    .run(election, hour, first);
}

/** Every hour counted so far, published or not (for the observer page). */
export function signInHours(ctx: ServerContext, election: string): (HourRow & { published: boolean })[] {
  return (
    ctx.db
      .prepare('SELECT hour, tokens, voters, published FROM sign_in_hours WHERE election = ? ORDER BY hour')
      .all(election) as (HourRow & { published: number })[]
  ).map((r) => ({ ...r, published: r.published === 1 }));
}
