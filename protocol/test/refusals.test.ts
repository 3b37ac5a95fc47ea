/**
 * Every refusal has its words (SPEC §10.15): a text in kk, ru and en for each code of `Code`, in
 * the glossary's words, and no untranslated word in the Kazakh and Russian ones.
 */
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '../src/catalog.ts';
import { Code, HTTP_ERRORS, LOCAL_ERRORS } from '../src/errors.ts';
import { glossaryProblems } from '../src/glossary.ts';
import { LANGS } from '../src/lang.ts';
import { REFUSALS, refusalText, showError } from '../src/refusals.ts';

/** Latin-script words a Kazakh or Russian text may hold: formats, standards and the threshold's letters. */
const LATIN_ALLOWED = new Set(['CSV', 'UTF-8', 'JSON', 'SHA-256', 'URL', 'QR', 't', 'n']);

/** The Latin-script words of a text: letters, then letters or digits, joined by hyphens. */
const latinWords = (text: string) => text.match(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g) ?? [];

describe('the refusal catalog', () => {
  const codes = Object.keys(Code);

  it('has a text for every code, in every language', () => {
    expect(codes.length).toBe(Object.keys(HTTP_ERRORS).length + Object.keys(LOCAL_ERRORS).length);
    for (const lang of LANGS)
      for (const code of codes) {
        const text = REFUSALS[lang][`err.${code}` as keyof (typeof REFUSALS)['en']];
        expect(typeof text === 'string' && text.trim().length > 0, `${lang}: ${code}`).toBe(true);
      }
  });

  it('has no text but for a code or a strict decoding failure', () => {
    expect(Object.keys(REFUSALS.en).sort()).toEqual([...codes.map((c) => `err.${c}`), 'err.CRYPTO'].sort());
  });

  it('has the shape of a catalog and speaks the glossary', () => {
    expect(catalogProblems(REFUSALS)).toEqual([]);
    expect(glossaryProblems(REFUSALS)).toEqual([]);
  });

  it('writes Kazakh and Russian without Latin-script words, but for a few formats and letters', () => {
    const found: string[] = [];
    for (const lang of ['kk', 'ru'] as const)
      for (const [key, text] of Object.entries(REFUSALS[lang]))
        for (const w of latinWords(text)) if (!LATIN_ALLOWED.has(w)) found.push(`${lang}: ${key}: ${w}`);
    expect(found).toEqual([]);
    expect(latinWords('Файл — CSV UTF-8, t-дан аз, retryAfter')).toEqual(['CSV', 'UTF-8', 't', 'retryAfter']);
  });

  it('needs no value from the details: no placeholder is left to fill', () => {
    for (const lang of LANGS)
      for (const [key, text] of Object.entries(REFUSALS[lang]))
        expect(text, `${lang}: ${key}`).not.toMatch(/\{\w+/);
  });

  it("gives a code its own text, a CRYPTO_ code the decoding one, and an unknown code 'other'", () => {
    expect(refusalText(REFUSALS.kk, Code.ELECTION_EXISTS)).toBe(REFUSALS.kk['err.ELECTION_EXISTS']);
    expect(refusalText(REFUSALS.ru, 'CRYPTO_BAD_HEX')).toBe(REFUSALS.ru['err.CRYPTO']);
    expect(refusalText(REFUSALS.en, 'NO_SUCH_CODE')).toBe(REFUSALS.en['err.OTHER']);
  });

  it('shows a refusal by its code, the code in small print, never the English message', () => {
    const refusal = Object.assign(new Error('election kokterek-2027 already exists'), {
      code: Code.ELECTION_EXISTS,
    });
    const shown = showError(REFUSALS.kk, refusal);
    expect(shown).toEqual({
      text: REFUSALS.kk['err.ELECTION_EXISTS'],
      small: 'ELECTION_EXISTS',
      code: 'ELECTION_EXISTS',
    });
    expect(JSON.stringify(shown)).not.toContain('already exists');
    expect(showError(REFUSALS.ru, Object.assign(new Error('bad hex'), { code: 'CRYPTO_BAD_HEX' })).text).toBe(
      REFUSALS.ru['err.CRYPTO'],
    );
  });

  it("shows the page's own words as they are, and an unexpected error as 'other' with its message small", () => {
    const page = { ...REFUSALS.ru, badFile: 'Файл не JSON.' };
    expect(showError(page, new Error('Файл не JSON.'))).toEqual({ text: 'Файл не JSON.' });
    expect(showError(page, new TypeError('x is undefined'))).toEqual({
      text: REFUSALS.ru['err.OTHER'],
      small: 'x is undefined',
    });
    expect(showError(page, null)).toEqual({ text: REFUSALS.ru['err.OTHER'], small: 'null' });
  });
});
