/** The booth's catalogs: every key in kk, ru and en, and every key the code names exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '@saylau/protocol/catalog';
import { CATALOGS } from '../src/booth/catalog.ts';
import { formatDay, formatTime } from '../src/booth/i18n.ts';

const SRC = join(import.meta.dirname, '..', 'src', 'booth');

describe('booth catalogs', () => {
  const keys = Object.keys(CATALOGS.en).sort();

  it('have the same keys in kk, ru and en, none empty, with the same {placeholders}', () => {
    expect(keys.length).toBeGreaterThan(100);
    expect(catalogProblems(CATALOGS)).toEqual([]);
  });

  it('are translations, not copies of the English text', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const same = keys.filter((k) => CATALOGS[lang][k as 'app.title'] === CATALOGS.en[k as 'app.title']);
      expect(same.length / keys.length, `${lang}: ${same.join(', ')}`).toBeLessThan(0.05);
      // Kazakh has its own letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і); a Russian copy would have none.
      if (lang === 'kk') expect(Object.values(CATALOGS.kk).join('')).toMatch(/[әғқңөұүһі]/);
    }
  });

  it('hold every key that the booth code names literally', () => {
    const used = new Set<string>();
    // The step views live in views/: every file below the booth's folder.
    for (const f of readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (n) => n.endsWith('.ts') && n !== 'catalog.ts',
    )) {
      const code = readFileSync(join(SRC, f), 'utf8');
      for (const m of code.matchAll(
        /'((?:app|date|lang|nav|footer|step|common|closed|signin|cred|ballot|review|enc|cast|audit|net|receipt|err|check|find)\.[A-Za-z.-]+)'/g,
      ))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('write dates and times in each language, in the zone of the election (UTC+05:00)', () => {
    expect(formatDay('kk', '2027-03-14')).toBe('2027 жылғы 14 наурыз');
    expect(formatDay('ru', '2027-03-04')).toBe('4 марта 2027 года');
    expect(formatDay('en', '2027-12-31')).toBe('31 December 2027');
    expect(formatTime('en', '2027-03-14T20:00:00+05:00')).toBe('14 March 2027, 20:00');
    expect(formatTime('ru', '2027-03-14T21:30:00Z')).toBe('15 марта 2027 года, 02:30');
    expect(formatDay('en', 'not a day')).toBe('not a day');
  });
});
