/**
 * Translation catalogs: every screen and report speaks the board's languages (SPEC §10). A catalog
 * is one object per language; English gives the key set and Kazakh and Russian are typed
 * `Record<keyof typeof en, string>`, so a missing or extra key is a compile error. `{name}` in a
 * text marks a value filled in at run time; `{name, plural, one {# файл} few {# файла} many {# файлов}
 * other {# файла}}` chooses the form for the number `name` by the language's plural rules
 * (`Intl.PluralRules`), `#` standing for the number.
 */
import { LANGS, type Lang } from './lang.ts';

/** The values of a text's `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** One text per key in each language `L` (all three unless a document is printed in fewer). */
export type Catalog<K extends string = string, L extends Lang = Lang> = {
  readonly [l in L]: Readonly<Record<K, string>>;
};

/** A catalog from its English texts and their Kazakh and Russian translations. */
export function defineCatalog<const E extends Record<string, string>>(
  en: E,
  translations: { kk: Record<keyof E, string>; ru: Record<keyof E, string> },
): Catalog<keyof E & string> {
  return { kk: translations.kk, ru: translations.ru, en };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * `text` cut at its placeholders, each replaced by its value (kept as it is, so a page can pass
 * markup); a placeholder without a value stays as written, `{name}`, for the reader to notice.
 */
export function fillParts<V>(text: string, params: Readonly<Record<string, V>>): (string | V)[] {
  const out: (string | V)[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!Object.hasOwn(params, name)) continue;
    out.push(text.slice(at, m.index), params[name]!);
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

/** `{name, plural, cat {text} …}`: the categories are CLDR's (zero, one, two, few, many, other). */
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_FORM = /(zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

const rules = new Map<string, Intl.PluralRules>();
const pluralRules = (lang: string): Intl.PluralRules => {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
};

/** The forms written in one plural's body, by category. */
const formsOf = (body: string) => new Map([...body.matchAll(PLURAL_FORM)].map((f) => [f[1]!, f[2]!]));

/** The forms of each plural in `text`: variable name and the categories written for it. */
function plurals(text: string): { name: string; forms: Map<string, string> }[] {
  return [...text.matchAll(PLURAL)].map((m) => ({ name: m[1]!, forms: formsOf(m[2]!) }));
}

/**
 * `text` with each plural replaced by the form its number takes in `lang` (`#` is the number); a
 * plural whose value is missing or not a number stays as written, for the reader to notice.
 */
export function resolvePlurals(
  text: string,
  lang: string,
  params: Readonly<Record<string, unknown>>,
): string {
  if (!text.includes(', plural,')) return text;
  return text.replace(PLURAL, (whole, name: string, body: string) => {
    const n = params[name];
    if (typeof n !== 'number') return whole;
    const forms = formsOf(body);
    const form = forms.get(pluralRules(lang).select(n)) ?? forms.get('other');
    return form === undefined ? whole : form.replaceAll('#', String(n));
  });
}

/** `text` in `lang` with its plurals chosen and its placeholders filled (what `translate` gives). */
export const formatText = (text: string, lang: string, params: Params): string =>
  fill(resolvePlurals(text, lang, params), params);

/** `text` with each `{name}` replaced by `params.name`; one without a value stays `{name}`. */
export function fill(text: string, params: Params = {}): string {
  return fillParts(text, params).map(String).join('');
}

/**
 * The text of `key` in `lang`, its placeholders filled. A key built at run time that the catalog
 * lacks falls back to English, then to the key itself.
 */
export function translate<K extends string, L extends Lang>(
  catalog: Catalog<K, L>,
  lang: L,
  key: K,
  params?: Params,
): string {
  const look = (texts: Readonly<Record<string, string>> | undefined) =>
    texts && Object.hasOwn(texts, key) ? texts[key] : undefined;
  const text = look(catalog[lang]) ?? look((catalog as Partial<Catalog>).en) ?? key;
  return params ? formatText(text, lang, params) : text;
}

/** A translator bound to one catalog: `t(lang, key, params?)`. */
export const translator =
  <K extends string, L extends Lang>(catalog: Catalog<K, L>) =>
  (lang: L, key: K, params?: Params): string =>
    translate(catalog, lang, key, params);

/** Every value a text takes: `{name}` and the numbers of its plurals, each name once. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(PLACEHOLDER), ...text.matchAll(PLURAL)].map((m) => m[1]!))].sort();

/** What is wrong with the plurals of a text in `lang`: a category the language uses left unwritten. */
function pluralProblems(text: string, lang: string): string[] {
  const needed = pluralRules(lang).resolvedOptions().pluralCategories;
  const out: string[] = [];
  const found = plurals(text);
  for (const { name, forms } of found) {
    const missing = needed.filter((c) => !forms.has(c));
    if (missing.length) out.push(`{${name}} lacks the ${lang} form(s) ${missing.join(', ')}`);
  }
  if (found.length !== text.split(', plural,').length - 1) out.push('a plural is malformed');
  return out;
}

/**
 * What is wrong with a catalog at run time: a key missing from or added to a language (against the
 * first language it has, English for a full catalog), an empty text, placeholders that differ
 * from the reference text's, or a plural without every form its language's rules use. Empty when all is well; the tests of each package call it.
 */
export function catalogProblems(catalog: Partial<Catalog<string>>): string[] {
  const langs = LANGS.filter((l) => catalog[l] !== undefined);
  const refLang = langs.includes('en') ? 'en' : langs[0];
  if (refLang === undefined) return ['no language'];
  const ref = catalog[refLang]!;
  const problems: string[] = [];
  for (const l of langs) {
    const texts = catalog[l]!;
    for (const k of Object.keys(ref)) if (!Object.hasOwn(texts, k)) problems.push(`${l}: ${k} is missing`);
    for (const [k, text] of Object.entries(texts)) {
      if (!Object.hasOwn(ref, k)) problems.push(`${l}: ${k} is not in ${refLang}`);
      else if (typeof text !== 'string' || text.trim() === '') problems.push(`${l}: ${k} is empty`);
      else if (placeholders(text).join() !== placeholders(ref[k]!).join())
        problems.push(`${l}: ${k} has placeholders {${placeholders(text).join('}, {')}}`);
      else for (const p of pluralProblems(text, l)) problems.push(`${l}: ${k}: ${p}`);
    }
  }
  return problems;
}
