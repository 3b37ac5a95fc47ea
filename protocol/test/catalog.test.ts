/** The catalog machinery every package's texts use: one shape, one formatter. */
import { describe, expect, it } from 'vitest';
import { catalogProblems, defineCatalog, fill, fillParts, translate, translator } from '../src/catalog.ts';
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

describe('languages', () => {
  it('name each language in itself', () => {
    expect(LANGS.map((l) => LANG_NAMES[l])).toEqual(['Қазақша', 'Русский', 'English']);
  });
});
