/**
 * The credential authority's page as the server renders it (SPEC §10.15): its controls hidden until
 * the script has checked the account, the warning that its script comes from the server
 * (SECURITY.md), its script served immutable under its hash, a 404 for an unknown election, and the
 * link from the commission page. Its behaviour in a browser: test/browser/ca-page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, ELECTION_DAY, startHarness, type Harness } from '@saylau/test-kit';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const r = await h.createElection({ id: 'cap-1', district: DISTRICT, electionDay: ELECTION_DAY });
  expect(r.status, r.text).toBe(201);
});
afterAll(async () => {
  await h.close();
});
const get = (path: string) => h.api('GET', path);

describe('the credential authority page', () => {
  it('renders its steps hidden, the trust warning, and a script served under its hash', async () => {
    const r = await get('/credentials/elections/cap-1?lang=en');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(
      /<div id="steps" hidden>[\s\S]*id="ca-load"[\s\S]*id="ca-make"[\s\S]*id="ca-publish"/,
    );
    expect(r.text).toContain(
      'whoever runs the server could serve code that sends the voting codes elsewhere',
    );
    expect(r.text).toContain('<code translate="no">saylau credentials generate</code>');
    const src = /<script type="module" src="(\/assets\/credentials\/[0-9a-f]{16}\.credentials\.js)"/.exec(
      r.text,
    );
    expect(src).not.toBeNull();
    const js = await get(src![1]!);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.text).not.toMatch(/require\(|node:fs/);
    expect((await get('/assets/credentials/0000000000000000.credentials.js')).status).toBe(404);
  });

  it('speaks Kazakh by default, and an unknown election is an HTML 404', async () => {
    expect((await get('/credentials/elections/cap-1')).text).toContain('Кодтар уәкілінің беті');
    for (const p of ['/credentials/elections/nope', '/credentials/elections/%3Cx%3E']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get('content-type'), p).toMatch(/html/);
    }
  });

  it('is linked from the commission page', async () => {
    const r = await get('/admin/elections/cap-1?lang=ru');
    expect(r.text).toContain('href="/credentials/elections/cap-1?lang=ru"');
  });
});
