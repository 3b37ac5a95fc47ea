/**
 * Dates as people read them (SPEC §10.14–§10.15): a day written out in Kazakh, Russian or English, and
 * a calendar time as that day and its hour in the election's zone, Asia/Almaty (UTC+05:00). The
 * month names are here, not in browsers' date data: Chromium's built-in Kazakh prints "2027 M03 14".
 */
import { defineCatalog, translate } from './catalog.ts';
import type { Lang } from './lang.ts';

export const DATE_STRINGS = defineCatalog(
  {
    day: '{d} {month} {y}',
    'month.1': 'January',
    'month.2': 'February',
    'month.3': 'March',
    'month.4': 'April',
    'month.5': 'May',
    'month.6': 'June',
    'month.7': 'July',
    'month.8': 'August',
    'month.9': 'September',
    'month.10': 'October',
    'month.11': 'November',
    'month.12': 'December',
  },
  {
    ru: {
      day: '{d} {month} {y} года',
      'month.1': 'января',
      'month.2': 'февраля',
      'month.3': 'марта',
      'month.4': 'апреля',
      'month.5': 'мая',
      'month.6': 'июня',
      'month.7': 'июля',
      'month.8': 'августа',
      'month.9': 'сентября',
      'month.10': 'октября',
      'month.11': 'ноября',
      'month.12': 'декабря',
    },
    kk: {
      day: '{y} жылғы {d} {month}',
      'month.1': 'қаңтар',
      'month.2': 'ақпан',
      'month.3': 'наурыз',
      'month.4': 'сәуір',
      'month.5': 'мамыр',
      'month.6': 'маусым',
      'month.7': 'шілде',
      'month.8': 'тамыз',
      'month.9': 'қыркүйек',
      'month.10': 'қазан',
      'month.11': 'қараша',
      'month.12': 'желтоқсан',
    },
  },
);

type DateKey = keyof typeof DATE_STRINGS.en;

/** A day (YYYY-MM-DD) written out in `lang`; anything else is returned as it is. */
export function formatDay(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const month = translate(DATE_STRINGS, lang, `month.${Number(m[2])}` as DateKey);
  return translate(DATE_STRINGS, lang, 'day', { y: m[1]!, month, d: Number(m[3]) });
}

/** Kazakhstan's one time zone since 2024-03-01 (Asia/Almaty, UTC+05:00, no daylight saving). */
const ALMATY_OFFSET_MS = 5 * 3600_000;

/** A calendar time (RFC 3339 with offset) as the day (YYYY-MM-DD) and HH:MM in Asia/Almaty. */
export function almatyClock(time: string): { day: string; hm: string } | null {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + ALMATY_OFFSET_MS).toISOString();
  return { day: local.slice(0, 10), hm: local.slice(11, 16) };
}

/** A calendar time (RFC 3339 with offset) as the written-out day and HH:MM in Asia/Almaty. */
export function formatTime(lang: Lang, time: string): string {
  const c = almatyClock(time);
  return c ? `${formatDay(lang, c.day)}, ${c.hm}` : time;
}
