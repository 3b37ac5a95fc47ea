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

export { almatyClock, formatDay, formatTime } from '@saylau/protocol/dates';
