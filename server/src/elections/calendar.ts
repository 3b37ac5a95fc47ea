/**
 * The election calendar (SPEC §10.1) in Asia/Almaty local time, which is UTC+05:00 since
 * 1 March 2024; times are written with that explicit offset so that every reader agrees.
 */
import { IsoDate, type Calendar } from '@saylau/protocol';
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

/** Nomination closes E−(25+1) days 18:00, registration E−(20+1) days 18:00, voting 07:00–20:00 on E. */
export function defaultCalendar(electionDay: string): Calendar {
  return {
    nominationCloses: localTime(electionDay, 26, '18:00'),
    registrationCloses: localTime(electionDay, 21, '18:00'),
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

export const before = (now: Date, time: string) => now.getTime() < Date.parse(time);
export const atOrAfter = (now: Date, time: string) => !before(now, time);

/** Add whole days to a time, keeping the local wall time. */
export function addDays(time: string, days: number): string {
  return toLocal(new Date(Date.parse(time) + days * 86_400_000));
}
