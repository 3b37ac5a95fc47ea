/** The voter's language: Kazakh by default, chosen with the switch or `?lang=`, remembered on the device. */
import { CATALOGS, LANGS, type Lang, type MessageKey } from './catalog.ts';

const STORE_KEY = 'saylau.lang';

export function isLang(v: unknown): v is Lang {
  return LANGS.includes(v as Lang);
}

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

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const cat = CATALOGS[lang];
  return (key, vars) => {
    const text = cat[key] ?? CATALOGS.en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  };
}

/** A date (YYYY-MM-DD) in the voter's language. */
export function formatDay(lang: Lang, day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  } catch {
    return day;
  }
}

/** A calendar time (RFC 3339 with offset) in the election's zone, Asia/Almaty. */
export function formatTime(lang: Lang, time: string): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  try {
    return new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Almaty',
    }).format(d);
  } catch {
    return time;
  }
}
