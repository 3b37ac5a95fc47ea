/** The voter's language: Kazakh by default, chosen with the switch or `?lang=`, remembered on the device. */
import { isLang, type Lang } from '@saylau/protocol/lang';
import { translate, type Params } from '@saylau/protocol/catalog';
import { CATALOGS, type MessageKey } from './catalog.ts';

const STORE_KEY = 'saylau.lang';

export { isLang };

/** `?lang=` first, then the remembered choice, then Kazakh. */
export function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (isLang(q)) return q;
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage disabled: fall through
  }
  return 'kk';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

export type Translate = (key: MessageKey, vars?: Params) => string;

/** The booth's texts in `lang`: a `{name}` without a value stays as written. */
export function translator(lang: Lang): Translate {
  return (key, vars) => translate(CATALOGS, lang, key, vars);
}

/**
 * A date (YYYY-MM-DD) in the voter's language, from the catalogs: browsers' built-in Kazakh date
 * data is often missing (Chromium prints "2027 M03 14").
 */
export function formatDay(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const t = translator(lang);
  const month = t(`date.month.${Number(m[2])}` as MessageKey);
  return t('date.day', { y: m[1]!, month, d: Number(m[3]) });
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

/** A calendar time (RFC 3339 with offset) as date and HH:MM in the election's zone, Asia/Almaty. */
export function formatTime(lang: Lang, time: string): string {
  const c = almatyClock(time);
  return c ? `${formatDay(lang, c.day)}, ${c.hm}` : time;
}
