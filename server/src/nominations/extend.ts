/**
 * Extending nomination (SPEC §10.4.6: fewer than 2 candidates extends nomination by up to
 * 5 days): both deadlines move by the same whole days, in total at most 5, still before voting.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { addDays, atOrAfter, before, calendarOrderError, type Calendar } from '../elections/calendar.ts';
import { getElection, requireStatus, setCalendar } from '../elections/store.ts';
import { ExtendInput } from './schemas.ts';
import { liveNominations } from './store.ts';
import { Code } from '@saylau/protocol';

export const MAX_EXTENSION_DAYS = 5;

/** Days of extension already on the board. */
export function extendedDays(ctx: ServerContext, electionId: string): number {
  return ctx.board.ofType(electionId, 'nomination-extended').reduce((sum, x) => sum + x.payload.days, 0);
}

export function extendNomination(
  ctx: ServerContext,
  electionId: string,
  days: number,
  actor: string,
): Calendar {
  const v = ExtendInput.parse({ days });
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    if (before(now, e.calendar.nominationCloses))
      throw conflict(
        Code.NOMINATION_OPEN,
        `nomination is open until ${e.calendar.nominationCloses}; extend after that`,
      );
    const live = liveNominations(ctx, e.id).length;
    if (live >= 2)
      throw conflict(
        Code.ENOUGH_NOMINATIONS,
        `${live} nominations are pending or registered; extension is for fewer than 2`,
      );
    const used = extendedDays(ctx, e.id);
    if (used + v.days > MAX_EXTENSION_DAYS)
      throw unprocessable(
        Code.EXTENSION_LIMIT,
        `nomination was already extended by ${used} days; the total may not exceed ${MAX_EXTENSION_DAYS}`,
      );
    const calendar: Calendar = {
      ...e.calendar,
      nominationCloses: addDays(e.calendar.nominationCloses, v.days),
      registrationCloses: addDays(e.calendar.registrationCloses, v.days),
    };
    if (calendarOrderError(calendar) !== null)
      throw unprocessable(
        Code.CALENDAR_OVERFLOW,
        `registration would close after voting opens (${calendar.votingOpens})`,
      );
    if (atOrAfter(now, calendar.nominationCloses))
      throw unprocessable(
        Code.EXTENSION_TOO_SHORT,
        `nomination would close at ${calendar.nominationCloses}, which has passed: extend by more days`,
      );
    setCalendar(ctx, e.id, calendar);
    ctx.board.append(e.id, 'nomination-extended', {
      nominationCloses: calendar.nominationCloses,
      registrationCloses: calendar.registrationCloses,
      days: v.days,
    });
    audit(ctx, actor, 'nomination.extend', e.id, { days: v.days });
    return calendar;
  })();
}
