/**
 * Issue #7 in real Chromium: an administrator creates an election and grants it (SPEC §10.13), a
 * commission member runs it from there to the result protocol through the commission pages, and an
 * observer follows on the public pages; the result shown equals the verifier's. Three trustees do
 * the key ceremony and the decryption on the trustee page (the crypto in their browsers); the voters
 * cast with the booth's library. Each account sees only the elections it holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { verifyBoard } from '@saylau/verifier';
import { castEncrypted, login, prepareBallot } from '@saylau/ballot-client';
import { parse as parseCsv } from 'csv-parse/sync';
import { localTime, makeIin, rollCsv, syntheticVoters, csvValue } from '@saylau/server';
import {
  as,
  castAll,
  codesByIin,
  createActors,
  DEMO_USERS,
  type Actors,
  call,
  generateCredentialFiles,
  fetchLetterManifest,
  fetchCredentialVoters,
} from '@saylau/tools';
import { ENDPOINTS } from '@saylau/protocol';
import { REFUSALS, type RefusalKey } from '@saylau/protocol/refusals';
import { LANGS } from '@saylau/protocol/lang';
import { CLIENT_STRINGS } from '../../server/src/pages/admin-catalog.ts';
import { startHarness, type Harness } from '@saylau/test-kit';
import { axeSeriousViolations, launchChromium, screenshot } from './chromium.ts';

const SUITE = 'pages-election';
const DAY = '2027-03-14';
const ID = 'web-1';
/** An election of another district, granted to nobody here. */
const OTHER = 'web-other';
const TRUSTEES = ['demo-trustee-1', 'demo-trustee-2', 'demo-trustee-3'];

let h: Harness;
let actors: Actors;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-pages-browser-'));
  h = await startHarness(new Date(localTime(DAY, 40, '09:00')));
  actors = await createActors(h.server.ctx, h.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Move the virtual clock. Sessions last 8 hours of it, so the pages sign in again after a move;
 * sign-ins are few because the server limits them to 30 a minute per address.
 */
function setTime(t: string) {
  h.now.value = new Date(t);
}

async function signInOnPage(page: Page, user: string, lang = 'ru') {
  await page.goto(`${h.url}/admin?lang=${lang}`);
  if (await page.locator('#signout').isVisible()) {
    await page.click('#signout');
    await page.waitForSelector('#signin-name');
  }
  await page.fill('#signin-name', user);
  await page.fill('#signin-password', actors.passwords.get(user)!);
  await page.click('#signin button[type="submit"]');
  await page.waitForSelector('#whoami');
  await expect.poll(() => page.textContent('#whoami')).toContain(user);
  // The account's role in the page's language, never its code.
  const role = /\((.+)\)$/.exec((await page.textContent('#whoami'))!)![1]!;
  if (lang !== 'en') expect(role).not.toMatch(/[a-z]/i);
}

/** Press a trustee step's button and wait for its outcome. */
async function trusteeStep(page: Page, id: string): Promise<string> {
  await page.click(`#${id}`);
  await expect.poll(() => page.isEnabled(`#${id}`), { timeout: 30_000 }).toBe(true);
  return (await page.textContent('#notice')) ?? '';
}

const electionPage = (page: Page) => page.goto(`${h.url}/admin/elections/${ID}?lang=ru`);

/** A 360 px phone's browser context, the narrowest screen the pages are made for (SPEC §10.15). */
const phoneContext = () =>
  browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });

/**
 * The observer's overview and live board on a 360 px phone, in Kazakh and Russian, as they stand at
 * `state` (SPEC §10.15): screenshot() refuses a page wider than the phone or a Latin-script word.
 */
async function observerOnPhone(state: string): Promise<void> {
  const ctx = await phoneContext();
  const phone = await ctx.newPage();
  try {
    for (const lang of ['kk', 'ru'] as const) {
      await phone.goto(`${h.url}/elections/${ID}?lang=${lang}`);
      await screenshot(phone, SUITE, `observer-${state}-${lang}-360`);
      await phone.goto(`${h.url}/elections/${ID}/live?lang=${lang}`);
      await phone.waitForSelector('#live-board tbody tr');
      await screenshot(phone, SUITE, `live-${state}-${lang}-360`);
    }
  } finally {
    await ctx.close();
  }
}

/** The notice once the action is over: not empty, and not the "working…" text of any language. */
async function notice(page: Page): Promise<string> {
  const busy = new Set(LANGS.map((l) => CLIENT_STRINGS[l].working));
  await expect
    .poll(async () => {
      const t = ((await page.textContent('#notice')) ?? '').trim();
      return busy.has(t) ? '' : t;
    })
    .not.toBe('');
  return (await page.textContent('#notice')) ?? '';
}

/**
 * The refusal in the notice (SPEC §10.15): its text in the page's language, its code in small
 * print, and not the server's English words.
 */
async function refusal(page: Page, code: string, lang: 'kk' | 'ru', english: string): Promise<void> {
  const text = await notice(page);
  expect(text).toContain(REFUSALS[lang][`err.${code}` as RefusalKey]);
  expect(text).not.toContain(english);
  expect(await page.getAttribute('#notice .refusal', 'data-code')).toBe(code);
  expect(await page.textContent('#notice .refusal small.code')).toMatch(new RegExp(`^${code}( |$)`));
}

/**
 * The commission's election page and the observer's overview on a 360 px phone in Kazakh, at one
 * point of the election (`status`): the overview marks `current` as the step now, its card is open
 * and every other card folded; screenshot() checks the width and the Latin-script words.
 */
async function photographStatus(commission: Page, phone: Page, status: string, current: string) {
  // The phone shares the commission member's sign-in (the session cookie), not a sign-in of its own.
  await phone.context().clearCookies();
  await phone.context().addCookies(await commission.context().cookies());
  await phone.goto(`${h.url}/admin/elections/${ID}?lang=kk`);
  await phone.waitForSelector('#steps', { state: 'visible' });
  await phone.waitForLoadState('networkidle');
  expect(await phone.getAttribute('#progress [aria-current="step"]', 'data-step'), status).toBe(current);
  expect(await phone.getAttribute(`#progress li[data-step="${current}"]`, 'data-state')).toBe('current');
  const cards = await phone.$$eval('#steps details.step', (ds) =>
    ds.map((d) => [d.id, d.hasAttribute('open'), d.getAttribute('data-state')] as const),
  );
  const href = await phone.getAttribute(`#progress li[data-step="${current}"] a`, 'href');
  expect(cards.filter(([, open]) => open).map(([id]) => `#${id}`)).toContain(href);
  for (const [id, open, state] of cards) expect(open, `${status}: ${id}`).toBe(state === 'current');
  await screenshot(phone, SUITE, `phone-kk-status-${status}`);
  await phone.goto(`${h.url}/elections/${ID}?lang=kk`);
  expect(await phone.getAttribute('#progress [aria-current="step"]', 'data-step'), status).toBe(current);
  await screenshot(phone, SUITE, `phone-kk-observer-status-${status}`);
}

describe('the commission runs an election through the pages; observers follow', () => {
  it('from creation to the result protocol, with the verifier agreeing', { timeout: 180_000 }, async () => {
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Refusals the test provokes (401, 403, 422) and the 404 of "no roll yet" are logged by Chromium.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    // The same pages on a phone in Kazakh at every point of the election (photographStatus).
    const phone = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    phone.on('pageerror', (e) => errors.push(e.message));
    const atStatus = (status: string, current: string) => photographStatus(page, phone, status, current);

    // Sign in; a wrong password is explained in Russian.
    await page.goto(`${h.url}/admin?lang=ru`);
    await page.fill('#signin-name', 'demo-commission');
    await page.fill('#signin-password', 'wrong password');
    await page.click('#signin button[type="submit"]');
    expect(await notice(page)).toContain('Неверное имя пользователя или пароль');
    await refusal(page, 'BAD_LOGIN', 'ru', 'wrong user name');
    await signInOnPage(page, 'demo-admin');
    // A new tab of the same browser is signed in too; signing out there signs out every tab.
    const tab = await page.context().newPage();
    await tab.goto(`${h.url}/admin?lang=ru`);
    await expect.poll(() => tab.textContent('#whoami')).toContain('demo-admin');
    await tab.close();

    // The administrator creates the election; the form checks fields as they are typed.
    await page.fill('#create-id', 'bad id!');
    await expect.poll(() => page.textContent('#create-id-error')).toContain('Латинские буквы');
    await page.fill('#create-id', ID);
    await expect.poll(() => page.textContent('#create-id-error')).toBe('');
    await page.fill('#create-district-kk', 'Ақсу ауылдық округі');
    await page.fill('#create-district-ru', 'Аксуский сельский округ');
    await page.fill('#create-district-en', 'Aksu rural district');
    // An election day in the past is refused by the server, and explained in Russian (SPEC §10.1).
    await page.fill('#create-day', '2020-01-01');
    await page.click('#create button[type="submit"]');
    await expect.poll(() => page.textContent('#notice')).toMatch(/^Эта дата уже прошла.* CALENDAR_PASSED/);
    expect(await page.textContent('#notice small.code')).toMatch(/^CALENDAR_PASSED/);
    await page.fill('#create-day', DAY);
    await screenshot(page, SUITE, '01-create');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.click('#create button[type="submit"]');
    await page.waitForURL(`**/admin/elections/${ID}?lang=ru`);
    expect(await page.textContent('#status')).toContain('выдвижение');

    // The same identifier again is refused in Kazakh, the code in small print: no English words.
    await page.goto(`${h.url}/admin?lang=kk`);
    await page.fill('#create-id', ID);
    await page.fill('#create-district-kk', 'Ақсу ауылдық округі');
    await page.fill('#create-district-ru', 'Аксуский сельский округ');
    await page.fill('#create-district-en', 'Aksu rural district');
    await page.fill('#create-day', DAY);
    await page.click('#create button[type="submit"]');
    await refusal(page, 'ELECTION_EXISTS', 'kk', 'already exists');
    expect(await notice(page)).toContain('Осы идентификатормен сайлау бұрыннан құрылған');
    await electionPage(page);

    // ...and grants it to the commission, the credential authority and the trustees; the
    // administrator runs none of its steps.
    await page.waitForSelector('#grants table');
    expect(await page.isVisible('#steps')).toBe(false);
    await page.fill('#grant-user', 'Chair');
    await expect.poll(() => page.textContent('#grant-user-error')).toContain('строчные');
    for (const [user, role] of DEMO_USERS) {
      if (role === 'admin') continue;
      await page.fill('#grant-user', user);
      await page.click('#grant button[type="submit"]');
      await page.waitForSelector(`#grants tr[data-user="${user}"]`);
    }
    await page.fill('#grant-user', 'demo-admin');
    await page.click('#grant button[type="submit"]');
    expect(await notice(page)).toContain('Администратору и наблюдателю выборы не предоставляются');
    await refusal(page, 'NOT_GRANTABLE', 'ru', 'is not granted elections');
    await screenshot(page, SUITE, '01b-grants');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await call(as(actors, 'demo-admin'), ENDPOINTS.createElection, {
      body: {
        id: OTHER,
        district: { kk: 'Басқа округ', ru: 'Другой округ', en: 'Another district' },
        electionDay: DAY,
      },
    });

    // The commission sees only the election it holds.
    await signInOnPage(page, 'demo-commission');
    await page.waitForSelector(`#election-list li[data-election="${ID}"]`, { state: 'visible' });
    expect(await page.isVisible(`#election-list li[data-election="${OTHER}"]`)).toBe(false);
    expect(await page.isVisible('#create-section')).toBe(false);
    await page.click(`#election-list li[data-election="${ID}"] a[href^="/admin/"]`);
    await page.waitForURL(`**/admin/elections/${ID}?lang=ru`);
    await atStatus('created', 'roll');

    // The roll, with one bad row reported in a table before acceptance.
    const voters = syntheticVoters(14, DAY, 21);
    const csv = rollCsv(voters) + '12345678901;Бадов;Бад;;Аксу;ул. 1\r\n';
    await page.setInputFiles('#roll-file', {
      name: 'roll.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.click('#roll-import button[type="submit"]');
    await page.waitForSelector('#roll-report table');
    expect(await page.textContent('#roll-summary')).toBe('14 годных строк, отклонено: 1');
    // The reason and its explanation in the page's language: 11 digits, a dropped leading zero.
    const rollTable = (await page.textContent('#roll-report table'))!;
    expect(rollTable).toContain('ИИН');
    expect(rollTable).toContain('Формат ИИН');
    expect(rollTable).toContain('В ИИН 11 цифр: вероятно, Excel убрал ведущий ноль.');
    expect(rollTable).not.toMatch(/\bformat\b|\bIIN\b|leading zero/);
    await screenshot(page, SUITE, '02-roll-report');
    await page.click('#roll-rejected-csv');
    const [rejected] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#roll-rejected-download'),
    ]);
    expect(readFileSync((await rejected.path())!, 'utf8')).toContain('"12345678901"');
    await page.click('#roll-accept');
    await page.waitForSelector('#roll-accepted');
    expect(await page.textContent('#roll-accepted')).toBe('Список принят: 14 избирателей');
    await atStatus('roll', 'nominations');

    // The sitting akim.
    await page.fill('#akim-iin', makeIin('1968-03-03', 'male', 7001));
    await page.fill('#akim-name', 'Әкім Әкімов');
    await page.click('#akim button[type="submit"]');
    expect(await notice(page)).toContain('Выполнено');

    // Three nominations; an IIN typo is caught while typing.
    const nominees = [
      {
        route: 'self',
        surname: ['Иванова', 'Иванова', 'Ivanova'],
        given: ['Светлана', 'Светлана', 'Svetlana'],
        iin: makeIin('1990-06-21', 'female', 8101),
      },
      {
        route: 'party',
        surname: ['Қуанышев', 'Куанышев', 'Kuanyshev'],
        given: ['Мұрат', 'Мурат', 'Murat'],
        iin: makeIin('1971-01-05', 'male', 8201),
      },
      {
        route: 'self',
        surname: ['Төлеуов', 'Тулеуов', 'Tuleuov'],
        given: ['Арман', 'Арман', 'Arman'],
        iin: makeIin('1988-02-14', 'male', 8301),
      },
    ];
    for (const [i, n] of nominees.entries()) {
      await page.selectOption('#nom-route', n.route);
      if (n.route === 'party') {
        await page.fill('#nom-org-kk', '«Ақ жол» партиясы');
        await page.fill('#nom-org-ru', 'Партия «Ак жол»');
        await page.fill('#nom-org-en', 'Ak Zhol party');
      }
      if (i === 0) {
        await page.fill('#nom-iin', n.iin.slice(0, 11) + String((Number(n.iin[11]) + 1) % 10));
        await expect.poll(() => page.textContent('#nom-iin-error')).toContain('контрольная цифра');
        await screenshot(page, SUITE, '03-iin-typo');
      }
      await page.fill('#nom-iin', n.iin);
      for (const [j, l] of ['kk', 'ru', 'en'].entries()) {
        await page.fill(`#nom-surname-${l}`, n.surname[j]!);
        await page.fill(`#nom-given-${l}`, n.given[j]!);
      }
      for (const c of ['citizen', 'capacity', 'conviction']) await page.check(`#nom-${c}`);
      const submitter = n.route === 'self' ? n.iin : makeIin('1975-05-05', 'male', 8500 + i * 11);
      await page.fill('#nom-sub-iin', submitter);
      await page.fill('#nom-sub-name', `${n.surname[1]} ${n.given[1]}`);
      await page.selectOption('#nom-position', n.route === 'self' ? 'candidate' : 'party-representative');
      await page.click('#nominate button[type="submit"]');
      await page.waitForSelector(`#nominations tr:nth-child(${i + 1})`);
    }
    // 14 voters: threshold ceil(0.14) = 1. Two signers each for the first two; the third gets a bad list.
    const rows = await page.$$eval('#nominations tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-nomination')),
    );
    const [n1, n2, n3] = rows as [string, string, string];
    // The page numbers them 1, 2, 3 in this election, whatever the server's own numbers are.
    expect(
      await page.$$eval('#nominations tbody tr td.num', (tds) => tds.map((td) => td.textContent)),
    ).toEqual(['1', '2', '3']);
    const sign = async (n: string, iins: string[]) => {
      await page.fill(`#sig-${n}`, iins.join('\n'));
      await page.click(`#check-${n}`);
      await page.waitForSelector(`#sig-report-${n} p`);
    };
    await sign(n1, [voters[0]!.iin, voters[1]!.iin]);
    await sign(n2, [voters[2]!.iin, voters[3]!.iin]);
    await sign(n3, [voters[0]!.iin, '000000000000']);
    expect(await page.textContent(`#sig-report-${n3}`)).toMatch(/подписал за другого/);
    await screenshot(page, SUITE, '04-nominations');
    await atStatus('nominations', 'nominations');
    await observerOnPhone('nominations');
    await page.click(`#register-${n3}`);
    expect(await notice(page)).toContain('Недостаточно подписей');
    await refusal(page, 'BELOW_THRESHOLD', 'ru', 'valid signatures');
    await page.fill(`#refuse-reason-${n3}`, 'подписей меньше порога');
    await page.click(`#refuse-${n3}`);
    await page.waitForSelector(`tr[data-nomination="${n3}"] #check-${n3}`, { state: 'detached' });
    for (const n of [n1, n2]) {
      await page.click(`#register-${n}`);
      await page.waitForSelector(`#check-${n}`, { state: 'detached' });
    }

    // Registration closes: fix the ballot.
    const e = (await h.api('GET', `/api/elections/${ID}`)).body;
    setTime(e.calendar.registrationCloses);
    await signInOnPage(page, 'demo-commission');
    await electionPage(page);
    await atStatus('registration', 'nominations');
    await page.click('#fix-ballot');
    await page.waitForSelector('#ceremony-start');
    expect(await page.textContent('#status')).toContain('утверждён');

    // Key ceremony on the trustee page: each trustee in their own browser; the commission starts and finishes.
    const trustees: Page[] = [];
    for (const [i, n] of TRUSTEES.entries()) {
      const p = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
      p.on('pageerror', (err) => errors.push(err.message));
      await signInOnPage(p, n, 'kk');
      if (i === 0) {
        // Another district's ceremony is not this trustee's: no steps, a plain refusal.
        await p.goto(`${h.url}/trustee/elections/${OTHER}?lang=kk`);
        expect(await notice(p)).toContain('Сіздің тіркелгіңізге бұл сайлау берілмеген');
        await refusal(p, 'NOT_GRANTED', 'kk', 'grant');
        expect(await p.isVisible('#t-register')).toBe(false);
      }
      await p.goto(`${h.url}/trustee/elections/${ID}?lang=kk`);
      if (i === 0) {
        expect(await trusteeStep(p, 't-deal')).toContain('Алдымен тіркеліңіз');
      }
      expect(await trusteeStep(p, 't-register')).toContain(`#${i + 1}`);
      // The keys table names the ceremony round (0: no reset) and the trustee's index.
      expect(await p.locator('#trustee-state').innerText()).toMatch(
        new RegExp(`Рәсім кезеңі\\s+0[\\s\\S]*${i + 1}`),
      );
      trustees.push(p);
    }
    await screenshot(trustees[0]!, SUITE, '05a-trustee-registered');
    await electionPage(page);
    await page.fill('#ceremony-t', '4');
    await expect.poll(() => page.textContent('#ceremony-t-error')).toContain('диапазона');
    await page.fill('#ceremony-t', '2');
    await page.click('#ceremony-start button[type="submit"]');
    await page.waitForSelector('#ceremony-finish');
    for (const p of trustees) expect(await trusteeStep(p, 't-deal')).toContain('Орындалды');
    for (const p of trustees) expect(await trusteeStep(p, 't-check')).toMatch(/Орындалды.*: 0/);
    await electionPage(page);
    await page.waitForSelector('#ceremony-state table');
    expect(await page.textContent('#ceremony-state')).toContain('да');
    await screenshot(page, SUITE, '05-ceremony');
    await atStatus('ceremony', 'ceremony');
    await page.click('#ceremony-finish');
    await page.waitForSelector('#ceremony-section[data-phase="finished"]');
    for (const p of trustees) expect(await trusteeStep(p, 't-share')).toContain('Орындалды');
    await screenshot(trustees[1]!, SUITE, '05b-trustee-share');
    expect(await axeSeriousViolations(trustees[1]!)).toEqual([]);
    await atStatus('joint-key', 'credentials');

    // Credentials: made offline, the public list published through the page by the credential authority.
    // The authority's own session on this clock, to fetch the voters its letters are for (§10.7).
    const authority = await h.api('POST', '/api/session', {
      name: 'demo-credentials',
      password: actors.passwords.get('demo-credentials'),
    });
    actors.tokens.set('demo-credentials', authority.body.token as string);
    const manifest = await fetchLetterManifest(as(actors, 'demo-credentials'), ID);
    const gen = await generateCredentialFiles({
      election: ID,
      voters: await fetchCredentialVoters(as(actors, 'demo-credentials'), ID),
      outDir: join(dir, 'creds'),
      manifest,
    });
    const byRef = new Map(
      (
        parseCsv(readFileSync(gen.files.codes, 'utf8'), {
          delimiter: ';',
          bom: true,
          from_line: 2,
        }) as string[][]
      ).map((r) => [csvValue(r[1]!), r[7]!]),
    );
    const codes = codesByIin(
      actors,
      ID,
      byRef,
      voters.map((v) => v.iin),
    );
    await electionPage(page);
    await page.setInputFiles('#credentials-file', gen.files.publicList);
    await page.setInputFiles('#credentials-owners', gen.files.owners);
    await page.click('#credentials-publish button[type="submit"]');
    expect(await notice(page)).toContain('Вашей роли это действие не разрешено');
    await refusal(page, 'FORBIDDEN', 'ru', 'needs the role');
    await signInOnPage(page, 'demo-credentials');
    await electionPage(page);
    await page.setInputFiles('#credentials-file', gen.files.publicList);
    await page.setInputFiles('#credentials-owners', gen.files.owners);
    await page.click('#credentials-publish button[type="submit"]');
    await expect.poll(() => page.textContent('#credentials-state')).toContain('14');
    await atStatus('credentials', 'loginCodes');

    // Login codes, downloaded as CSV from the page.
    await signInOnPage(page, 'demo-commission');
    await electionPage(page);
    await page.click('#issue-codes');
    await page.waitForSelector('#codes-download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#codes-download')]);
    const codesCsv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const logins = new Map(
      codesCsv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')))
        .map((c) => [c[0]!, c[6]!]),
    );
    expect(logins.size).toBe(14);
    await atStatus('login-codes', 'open');

    // An observer opens the live board before voting starts.
    const observer = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await observer.goto(`${h.url}/elections/${ID}/live?lang=kk`);
    await observer.waitForSelector('#live-board tbody tr[data-type="credentials"]');
    // Entry types are named in the page's language, not by their codes.
    expect(
      await observer
        .locator('#live-board tbody tr[data-type="credentials"] td:nth-child(2)')
        .first()
        .textContent(),
    ).toBe('Дауыс беру кодтары жарияланды');
    await observerOnPhone('before-voting');

    // Voting day: open through the page; voters cast with the booth's library.
    setTime(localTime(DAY, 0, '07:00'));
    await signInOnPage(page, 'demo-commission');
    await electionPage(page);
    await page.click('#open-voting');
    await page.waitForSelector('#close-voting');
    await atStatus('open', 'closed');
    h.now.value = new Date(localTime(DAY, 0, '09:05'));
    const roll = voters.map((v) => ({ ...v, loginCode: logins.get(v.iin)!, credential: codes.get(v.iin)! }));
    await castAll(actors, ID, roll.slice(0, 9), { seed: 3, revoteShare: 0.2, concurrency: 2 });
    await observer.waitForSelector('#live-board tbody tr[data-type="ballot"]', { timeout: 15_000 });
    // One more voter by hand, to hold the receipt: the live board shows the ballot by its tracker.
    const own = roll[12]!;
    const params = (await h.api('GET', `/api/elections/${ID}`)).body.params;
    const { token } = await login(h.url, ID, own.iin, own.loginCode);
    const {
      signed: { receipt },
    } = await castEncrypted(
      h.url,
      ID,
      token,
      prepareBallot(params, ID, own.credential, [0]).ballot,
      own.credential,
    );
    const ownRow = observer.locator(`#live-board tbody tr[data-seq="${receipt.seq}"] td:nth-child(3)`);
    await expect.poll(() => ownRow.textContent(), { timeout: 15_000 }).toBe(receipt.tracker);
    await screenshot(observer, SUITE, '06-live-board-phone');
    await observerOnPhone('voting');
    h.now.value = new Date(localTime(DAY, 0, '12:40'));
    await castAll(actors, ID, roll.slice(9, 12), { seed: 4, revoteShare: 0, concurrency: 2 });

    // Close through the page (it asks to confirm); trustees 1 and 2 decrypt.
    setTime(localTime(DAY, 0, '20:00'));
    await signInOnPage(page, 'demo-commission');
    await electionPage(page);
    await page.click('#close-voting');
    await page.waitForSelector('#tally-progress');
    await atStatus('closed', 'tally');
    // The trustees' sessions (8 hours of the virtual clock) have expired: they sign in again.
    for (const [i, p] of trustees.slice(0, 2).entries()) {
      await signInOnPage(p, TRUSTEES[i]!, 'kk');
      await p.goto(`${h.url}/trustee/elections/${ID}?lang=kk`);
      expect(await trusteeStep(p, 't-decrypt')).toContain('Орындалды');
    }
    expect(await trustees[1]!.textContent('#notice')).toContain('нәтиже жарияланды');
    // The page notices the result by itself and offers the protocol.
    await page.waitForSelector('#protocol-link', { timeout: 20_000 });
    await screenshot(page, SUITE, '07-finished');
    await atStatus('finished', 'result');
    await page.click('#protocol-link');
    await page.waitForLoadState();
    expect(await page.textContent('h1')).toContain('Протокол');
    await screenshot(page, SUITE, '08-protocol');

    // The observer's overview shows the result; the verifier, from the board, finds the same.
    await observer.goto(`${h.url}/elections/${ID}?lang=kk`);
    await screenshot(observer, SUITE, '09-observer-result-phone');
    await observerOnPhone('result');
    const shown = await observer.$$eval('.result-table tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-option'), Number(tr.querySelector('.count')!.textContent)]),
    );
    const board = (await h.api('GET', `/api/elections/${ID}/board`)).text;
    const report = await verifyBoard(board, { workers: 0 });
    expect(report.exitCode).toBe(0);
    const verified = report.result!.contests[0]!.options.map((x) => [x.id, x.count]);
    expect(shown).toEqual(verified);
    expect(verified.reduce((s, [, c]) => s + (c as number), 0)).toBe(13);
    expect(await observer.textContent('svg.chart')).toContain('Иванова');
    expect(await axeSeriousViolations(observer)).toEqual([]);

    // "Find my ballot" from the overview opens the booth's find page, which finds the receipt's tracker.
    await observer.click(`a[href="/elections/${ID}/find?lang=kk"]`);
    await observer.waitForURL(`**/elections/${ID}/find?lang=kk`);
    await observer.fill('#tracker-input', receipt.tracker);
    await observer.click('#find-submit');
    await expect
      .poll(() => observer.getAttribute('.notice [data-tracker]', 'data-tracker'), { timeout: 15_000 })
      .toBe(receipt.tracker);

    await observer.goto(`${h.url}/elections/${ID}/live?lang=ru`);
    await observer.waitForSelector('#live-board tbody tr[data-type="result"]');
    expect(await axeSeriousViolations(observer)).toEqual([]);
    await electionPage(page);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it(
    'every page fits a 360 px phone in Kazakh, for each account that uses it',
    { timeout: 120_000 },
    async () => {
      const ctx = await phoneContext();
      const phone = await ctx.newPage();
      const visit = async (path: string, name: string) => {
        await phone.goto(`${h.url}${path}`);
        await phone.waitForLoadState('networkidle');
        // screenshot() also refuses Latin-script words and a page wider than the phone.
        await screenshot(phone, SUITE, `phone-kk-${name}`);
      };
      await visit('/?lang=kk', 'index');
      await visit(`/elections/${ID}?lang=kk`, 'observer');
      await visit(`/elections/${ID}/live?lang=kk`, 'live');
      await visit(`/api/elections/${ID}/result/protocol?lang=kk`, 'protocol');
      await visit(`/elections/${ID}/booth?lang=kk`, 'booth');
      await visit(`/elections/${ID}/find?lang=kk`, 'find');
      await visit('/verify?lang=kk', 'verifier');
      for (const [user, pages] of [
        ['demo-admin', ['/admin', `/admin/elections/${ID}`]],
        ['demo-commission', ['/admin', `/admin/elections/${ID}`]],
        [TRUSTEES[0]!, [`/trustee/elections/${ID}`]],
      ] as const) {
        await signInOnPage(phone, user, 'kk');
        for (const path of pages) await visit(`${path}?lang=kk`, `${user}${path.replaceAll('/', '-')}`);
      }
      await ctx.close();
    },
  );
});
