/** The invitation letters' catalog: in kk and ru, the languages they are printed in (SPEC §10.7). */
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '@saylau/protocol/catalog';
import { LETTER_STRINGS } from '../src/credentials/letters.ts';

describe('letter catalog', () => {
  it('has every Kazakh key of the letters in Russian, and no English side', () => {
    expect(Object.keys(LETTER_STRINGS).sort()).toEqual(['kk', 'ru']);
    expect(Object.keys(LETTER_STRINGS.kk).length).toBeGreaterThan(10);
    expect(catalogProblems(LETTER_STRINGS)).toEqual([]);
  });
});
