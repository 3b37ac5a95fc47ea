/** The verifier's kk/ru/en catalogs: every key in every language, with the same parameters. */
import { describe, expect, it } from 'vitest';
import { LANGS } from '@saylau/protocol/lang';
import { catalogProblems } from '@saylau/protocol/catalog';
import { CATALOGS, message } from '../src/catalog.ts';
import { CHECK_IDS, titleKey } from '../src/report.ts';

describe('verifier catalogs', () => {
  it('have every key in kk, ru and en, non-empty, with the same placeholders', () => {
    expect(Object.keys(CATALOGS.en).length).toBeGreaterThan(200);
    expect(catalogProblems(CATALOGS)).toEqual([]);
  });

  it('title every numbered check', () => {
    for (const id of CHECK_IDS)
      for (const lang of LANGS) expect(message(lang, titleKey(id))).not.toMatch(/^check\./);
  });

  it('are really translated: Kazakh and Russian titles differ from English', () => {
    const same = CHECK_IDS.filter((id) => message('kk', titleKey(id)) === message('en', titleKey(id)));
    expect(same).toEqual([]);
    expect(message('kk', 'check.7.4')).toMatch(/[әғқңөұүһі]/);
  });

  it('fill parameters and leave unknown ones visible', () => {
    expect(message('en', 'seqGap', { line: 3, seq: 5, expected: 2 })).toBe('line 3: seq 5, expected 2');
    expect(message('ru', 'seqGap', { line: 3 })).toContain('{seq}');
  });
});
