/** The server's catalogs (pages, commission, result protocol): the same keys in kk, ru and en. */
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '@saylau/protocol/catalog';
import { REFUSALS } from '@saylau/protocol/refusals';
import { INDEX_STRINGS, OBSERVER_STRINGS } from '../src/pages/catalog.ts';
import { ADMIN_STRINGS, CLIENT_STRINGS, clientStrings } from '../src/pages/admin-catalog.ts';
import { PROTOCOL_STRINGS } from '../src/tally/catalog.ts';

describe('server catalogs', () => {
  const catalogs = { INDEX_STRINGS, OBSERVER_STRINGS, ADMIN_STRINGS, CLIENT_STRINGS, PROTOCOL_STRINGS };

  it('have every English key in kk and ru, none empty, with the same placeholders', () => {
    for (const [name, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog.en).length, name).toBeGreaterThan(10);
      expect(catalogProblems(catalog), name).toEqual([]);
    }
  });

  it("give the commission page's script its labels, its own strings and every refusal in one language", () => {
    const ru = clientStrings('ru');
    expect(ru.signIn).toBe(ADMIN_STRINGS.ru.signIn);
    expect(ru['err.NETWORK']).toBe(REFUSALS.ru['err.NETWORK']);
    expect(ru['err.ELECTION_EXISTS']).toBe(REFUSALS.ru['err.ELECTION_EXISTS']);
    expect(Object.keys(ru).length).toBe(
      new Set([
        ...Object.keys(ADMIN_STRINGS.ru),
        ...Object.keys(CLIENT_STRINGS.ru),
        ...Object.keys(REFUSALS.ru),
      ]).size,
    );
  });

  it('leave the refusal texts to protocol: no page catalog words a code itself', () => {
    for (const catalog of [ADMIN_STRINGS, CLIENT_STRINGS])
      expect(Object.keys(catalog.en).filter((k) => k.startsWith('err.'))).toEqual([]);
  });
});
