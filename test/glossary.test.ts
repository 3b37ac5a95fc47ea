/**
 * One name per thing: every catalog — booth, public, commission and credential authority pages, result protocol, letters,
 * verifier and its page, the refusals — speaks the glossary's words (protocol/src/glossary.ts), and every count
 * in them takes its plural form by the language's rules.
 */
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '@saylau/protocol/catalog';
import { GLOSSARY, glossaryProblems, term } from '@saylau/protocol/glossary';
import { REFUSALS } from '@saylau/protocol/refusals';
import { CATALOGS as BOOTH } from '../ballot-client/src/booth/catalog.ts';
import { INDEX_STRINGS, OBSERVER_STRINGS } from '../server/src/pages/catalog.ts';
import { ADMIN_STRINGS, CLIENT_STRINGS } from '../server/src/pages/admin-catalog.ts';
import { CA_STRINGS } from '../server/src/pages/credential-authority-catalog.ts';
import { PROTOCOL_STRINGS } from '../server/src/tally/catalog.ts';
import { AGAINST_ALL } from '../server/src/elections/store.ts';
import { LETTER_STRINGS } from '../tools/src/credentials/letters.ts';
import { CATALOGS as VERIFIER } from '../verifier/src/catalog.ts';
import { PAGE_CATALOGS } from '../verifier/src/page/catalog.ts';

const catalogs = {
  BOOTH,
  INDEX_STRINGS,
  OBSERVER_STRINGS,
  ADMIN_STRINGS,
  CLIENT_STRINGS,
  CA_STRINGS,
  PROTOCOL_STRINGS,
  REFUSALS,
  LETTER_STRINGS,
  VERIFIER,
  PAGE_CATALOGS,
};

describe('the glossary', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    it(`is what ${name} says`, () => {
      expect(glossaryProblems(catalog)).toEqual([]);
      expect(catalogProblems(catalog)).toEqual([]);
    });
  }

  it('writes Russian without a gender ending in brackets («Выдвинут(а)»): a noun takes the word instead', () => {
    for (const [name, catalog] of Object.entries(catalogs)) {
      const ru = (catalog as Partial<Record<string, Readonly<Record<string, string>>>>).ru ?? {};
      expect(
        Object.entries(ru).filter(([, text]) => /\p{L}\((а|ая|на|ла)\)/u.test(text)),
        name,
      ).toEqual([]);
    }
  });

  it('finds another spelling, inflected or capitalised, and names the word to use', () => {
    const bad = {
      kk: { a: 'Сайлаушы кодын теріңіз', b: 'Бәріне қарсы', c: 'Хэш', ok: 'Дауыс беру кодын теріңіз' },
      ru: { a: 'Введите код избирателя', b: 'учётные данные', ok: 'хеш доски' },
    };
    expect(glossaryProblems(bad)).toEqual([
      'kk: a: «сайлаушы код» (say «дауыс беру коды»)',
      'kk: b: «Бәріне қарсы» (say «Барлығына қарсымын»)',
      'kk: c: «хэш» (say «хеш»)',
      'ru: a: «код избирателя» (say «код для голосования»)',
      'ru: b: «учётные данн» (say «код для голосования»)',
    ]);
  });

  it('matches at the start of a word only', () => {
    expect(glossaryProblems({ en: { a: 'a safeguard', b: 'a Guardian' } })).toEqual([
      'en: b: «guardian» (say «trustee»)',
    ]);
    expect(glossaryProblems({ en: { a: 'subguardian' } })).toEqual([]);
  });

  it("names the ballot's last choice as the ballot itself does", () => {
    for (const lang of ['kk', 'ru', 'en'] as const) expect(AGAINST_ALL[lang]).toBe(term('againstAll', lang));
  });

  it('never avoids its own names', () => {
    for (const [key, t] of Object.entries(GLOSSARY))
      for (const [lang, name] of Object.entries(t.name))
        expect(glossaryProblems({ [lang]: { [key]: name } }), key).toEqual([]);
  });
});
