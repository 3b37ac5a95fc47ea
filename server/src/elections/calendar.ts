/**
 * The election calendar (SPEC §10.1) in Asia/Almaty local time, which is UTC+05:00 since
 * 1 March 2024; times are written with that explicit offset so that every reader agrees.
 */
import { IsoDate, type Calendar, type Profile } from '@saylau/protocol';
import { CALENDAR_KEYS, ValidTime } from '@saylau/protocol/requests';

export type { Calendar };

export const TIME_ZONE = 'Asia/Almaty';
export const OFFSET = '+05:00';

export { CALENDAR_KEYS };

export { IsoDate };

/** An RFC 3339 time with an explicit offset, normalised to the election's +05:00. */
export const Time = ValidTime.transform((s) => toLocal(new Date(s)));

/** `YYYY-MM-DDTHH:MM:SS+05:00` for an instant. */
export function toLocal(d: Date): string {
  const shifted = new Date(d.getTime() + 5 * 3600_000);
  return shifted.toISOString().slice(0, 19) + OFFSET;
}

/** Local wall time `hh:mm` on `date` minus `daysBefore` days. */
export function localTime(date: string, daysBefore: number, hhmm: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - daysBefore);
  return `${d.toISOString().slice(0, 10)}T${hhmm}:00${OFFSET}`;
}

/**
 * Days before election day that nomination and registration close, per rule profile (SPEC §10.1):
 * "N days before" is read as 18:00 local time on day E−(N+1), the last working evening before the
 * Nth day. reform: 25 and 20 days; law-2021: 15 and 10 days (the 2021 calendar, SPEC §10.2).
 */
export const DEADLINE_DAYS: Record<Profile['name'], { nomination: number; registration: number }> = {
  reform: { nomination: 25, registration: 20 },
  'law-2021': { nomination: 15, registration: 10 },
};

/** Nomination and registration close at 18:00 on E−(N+1) (per profile), voting 07:00–20:00 on E. */
export function defaultCalendar(electionDay: string, profile: Profile['name'] = 'reform'): Calendar {
  const d = DEADLINE_DAYS[profile];
  return {
    nominationCloses: localTime(electionDay, d.nomination + 1, '18:00'),
    registrationCloses: localTime(electionDay, d.registration + 1, '18:00'),
    votingOpens: localTime(electionDay, 0, '07:00'),
    votingCloses: localTime(electionDay, 0, '20:00'),
  };
}

/** null if the four times strictly increase, else the first key out of order. */
export function calendarOrderError(c: Calendar): string | null {
  for (let i = 1; i < CALENDAR_KEYS.length; i++)
    if (Date.parse(c[CALENDAR_KEYS[i]!]) <= Date.parse(c[CALENDAR_KEYS[i - 1]!])) return CALENDAR_KEYS[i]!;
  return null;
}

/** The local (Asia/Almaty) date `YYYY-MM-DD` of an instant. */
export const localDate = (d: Date): string => toLocal(d).slice(0, 10);

/** A calendar refused at creation: the code, the field at fault and why (SPEC §10.1). */
export interface CalendarProblem {
  code: 'BAD_CALENDAR' | 'CALENDAR_PASSED';
  field: string;
  message: string;
}

/**
 * The first problem of a new election's calendar (SPEC §10.1), or null: election day not before
 * today (local time), the four times strictly increasing, registration closing before election day
 * begins, and both deadlines still ahead of `now`.
 */
export function calendarProblem(electionDay: string, c: Calendar, now: Date): CalendarProblem | null {
  const today = localDate(now);
  if (electionDay < today)
    return {
      code: 'CALENDAR_PASSED',
      field: 'electionDay',
      message: `election day ${electionDay} has passed (today is ${today} in ${TIME_ZONE})`,
    };
  const bad = calendarOrderError(c);
  if (bad)
    return {
      code: 'BAD_CALENDAR',
      field: `calendar.${bad}`,
      message: `calendar.${bad} must come after the step before it`,
    };
  const dayStarts = localTime(electionDay, 0, '00:00');
  if (!before(new Date(c.registrationCloses), dayStarts))
    return {
      code: 'BAD_CALENDAR',
      field: 'calendar.registrationCloses',
      message: `registration must close before election day ${electionDay} begins (it closes ${c.registrationCloses})`,
    };
  for (const k of ['nominationCloses', 'registrationCloses'] as const)
    if (atOrAfter(now, c[k]))
      return {
        code: 'CALENDAR_PASSED',
        field: `calendar.${k}`,
        message: `calendar.${k} ${c[k]} has passed (now is ${toLocal(now)})`,
      };
  return null;
}

export const before = (now: Date, time: string) => now.getTime() < Date.parse(time);
export const atOrAfter = (now: Date, time: string) => !before(now, time);

/** Add whole days to a time, keeping the local wall time. */
export function addDays(time: string, days: number): string {
  return toLocal(new Date(Date.parse(time) + days * 86_400_000));
}

/**
 * The result is due 3 days after voting closes, at the same local wall time (SPEC §10.12: Saylau's
 * choice, see there for the law).
 */
export const RESULT_DAYS = 3;
export const resultDue = (c: Calendar): string => addDays(c.votingCloses, RESULT_DAYS);

/** Late: the result's deadline has passed and the election has no result (SPEC §10.12). */
export const resultLate = (c: Calendar, status: string, now: Date): boolean =>
  status !== 'finished' && atOrAfter(now, resultDue(c));
