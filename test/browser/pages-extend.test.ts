/**
 * Issue #7 in real Chromium: at the nomination deadline only one candidate is registered, so the
 * commission extends nomination from /admin/elections/:id (SPEC §10.4); the board gets the
 * `nomination-extended` entry and the calendar moves. Too early, it is refused in Russian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localTime, makeIin } from '@saylau/server';
import {
  as,
  createActors,
  createDemoElection,
  demoVoters,
  importRoll,
  type Actors,
  call,
} from '@saylau/tools';
import { ENDPOINTS } from '@saylau/protocol';
import { startHarness, type Harness } from '@saylau/test-kit';
import { launchChromium, screenshot } from './chromium.ts';
import { formatTime } from '@saylau/protocol/dates';

const SUITE = 'pages-extend';
const DAY = '2027-03-14';
const ID = 'ext-1';
const DAY_MS = 24 * 3600 * 1000;

let h: Harness;
let actors: Actors;
let browser: Browser;
let closes: string;

beforeAll(async () => {
  h = await startHarness(new Date(localTime(DAY, 40, '09:00')));
  actors = await createActors(h.server.ctx, h.url);
  browser = await launchChromium();
  await createDemoElection(actors, ID, DAY);
  const voters = demoVoters(12, DAY, 5);
  await importRoll(actors, ID, voters);
  // One self-nominee, signed for by two voters (threshold ⌈12 / 100⌉ = 1) and registered.
  const api = as(actors, 'demo-commission');
  const iin = makeIin('1990-06-21', 'female', 8101);
  const { nomination } = await call(api, ENDPOINTS.nominate, {
    params: { id: ID },
    body: {
      route: { kind: 'self' },
      candidate: {
        iin,
        surname: { kk: 'Иванова', ru: 'Иванова', en: 'Ivanova' },
        givenNames: { kk: 'Светлана', ru: 'Светлана', en: 'Svetlana' },
      },
      attestations: { citizen: true, capacity: true, noUnexpungedConviction: true },
      submittedBy: { iin, fullName: 'Иванова Светлана', position: 'candidate' },
    },
  });
  const params = { id: ID, n: nomination };
  await call(api, ENDPOINTS.submitSignatures, {
    params,
    body: { iins: voters.slice(0, 2).map((v) => v.iin) },
  });
  await call(api, ENDPOINTS.registerCandidate, { params, body: {} });
  closes = (await call(api, ENDPOINTS.election, { params: { id: ID } })).calendar.nominationCloses;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function signIn(page: Page) {
  await page.goto(`${h.url}/admin?lang=ru`);
  // After the clock moves, the tab still holds the expired session: sign out first.
  if (await page.locator('#signout').isVisible()) await page.click('#signout');
  await page.fill('#signin-name', 'demo-commission');
  await page.fill('#signin-password', actors.passwords.get('demo-commission')!);
  await page.click('#signin button[type="submit"]');
  await page.waitForSelector('#whoami');
  await page.goto(`${h.url}/admin/elections/${ID}?lang=ru`);
}

const notice = async (page: Page) => {
  await expect
    .poll(async () => (await page.textContent('#notice'))?.replace('Выполняется…', '') ?? '')
    .not.toBe('');
  return (await page.textContent('#notice')) ?? '';
};

/** A refusal's code in small print after its Russian text, and none of the server's English words. */
const refusedWith = async (page: Page, code: string, english: string) => {
  expect(await page.textContent('#notice .refusal small.code')).toBe(code);
  expect(await notice(page)).not.toContain(english);
};

const extensions = () => [...h.server.ctx.board.entries(ID)].filter((e) => e.type === 'nomination-extended');

describe('extending nomination from the commission page', () => {
  it('is refused while nomination is open, and extends it once the deadline passes with one candidate', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Before the deadline the server refuses; the page says why in Russian and the board is unchanged.
    await signIn(page);
    await page.fill('#extend-days', '2');
    await page.click('#extend button[type="submit"]');
    expect(await notice(page)).toContain('Выдвижение ещё идёт');
    await refusedWith(page, 'NOMINATION_OPEN', 'nomination is open until');
    expect(extensions()).toEqual([]);

    // The deadline has passed with one registered candidate.
    h.now.value = new Date(Date.parse(closes) + 3600 * 1000);
    await signIn(page);
    await page.fill('#extend-days', '9');
    await expect.poll(() => page.textContent('#extend-days-error')).toContain('диапазона');
    await page.fill('#extend-days', '2');
    await expect.poll(() => page.textContent('#extend-days-error')).toBe('');
    await page.click('#extend button[type="submit"]');
    expect(await notice(page)).toContain('Выполнено');
    await screenshot(page, SUITE, '01-extended');

    const added = extensions();
    expect(added).toHaveLength(1);
    const moved = new Date(Date.parse(closes) + 2 * DAY_MS);
    expect(added[0]!.payload).toMatchObject({ days: 2 });
    expect(Date.parse((added[0]!.payload as { nominationCloses: string }).nominationCloses)).toBe(
      moved.getTime(),
    );
    const e = (await h.api('GET', `/api/elections/${ID}`)).body;
    expect(Date.parse(e.calendar.nominationCloses)).toBe(moved.getTime());
    expect(e.status).toBe('nominations');
    // The page shows the new deadline, written out in Russian (local time, +05:00).
    expect(await page.textContent('#extend-deadlines')).toContain(
      formatTime('ru', e.calendar.nominationCloses),
    );
    expect(formatTime('ru', e.calendar.nominationCloses)).toMatch(/^\d+ [а-я]+ \d{4} года, \d\d:\d\d$/);

    // A field refused on the page replaces the notice of the last action done.
    await page.fill('#extend-days', '9');
    await page.click('#extend button[type="submit"]');
    await expect.poll(() => page.textContent('#notice')).toBe('Проверьте отмеченные ниже поля.');

    // Nomination is open again; once the new deadline passes, more than 5 days in all are refused.
    await page.fill('#extend-days', '3');
    await page.click('#extend button[type="submit"]');
    expect(await notice(page)).toContain('Выдвижение ещё идёт');
    h.now.value = new Date(moved.getTime() + 3600 * 1000);
    await signIn(page);
    await page.fill('#extend-days', '4');
    await page.click('#extend button[type="submit"]');
    expect(await notice(page)).toContain('5 дней');
    await refusedWith(page, 'EXTENSION_LIMIT', 'may not exceed');
    expect(extensions()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
