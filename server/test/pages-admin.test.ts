/**
 * Commission pages over real HTTP: the shells the page script drives. They are public
 * HTML with forms and no private data; each step's data comes from the JSON API with a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, DISTRICT, ELECTION_DAY, type Harness, registerTrustees } from '@saylau/test-kit';

let h: Harness;
let token: string;

beforeAll(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
  const r = await h.createElection(
    {
      id: 'adm-1',
      district: { kk: '<script>alert(1)</script>', ru: DISTRICT.ru, en: "O'Neil & <b>Co</b>" },
      electionDay: ELECTION_DAY,
    },
    token,
  );
  expect(r.status).toBe(201);
});

afterAll(() => h?.close());

const get = (path: string) => h.api('GET', path);

describe('commission pages', () => {
  it('/admin is a sign-in page with the strict CSP and its script from /assets', async () => {
    const r = await get('/admin?lang=ru');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    const m = /<script type="module" src="(\/assets\/admin\/[0-9a-f]{16}\.admin\.js)"><\/script>/.exec(
      r.text,
    );
    expect(m).not.toBeNull();
    expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(r.text).not.toMatch(/\sstyle=/);
    expect(r.text).toContain('id="signin"');
    // Without the script a form would submit itself: never by GET, which would put the password in the URL.
    expect(r.text).toMatch(/<form id="signin" method="post"/);
    expect(r.text).not.toMatch(/<form(?![^>]*method="post")/);
    expect(r.text).toContain('Вход');
    expect(r.text).toContain('href="/admin/elections/adm-1?lang=ru"');
    // The server does not know who reads the page: every election is rendered hidden, and the script
    // shows those the account holds (GET /api/session, SPEC §10.13); only an admin gets the creation form.
    expect(r.text).toMatch(
      /<li data-election="adm-1" hidden>\s*<a href="\/admin\/elections\/adm-1\?lang=ru"/,
    );
    expect(r.text).not.toMatch(/<li(?![^>]*\bhidden\b)[^>]*>\s*<a href="\/admin\/elections\//);
    expect(r.text).toMatch(/<section id="create-section" data-role="admin" hidden>/);
    const js = await get(m![1]!);
    expect(js.status).toBe(200);
    // The server's IIN check digit rule is bundled in (the second weight set, SPEC §10.3.2).
    expect(js.text).toContain('[3,4,5,6,7,8,9,10,11,1,2]');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('the election page has a form for each step open in its status, in the requested language', async () => {
    const kk = await get('/admin/elections/adm-1');
    expect(kk.text).toContain('<html lang="kk"');
    // Shown by the script: the steps to an account holding the election, the grants to an admin.
    expect(kk.text).toMatch(/<div id="steps" hidden>/);
    expect(kk.text).toMatch(/<section id="grants-section" hidden>[\s\S]*<form id="grant" method="post"/);
    expect(kk.text).toMatch(/<input id="grant-user"[^>]*required[^>]*maxlength="32"/);
    for (const id of [
      'roll-import',
      'akim',
      'nominate',
      'extend',
      'fix-ballot',
      'ceremony-start',
      'credentials-publish',
    ])
      expect(kk.text, id).toContain(`id="${id}"`);
    // An assembly's place is asked in each language, like every name on the ballot (SPEC §10.4.1).
    for (const l of ['kk', 'ru', 'en'])
      expect(kk.text).toMatch(new RegExp(`<input id="nom-place-${l}"[^>]*required`));
    // Not yet possible in "nominations": no open/close buttons, no login codes before a roll.
    for (const id of ['open-voting', 'close-voting', 'issue-codes', 'protocol-link'])
      expect(kk.text, id).not.toContain(`id="${id}"`);
    expect(kk.text).not.toMatch(/<form(?![^>]*method="post")/);
    expect((await get('/admin/elections/adm-1?lang=en')).text).toContain('Enter the nomination');
    expect((await get('/admin/elections/adm-1?lang=ru')).text).toContain('Внести выдвижение');
    expect((await get('/admin/elections/adm-1?lang=en')).text).toMatch(/Missing before voting can open/);
  });

  it('offers to start the ceremony again (with a reason) only while it is dealing, showing the round', async () => {
    expect((await get('/admin/elections/adm-1?lang=en')).text).not.toContain('id="ceremony-reset"');
    const r = await h.createElection({ id: 'adm-2', district: DISTRICT, electionDay: ELECTION_DAY }, token);
    expect(r.status).toBe(201);
    await registerTrustees(h, 'adm-2', 2);
    expect((await h.api('POST', '/api/elections/adm-2/ceremony/start', { t: 2 }, token)).status).toBe(201);
    const en = (await get('/admin/elections/adm-2?lang=en')).text;
    expect(en).toMatch(/<form id="ceremony-reset" method="post"/);
    expect(en).toMatch(/<input id="reset-reason"[^>]*required[^>]*maxlength="500"/);
    expect(en).toContain('Start the ceremony again');
    expect(en).toContain('Ceremony round: 0');
    expect((await get('/admin/elections/adm-2?lang=ru')).text).toContain('Начать церемонию заново');
    const reset = await h.api('POST', '/api/elections/adm-2/ceremony/reset', { reason: 'lost keys' }, token);
    expect(reset.status, reset.text).toBe(201);
    const again = (await get('/admin/elections/adm-2?lang=en')).text;
    expect(again).toContain('Ceremony round: 1');
    expect(again).not.toContain('id="ceremony-reset"');
    expect(again).toContain('id="ceremony-start"');
  });

  it('sends the script its strings in the page language inside an escaped attribute', async () => {
    const r = await get('/admin/elections/adm-1?lang=ru');
    const m = /data-strings="([^"]*)"/.exec(r.text);
    expect(m).not.toBeNull();
    const decoded = m![1]!
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    const strings = JSON.parse(decoded) as Record<string, string>;
    expect(strings['err.BAD_LOGIN']).toBe('Неверное имя пользователя или пароль.');
    expect(strings['iin.check-digit']).toMatch(/контрольная цифра/);
  });

  it('escapes the election names on both pages', async () => {
    for (const p of ['/admin?lang=kk', '/admin/elections/adm-1?lang=kk', '/admin/elections/adm-1?lang=en']) {
      const r = await get(p);
      expect(r.text, p).not.toContain('<script>alert');
      expect(r.text, p).not.toContain('<b>Co</b>');
    }
    expect((await get('/admin/elections/adm-1?lang=kk')).text).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('the trustee page loads its bundle (the trustee library and the crypto) from /assets', async () => {
    const r = await get('/trustee/elections/adm-1?lang=en');
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    const m = /<script type="module" src="(\/assets\/trustee\/[0-9a-f]{16}\.trustee\.js)"><\/script>/.exec(
      r.text,
    );
    expect(m).not.toBeNull();
    for (const id of ['t-register', 't-deal', 't-check', 't-answer', 't-share', 't-decrypt', 't-restore'])
      expect(r.text, id).toContain(`id="${id}"`);
    // The steps are shown by the script to a trustee holding the election only.
    expect(r.text).toMatch(/<div id="steps" hidden>[\s\S]*id="t-register"/);
    // The page says plainly that it trusts the server that serves it (SECURITY.md).
    expect(r.text).toContain('whoever runs the server could serve code that reads your key');
    const js = await get(m![1]!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.text).not.toMatch(/require\(|node:fs/);
    expect((await get('/assets/trustee/0000000000000000.trustee.js')).status).toBe(404);
  });

  it('an unknown or malformed election is an HTML 404', async () => {
    for (const p of ['/admin/elections/nope', '/admin/elections/%3Cx%3E', '/trustee/elections/nope']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
    }
  });
});
