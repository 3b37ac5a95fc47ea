/** The catalog machinery every package's texts use: one shape, one formatter. */
import { describe, expect, it } from 'vitest';
import {
  catalogProblems,
  defineCatalog,
  fill,
  fillParts,
  resolvePlurals,
  translate,
  translator,
} from '../src/catalog.ts';
import { LANGS, LANG_NAMES } from '../src/lang.ts';

const CAT = defineCatalog(
  { hello: 'Hello, {name}!', count: '{n} of {total}', plain: 'Plain' },
  {
    kk: { hello: 'Сәлем, {name}!', count: '{total} ішінен {n}', plain: 'Қарапайым' },
    ru: { hello: 'Привет, {name}!', count: '{n} из {total}', plain: 'Просто' },
  },
);

describe('defineCatalog', () => {
  it('gives one object per language, English as given', () => {
    expect(Object.keys(CAT).sort()).toEqual([...LANGS].sort());
    expect(CAT.en.plain).toBe('Plain');
    expect(CAT.kk.plain).toBe('Қарапайым');
  });

  it('refuses, when compiling, a translation with a key missing or added', () => {
    defineCatalog(
      { a: 'A', b: 'B' },
      {
        // @ts-expect-error b is missing
        kk: { a: 'а' },
        ru: { a: 'а', b: 'б' },
      },
    );
    defineCatalog(
      { a: 'A' },
      {
        kk: { a: 'а' },
        // @ts-expect-error c is not an English key
        ru: { a: 'а', c: 'в' },
      },
    );
  });
});

describe('translate', () => {
  it('fills every placeholder, as often as it appears, with strings and numbers', () => {
    expect(translate(CAT, 'en', 'hello', { name: 'Aigerim' })).toBe('Hello, Aigerim!');
    expect(translate(CAT, 'kk', 'count', { n: 3, total: 10 })).toBe('10 ішінен 3');
    expect(fill('{a}{a}-{b}', { a: 1, b: 'x' })).toBe('11-x');
  });

  it('leaves a placeholder without a value as written, and ignores unused values', () => {
    expect(translate(CAT, 'ru', 'count', { n: 3 })).toBe('3 из {total}');
    expect(translate(CAT, 'ru', 'hello')).toBe('Привет, {name}!');
    expect(translate(CAT, 'en', 'plain', { name: 'unused' })).toBe('Plain');
    expect(fill('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('does not read placeholders inside the values it puts in', () => {
    expect(translate(CAT, 'en', 'hello', { name: '{name} <b>' })).toBe('Hello, {name} <b>!');
  });

  it('falls back to English, then to the key, for a key built at run time', () => {
    const partial = { ...CAT, kk: { plain: 'Қарапайым' } } as unknown as typeof CAT;
    expect(translate(partial, 'kk', 'hello', { name: 'A' })).toBe('Hello, A!');
    expect(translate(CAT, 'kk', 'err.NOPE' as 'plain')).toBe('err.NOPE');
    expect(translate(CAT, 'kk', 'constructor' as 'plain')).toBe('constructor');
  });

  it('binds a catalog with translator', () => {
    const t = translator(CAT);
    expect(t('ru', 'plain')).toBe('Просто');
  });

  it('cuts a text into parts so a page can put markup in a placeholder', () => {
    const link = { tag: 'a' };
    expect(fillParts('Open {url} now, {who}', { url: link })).toEqual(['Open ', link, ' now, {who}']);
    expect(fillParts('no placeholders', {})).toEqual(['no placeholders']);
  });
});

describe('catalogProblems', () => {
  it('finds nothing wrong with a complete catalog', () => {
    expect(catalogProblems(CAT)).toEqual([]);
  });

  it('names missing and extra keys, empty texts and differing placeholders, at run time', () => {
    const bad = {
      en: { a: 'A {x}', b: 'B' },
      kk: { a: 'а {y}', c: 'в' },
      ru: { a: 'а {x}', b: ' ' },
    };
    expect(catalogProblems(bad).sort()).toEqual(
      ['kk: b is missing', 'kk: c is not in en', 'kk: a has placeholders {y}', 'ru: b is empty'].sort(),
    );
  });

  it('checks a document printed in fewer languages against its first one', () => {
    expect(catalogProblems({ kk: { a: 'а' }, ru: { a: 'а', b: 'б' } })).toEqual(['ru: b is not in kk']);
  });
});

const VOTERS = defineCatalog(
  { list: 'List accepted: {n, plural, one {# voter} other {# voters}} of {total}' },
  {
    kk: { list: 'Тізім қабылданды: {total} ішінен {n, plural, one {# сайлаушы} other {# сайлаушы}}' },
    ru: {
      list: 'Список принят: {n, plural, one {# избиратель} few {# избирателя} many {# избирателей} other {# избирателя}} из {total}',
    },
  },
);

describe('plurals', () => {
  it('choose the Russian form by the number, as Intl.PluralRules does', () => {
    const ru = (n: number) => translate(VOTERS, 'ru', 'list', { n, total: 9 });
    expect(ru(1)).toBe('Список принят: 1 избиратель из 9');
    expect(ru(21)).toBe('Список принят: 21 избиратель из 9');
    expect(ru(3)).toBe('Список принят: 3 избирателя из 9');
    expect(ru(4)).toBe('Список принят: 4 избирателя из 9');
    expect(ru(5)).toBe('Список принят: 5 избирателей из 9');
    expect(ru(11)).toBe('Список принят: 11 избирателей из 9');
    expect(ru(12)).toBe('Список принят: 12 избирателей из 9');
    expect(ru(0)).toBe('Список принят: 0 избирателей из 9');
    expect(ru(1.5)).toBe('Список принят: 1.5 избирателя из 9');
  });

  it('choose the English and Kazakh forms', () => {
    expect(translate(VOTERS, 'en', 'list', { n: 1, total: 2 })).toBe('List accepted: 1 voter of 2');
    expect(translate(VOTERS, 'en', 'list', { n: 2, total: 2 })).toBe('List accepted: 2 voters of 2');
    expect(translate(VOTERS, 'kk', 'list', { n: 4, total: 4 })).toBe('Тізім қабылданды: 4 ішінен 4 сайлаушы');
  });

  it('leave a plural without a number as written', () => {
    const text = '{n, plural, one {# file} other {# files}}';
    expect(resolvePlurals(text, 'en', {})).toBe(text);
    expect(resolvePlurals(text, 'en', { n: 'three' })).toBe(text);
    expect(resolvePlurals('no plural {n}', 'en', { n: 1 })).toBe('no plural {n}');
  });

  it('count as placeholders: a translation must use the same numbers', () => {
    expect(catalogProblems(VOTERS)).toEqual([]);
    const bad = {
      en: { a: '{n, plural, one {# file} other {# files}}' },
      kk: { a: '{n} файл' },
      ru: { a: '{m, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}' },
    };
    expect(catalogProblems(bad).sort()).toEqual(['ru: a has placeholders {m}']);
  });

  it('must give every form the language uses', () => {
    const bad = {
      en: { a: '{n, plural, other {# files}}' },
      kk: { a: '{n, plural, one {# файл} other {# файл}}' },
      ru: { a: '{n, plural, one {# файл} other {# файлов}}' },
    };
    expect(catalogProblems(bad).sort()).toEqual([
      'en: a: {n} lacks the en form(s) one',
      'ru: a: {n} lacks the ru form(s) few, many',
    ]);
  });

  it('must be well formed', () => {
    const bad = { en: { a: '{n, plural, one {# file} other {# files}' }, kk: { a: '{n}' }, ru: { a: '{n}' } };
    expect(catalogProblems(bad)).toContain('en: a: a plural is malformed');
  });
});

describe('languages', () => {
  it('name each language in itself', () => {
    expect(LANGS.map((l) => LANG_NAMES[l])).toEqual(['Қазақша', 'Русский', 'English']);
  });
});
