/**
 * The booth and the phone's browser, in Debian's Chromium (SPEC §10.14, "History and reload"): Back
 * and Forward at every step stay in the booth and never show a step that no longer exists; a reload
 * keeps the voter's place without keeping a code, and after casting keeps the receipt until
 * "Finish"; leaving an encrypted ballot not yet cast asks first. Also the details a voter on a
 * 360 px phone sees: the closing time, the compact header, the tracker in 2 + 2, the fingerprint
 * tucked away for observers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeSeriousViolations, launchChromium, screenshot } from '../../test/browser/chromium.ts';
import type { Lang } from '@saylau/protocol/lang';
import { LANGS } from '@saylau/protocol/lang';
import { DATE_STRINGS } from '@saylau/protocol/dates';
import { CATALOGS, type MessageKey } from '../src/booth/catalog.ts';
import { openBoothElection, type BoothElection } from '@saylau/test-kit';
import type { Voter } from '@saylau/tools';

const SUITE = 'booth-history';
let e: BoothElection;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  [e, browser] = await Promise.all([openBoothElection('booth-history'), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e?.h.close();
});

async function newPage(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return { ctx, page };
}

const boothUrl = (lang: Lang, page = 'booth') => `${e.h.url}/elections/${e.id}/${page}?lang=${lang}`;

async function heading(page: Page, key: MessageKey, lang: Lang = 'en'): Promise<void> {
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
    .toBe(CATALOGS[lang][key]);
}

/** Back or Forward in the browser, then the step it shows. */
async function back(page: Page, key: MessageKey): Promise<void> {
  await page.goBack();
  await heading(page, key);
}
async function forward(page: Page, key: MessageKey): Promise<void> {
  await page.goForward();
  await heading(page, key);
}

/** The place the history entry shown now names. */
async function entryIs(page: Page, place: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (history.state as { saylauBooth?: string } | null)?.saylauBooth))
    .toBe(place);
}

async function signIn(page: Page, v: Voter): Promise<void> {
  await page.fill('#iin', v.iin);
  await page.fill('#login-code', v.loginCode);
  await page.click('#signin-submit');
  await heading(page, 'cred.heading');
}

async function credential(page: Page, v: Voter): Promise<void> {
  await page.fill('#credential', v.credential);
  await page.click('#credential-submit');
  await heading(page, 'ballot.heading');
}

async function choose(page: Page, option: number): Promise<void> {
  await page.check(`input[data-option="${e.options[option]}"]`);
  await page.click('#ballot-submit');
  await heading(page, 'review.heading');
}

async function encrypt(page: Page): Promise<string> {
  await page.click('#encrypt');
  await heading(page, 'cast.heading');
  return (await page.getAttribute('#tracker', 'data-tracker'))!;
}

/** Everything this page keeps in storage and in its history entry, as one text. */
async function kept(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([{ ...sessionStorage }, { ...localStorage }, history.state as unknown]),
  );
}

function expectNoSecret(text: string, v: Voter): void {
  for (const secret of [v.credential, v.loginCode, v.iin]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/token|nonce|choices/i);
}

describe('the booth and the browser history', () => {
  it('Back and Forward at every step: never out of the booth, never to a step that is gone', async () => {
    const { ctx, page } = await newPage();
    const v = e.voters[0]!;
    await page.goto(boothUrl('en'));
    await heading(page, 'signin.heading');
    const booth = page.url();
    const start = await page.evaluate(() => history.length);

    await signIn(page, v);
    await back(page, 'signin.heading');
    expect(await page.inputValue('#iin')).toBe(v.iin);
    await forward(page, 'cred.heading');

    await credential(page, v);
    await back(page, 'cred.heading');
    expect(await page.inputValue('#credential')).not.toBe('');
    await forward(page, 'ballot.heading');

    await choose(page, 1);
    await back(page, 'ballot.heading');
    expect(await page.isChecked(`input[data-option="${e.options[1]}"]`)).toBe(true);
    await forward(page, 'review.heading');

    // The encrypted ballot: Back goes to the review (the booth is not left) and drops it.
    const first = await encrypt(page);
    await back(page, 'review.heading');
    expect(page.url()).toBe(booth);
    // Forward cannot bring back the dropped ballot: the review stays.
    await page.goForward();
    await heading(page, 'review.heading');
    await entryIs(page, 'review');
    expect(await page.locator('#tracker').count()).toBe(0);
    const second = await encrypt(page);
    expect(second).not.toBe(first);

    // An audit (SPEC §8.5): Back leaves the audited ballot for the review, never for its cast step.
    await page.click('#audit');
    await heading(page, 'audit.heading');
    await back(page, 'review.heading');
    await page.goForward();
    await heading(page, 'review.heading');
    await entryIs(page, 'review');
    const third = await encrypt(page);

    // Back from the start of the booth is the only way out; from the later steps it walks back.
    await back(page, 'review.heading');
    await back(page, 'ballot.heading');
    await back(page, 'cred.heading');
    await back(page, 'signin.heading');
    expect(page.url()).toBe(booth);
    await forward(page, 'cred.heading');
    await forward(page, 'ballot.heading');
    await forward(page, 'review.heading');
    await page.goForward();
    await heading(page, 'review.heading');
    await entryIs(page, 'review');
    expect(await encrypt(page)).not.toBe(third);

    // Cast: from now on every entry shows the receipt, Back as Forward.
    await page.click('#cast');
    await heading(page, 'receipt.heading');
    const tracker = await page.getAttribute('#receipt-tracker', 'data-tracker');
    await back(page, 'receipt.heading');
    await back(page, 'receipt.heading');
    expect(await page.getAttribute('#receipt-tracker', 'data-tracker')).toBe(tracker);
    await forward(page, 'receipt.heading');
    await page.click('#finish');
    await heading(page, 'receipt.finished');
    await back(page, 'receipt.finished');
    await forward(page, 'receipt.finished');
    expect(page.url()).toBe(booth);
    // The booth added entries to the history (one per step), all on the booth's own address.
    expect(await page.evaluate(() => history.length)).toBeGreaterThan(start);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });

  it('a reload at every step keeps the place and no code; after casting, the receipt until Finish', async () => {
    const { ctx, page } = await newPage();
    const v = e.voters[1]!;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    const resumed = () => page.locator('#signin-resumed').count();
    await page.goto(boothUrl('en'));
    await heading(page, 'signin.heading');
    await page.fill('#iin', v.iin);
    await page.reload();
    await heading(page, 'signin.heading');
    expect(await resumed()).toBe(0);
    expect(await page.inputValue('#iin')).toBe('');

    /** Reload at a step: the voter is asked to sign in again, and told why. */
    const reloadAt = async (name: string) => {
      expectNoSecret(await kept(page), v);
      await page.reload();
      await heading(page, 'signin.heading');
      expect(await resumed(), `note after a reload at ${name}`).toBe(1);
      expect(await page.locator('#signin-resumed').textContent()).toBe(CATALOGS.en['signin.resumed']);
      expect(await page.inputValue('#iin')).toBe('');
    };
    await signIn(page, v);
    await reloadAt('credential');
    await screenshot(page, SUITE, 'en-reloaded');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await signIn(page, v);
    // The credential code is asked again: it was never stored.
    expect(await page.inputValue('#credential')).toBe('');
    await credential(page, v);
    await reloadAt('ballot');
    await signIn(page, v);
    await credential(page, v);
    await choose(page, 2);
    await reloadAt('review');
    expect(dialogs).toEqual([]);

    // An encrypted ballot not yet cast: leaving asks first.
    await signIn(page, v);
    await credential(page, v);
    await choose(page, 2);
    await encrypt(page);
    await reloadAt('cast');
    expect(dialogs).toEqual(['beforeunload']);

    await signIn(page, v);
    await credential(page, v);
    await choose(page, 2);
    const tracker = await encrypt(page);
    await page.click('#cast');
    await heading(page, 'receipt.heading');
    const seqText = await page.locator('#receipt-seq').textContent();
    // Kept for a reload: the public receipt and tracker only.
    const stored = await kept(page);
    expect(stored).toContain(tracker);
    expectNoSecret(stored, v);
    await page.reload();
    await heading(page, 'receipt.heading');
    expect(dialogs).toEqual(['beforeunload']);
    expect(await page.getAttribute('#receipt-tracker', 'data-tracker')).toBe(tracker);
    expect(await page.locator('#receipt-seq').textContent()).toBe(seqText);
    // The signature is checked again after the reload.
    expect(await page.locator('.notice.ok').first().textContent()).toBe(CATALOGS.en['receipt.signed']);
    await back(page, 'receipt.heading');
    await page.click('#finish');
    await heading(page, 'receipt.finished');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    await heading(page, 'signin.heading');
    expect(await resumed()).toBe(0);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});

describe('what a voter sees on a 360 px phone', () => {
  it('when voting closes, in each language, on the sign-in and ballot steps', async () => {
    const closes = (await e.h.api('GET', `/api/elections/${e.id}`)).body.calendar.votingCloses as string;
    // Written out from the election's own calendar: the day and HH:MM at UTC+05:00.
    const local = new Date(Date.parse(closes) + 5 * 3600_000);
    const hm = local.toISOString().slice(11, 16);
    const { ctx, page } = await newPage();
    for (const lang of LANGS) {
      await page.goto(boothUrl(lang));
      await heading(page, 'signin.heading', lang);
      const text = (await page.locator('#voting-closes').textContent())!;
      const month = DATE_STRINGS[lang][`month.${local.getUTCMonth() + 1}` as keyof typeof DATE_STRINGS.en];
      const [before, after] = CATALOGS[lang]['common.closes'].split('{day}');
      expect(text.startsWith(before!)).toBe(true);
      expect(text).toContain(month);
      expect(text).toContain(String(local.getUTCDate()));
      expect(text).toContain(String(local.getUTCFullYear()));
      expect(text.endsWith(after!.replace('{time}', hm))).toBe(true);
    }
    await screenshot(page, SUITE, 'kk-signin-closes');
    await ctx.close();
  });

  it('the sign-in attempts left, only when the server’s refusal says how many', async () => {
    const { ctx, page } = await newPage();
    const v = e.voters[3]!;
    await page.goto(boothUrl('ru'));
    await heading(page, 'signin.heading', 'ru');
    await page.fill('#iin', v.iin);
    await page.fill(
      '#login-code',
      v.loginCode.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    // This server's refusal names no count (it must read the same for an IIN not on the roll): none shown.
    const refused = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/login')),
      page.click('#signin-submit'),
    ]);
    const body = (await refused[0].json()) as { error: { code: string; details?: unknown } };
    expect(body.error.code).toBe('BAD_LOGIN');
    expect(body.error.details).toBeUndefined();
    await expect
      .poll(() => page.locator('.notice.error p').first().textContent())
      .toBe(CATALOGS.ru['err.BAD_LOGIN']);
    expect(await page.locator('#attempts-left').count()).toBe(0);
    // A server whose refusal carries the count in its details: the booth says it.
    await page.route('**/login', (route) =>
      route.fulfill({
        status: 401,
        json: {
          error: { code: 'BAD_LOGIN', message: 'wrong IIN or login code', details: { attemptsLeft: 3 } },
        },
      }),
    );
    await page.click('#signin-submit');
    await expect
      .poll(() => page.locator('#attempts-left').textContent())
      .toBe(CATALOGS.ru['signin.attemptsLeft'].replace('{n}', '3'));
    await screenshot(page, SUITE, 'ru-attempts-left');
    await ctx.close();
  });

  it('a compact header after the first step, the tracker in 2 + 2, the fingerprint for observers', async () => {
    const { ctx, page } = await newPage();
    const v = e.voters[2]!;
    await page.goto(boothUrl('kk'));
    await heading(page, 'signin.heading', 'kk');
    const height = () => page.locator('.top').evaluate((el) => el.getBoundingClientRect().height);
    const full = await height();
    // The fingerprint is in the page for observers, but folded away.
    expect(await page.locator('details.observers [data-testid="bundle-hash"]').count()).toBe(1);
    expect(await page.locator('[data-testid="bundle-hash"]').isVisible()).toBe(false);
    await page.click('details.observers summary');
    expect(await page.locator('[data-testid="bundle-hash"]').isVisible()).toBe(true);
    expect(await page.locator('#manifest-same').count()).toBe(1);
    await page.fill('#iin', v.iin);
    await page.fill('#login-code', v.loginCode);
    await page.click('#signin-submit');
    await heading(page, 'cred.heading', 'kk');
    await screenshot(page, SUITE, 'kk-credential-compact');
    expect(await axeSeriousViolations(page)).toEqual([]);
    const compact = await height();
    expect(compact).toBeLessThan(full * 0.6);
    // The language switch is still there and works.
    expect(await page.locator('.top button[data-lang]').count()).toBe(3);
    await page.fill('#credential', v.credential);
    await page.click('#credential-submit');
    await heading(page, 'ballot.heading', 'kk');
    expect(await page.locator('#voting-closes').count()).toBe(1);
    await page.check(`input[data-option="${e.options[0]}"]`);
    await page.click('#ballot-submit');
    await page.click('#encrypt');
    await heading(page, 'cast.heading', 'kk');
    await page.click('#cast');
    await heading(page, 'receipt.heading', 'kk');
    await screenshot(page, SUITE, 'kk-receipt');
    // The 16 characters in two lines of two groups (or one line), never three and one.
    const tops = await page
      .locator('#receipt-tracker .group')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect([tops[0] === tops[1], tops[2] === tops[3], tops[1]! <= tops[2]!]).toEqual([true, true, true]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The board position, with no raw "(seq)" in any language.
    for (const lang of LANGS)
      for (const text of Object.values(CATALOGS[lang])) expect(text).not.toContain('(seq)');
    await page.click('#receipt-find');
    await heading(page, 'find.heading', 'kk');
    await expect.poll(() => page.locator('#find-result').textContent()).toBe(CATALOGS.kk['find.found']);
    expect(await page.locator('main').textContent()).not.toContain('seq');
    // Back from the find page: the booth shows the receipt again, kept for the tab.
    const tracker = await page.getAttribute('.notice [data-tracker]', 'data-tracker');
    await page.goBack();
    await heading(page, 'receipt.heading', 'kk');
    expect(await page.getAttribute('#receipt-tracker', 'data-tracker')).toBe(tracker);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});
