/**
 * The booth end to end in Debian's Chromium: voters vote in Kazakh, Russian and English
 * (one at 360 px, one with the keyboard only), one audits a ballot, checks it on the check page and
 * then casts, the receipt's tracker is found on the board, the network-failure path asks the server
 * by tracker before sending again, and the decrypted tally holds exactly these votes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCredentialCode } from '@saylau/crypto';
import { castEncrypted, fetchElection, login, prepareBallot } from '../src/index.ts';
import { verifyBoard } from '@saylau/verifier';
import { axeSeriousViolations, launchChromium, screenshot } from '../../test/browser/chromium.ts';
import { LANGS, type Lang } from '@saylau/protocol/lang';
import type { CandidateInfo } from '../src/booth/candidates.ts';
import { CATALOGS, type MessageKey } from '../src/booth/catalog.ts';
import { openBoothElection, type BoothElection } from '@saylau/test-kit';
import type { Voter } from '@saylau/tools';

const SUITE = 'booth';
let e: BoothElection;
let browser: Browser;
/** Choices cast in this file, by option index: the tally must equal them exactly. */
const expected: number[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [e, browser] = await Promise.all([openBoothElection(), launchChromium()]);
  expected.push(...e.options.map(() => 0));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e?.h.close();
});

async function newPage(
  opts: { width?: number; lang?: Lang } = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1024, height: 800 },
    ...(opts.width && opts.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => {
    // A CSP refusal shows up as a console error: none may occur.
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  return { ctx, page };
}

const boothUrl = (lang: Lang, page = 'booth') => `${e.h.url}/elections/${e.id}/${page}?lang=${lang}`;

async function heading(page: Page, lang: Lang, key: MessageKey): Promise<void> {
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
    .toBe(CATALOGS[lang][key]);
}

async function axe(page: Page, step: string): Promise<void> {
  const v = await axeSeriousViolations(page);
  expect(v, `axe at ${step}`).toEqual([]);
}

type Shot = (name: string) => Promise<void>;

/** Sign in and enter the credential: the booth shows the ballot. */
async function upToBallot(page: Page, lang: Lang, v: Voter, shot: Shot = async () => {}): Promise<void> {
  await page.goto(boothUrl(lang));
  await heading(page, lang, 'signin.heading');
  await shot('1-signin');
  await page.fill('#iin', v.iin);
  await page.fill('#login-code', v.loginCode);
  await page.click('#signin-submit');
  await heading(page, lang, 'cred.heading');
  await shot('2-credential');
  await page.fill('#credential', v.credential);
  await expect.poll(() => page.locator('#credential-status').textContent()).toBe(CATALOGS[lang]['cred.ok']);
  await page.click('#credential-submit');
  await heading(page, lang, 'ballot.heading');
}

/** Sign in, enter the credential, choose, review, encrypt: the booth is at the cast step. */
async function upToCast(page: Page, lang: Lang, v: Voter, choice: number, shots?: string): Promise<void> {
  const shot = async (name: string) => {
    if (shots) {
      await screenshot(page, SUITE, `${shots}-${name}`);
      await axe(page, name);
    }
  };
  await upToBallot(page, lang, v, shot);
  await page.check(`input[data-option="${e.options[choice]}"]`);
  await shot('3-ballot');
  await page.click('#ballot-submit');
  await heading(page, lang, 'review.heading');
  await shot('4-review');
  await page.click('#encrypt');
  await heading(page, lang, 'cast.heading');
  await shot('5-cast');
}

async function castAndReceipt(page: Page, lang: Lang): Promise<string> {
  await page.click('#cast');
  await heading(page, lang, 'receipt.heading');
  await expect(await page.locator('.notice.ok').first().textContent()).toBe(CATALOGS[lang]['receipt.signed']);
  return (await page.getAttribute('#receipt-tracker', 'data-tracker'))!;
}

describe('the booth in Chromium', () => {
  it('serves the bundle under 200 KB gzipped, with its SHA-256, under the strict CSP', async () => {
    const r = await fetch(`${e.h.url}/api/booth`);
    const b = (await r.json()) as Record<
      'bundle' | 'worker' | 'css',
      { url: string; sha256: string; gzipBytes: number }
    >;
    expect(b.bundle.gzipBytes + b.worker.gzipBytes + b.css.gzipBytes).toBeLessThan(200 * 1024);
    const js = Buffer.from(await (await fetch(e.h.url + b.bundle.url)).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(js).digest('hex')).toBe(b.bundle.sha256);
    const shell = await fetch(boothUrl('kk'));
    const csp = shell.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    const html = await shell.text();
    // One external script, no inline one.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      expect.stringMatching(/src="\/booth\/[0-9a-f]{64}\.js"/),
    ]);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
    // The manifest publishes the same fingerprint.
    const election = (await (await fetch(`${e.h.url}/api/elections/${e.id}`)).json()) as {
      manifest: { booth?: { sha256: string } };
    };
    expect(election.manifest.booth?.sha256).toBe(b.bundle.sha256);
  });

  it('a voter votes in Kazakh on a 360 px phone, every step screenshotted and checked with axe', async () => {
    const { ctx, page } = await newPage({ width: 360 });
    await upToCast(page, 'kk', e.voters[0]!, 0, 'kk');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const tracker = await castAndReceipt(page, 'kk');
    expected[0]!++;
    await screenshot(page, SUITE, 'kk-6-receipt');
    await axe(page, 'receipt');
    expect(await page.locator('#receipt-tracker .group').count()).toBe(4);
    expect(await page.locator('.qr-box svg').count()).toBe(1);
    // The footer compares the running bundle with the manifest's fingerprint.
    expect(await page.locator('#manifest-same').count()).toBe(1);
    // Find my ballot: the receipt's link opens the find page, which looks the tracker up.
    await page.click('#receipt-find');
    await heading(page, 'kk', 'find.heading');
    await expect.poll(() => page.locator('#find-result').textContent()).toBe(CATALOGS.kk['find.found']);
    expect(await page.getAttribute('.notice [data-tracker]', 'data-tracker')).toBe(tracker);
    expect(await page.locator('#find-counted').textContent()).toBe(CATALOGS.kk['find.counted']);
    await screenshot(page, SUITE, 'kk-7-find');
    await axe(page, 'find');
    // A tracker that is not on the board.
    await page.fill('#tracker-input', 'AAAA-BBBB-CCCC-DDDD');
    await page.click('#find-submit');
    await expect.poll(() => page.locator('#find-result').textContent()).not.toBe(CATALOGS.kk['find.found']);
    await ctx.close();
  });

  it('speaks Kazakh by default and remembers the language chosen', async () => {
    const { ctx, page } = await newPage({ width: 360 });
    const plain = `${e.h.url}/elections/${e.id}/booth`;
    await page.goto(plain);
    await heading(page, 'kk', 'signin.heading');
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    await page.click('button[data-lang="ru"]');
    await heading(page, 'ru', 'signin.heading');
    expect(await page.title()).toBe(CATALOGS.ru['app.title']);
    await page.goto(plain);
    await heading(page, 'ru', 'signin.heading');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('#manifest-same').count()).toBe(1);
    // Had the manifest published another bundle, the footer would warn.
    await page.route(`**/api/elections/${e.id}`, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { manifest: { booth: { sha256: string } } };
      body.manifest.booth.sha256 = 'ab'.repeat(32);
      await route.fulfill({ response: res, json: body });
    });
    await page.reload();
    await heading(page, 'ru', 'signin.heading');
    expect(await page.locator('#manifest-same').count()).toBe(0);
    expect(await page.locator('footer .notice.warn').textContent()).toBe(
      CATALOGS.ru['footer.manifestDiffers'].replace('{hash}', 'ab'.repeat(32)),
    );
    await ctx.close();
  });

  it("shows each candidate's route in the voter's language, a citizens' assembly's place too (kk, ru, en at 360 px)", async () => {
    const { ctx, page } = await newPage({ width: 360 });
    const { entries } = (await (await fetch(`${e.h.url}/api/booth/elections/${e.id}/candidates`)).json()) as {
      entries: { payload: CandidateInfo }[];
    };
    const assembly = entries.map((x) => x.payload).find((c) => c.route.kind === 'citizen-assembly')!;
    const place = assembly.route.place!;
    // The demo's place differs in each language, so the one shown tells which was read.
    expect(new Set(Object.values(place)).size).toBe(3);
    await upToBallot(page, 'kk', e.voters[8]!);
    for (const lang of ['kk', 'ru', 'en'] as const) {
      await page.click(`button[data-lang="${lang}"]`);
      await heading(page, lang, 'ballot.heading');
      const route = await page.textContent(
        `#${await page.getAttribute(`input[data-option="${assembly.id}"]`, 'aria-describedby')}`,
      );
      const [before] = CATALOGS[lang]['ballot.route.citizen-assembly'].split('{place}');
      expect(route).toContain(`${before}${place[lang]}, `);
      for (const other of LANGS.filter((l) => l !== lang)) expect(route).not.toContain(place[other]);
      await screenshot(page, SUITE, `${lang}-ballot-routes`);
    }
    await ctx.close();
  });

  it('a voter votes in Russian with the keyboard only', async () => {
    const { ctx, page } = await newPage();
    const v = e.voters[1]!;
    const choice = 2;
    /** Press Tab until `selector` has focus, as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 30; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await page.goto(boothUrl('ru'));
    await heading(page, 'ru', 'signin.heading');
    await tabTo('#iin');
    await page.keyboard.type(v.iin);
    await tabTo('#login-code');
    await page.keyboard.type(v.loginCode);
    await page.keyboard.press('Enter');
    await heading(page, 'ru', 'cred.heading');
    await tabTo('#credential');
    await page.keyboard.type(v.credential);
    await page.keyboard.press('Enter');
    await heading(page, 'ru', 'ballot.heading');
    await tabTo('input[type=radio]');
    await page.keyboard.press('Space');
    for (let i = 0; i < choice; i++) await page.keyboard.press('ArrowDown');
    expect(await page.isChecked(`input[data-option="${e.options[choice]}"]`)).toBe(true);
    await tabTo('#ballot-submit');
    await page.keyboard.press('Enter');
    await heading(page, 'ru', 'review.heading');
    expect(await page.getAttribute('.chosen li', 'data-option')).toBe(e.options[choice]);
    await tabTo('#encrypt');
    await page.keyboard.press('Enter');
    await heading(page, 'ru', 'cast.heading');
    await tabTo('#cast');
    await page.keyboard.press('Enter');
    await heading(page, 'ru', 'receipt.heading');
    expected[choice]!++;
    await screenshot(page, SUITE, 'ru-keyboard-receipt');
    await ctx.close();
  });

  it('a voter in English audits a ballot, checks it on the check page, then casts another', async () => {
    const { ctx, page } = await newPage();
    const choice = 1;
    await upToCast(page, 'en', e.voters[2]!, choice);
    const firstTracker = await page.getAttribute('#tracker', 'data-tracker');
    await page.click('#audit');
    await heading(page, 'en', 'audit.heading');
    await screenshot(page, SUITE, 'en-audit');
    await axe(page, 'audit');
    const auditJson = await page.inputValue('#audit-json');
    expect(await page.getAttribute('#audit-tracker', 'data-tracker')).toBe(firstTracker);
    // The audit data is no ballot: unsigned and without an anchor, refused by the server from anyone.
    const audited = JSON.parse(auditJson) as { ballot: Record<string, unknown> };
    expect(Object.keys(audited.ballot).sort()).toEqual(['contests', 'credential', 'election', 'version']);
    const { token } = await login(e.h.url, e.id, e.voters[2]!.iin, e.voters[2]!.loginCode);
    const cast = await e.h.api('POST', `/api/elections/${e.id}/ballots`, { ballot: audited.ballot }, token);
    expect([cast.status, cast.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    const href = await page.getAttribute('#audit-check-here', 'href');

    // The check page, on another "device": recomputes the encryption and shows the choice.
    const other = await newPage({ width: 360 });
    await other.page.goto(`${e.h.url}${href}`);
    await heading(other.page, 'en', 'check.heading');
    await expect
      .poll(() => other.page.locator('#check-result .notice.ok p').first().textContent(), { timeout: 15_000 })
      .toBe(CATALOGS.en['check.ok']);
    expect(await other.page.getAttribute('#check-result .chosen li', 'data-option')).toBe(e.options[choice]);
    expect(await other.page.locator('#check-result').textContent()).toContain(CATALOGS.en['check.notCast']);
    await screenshot(other.page, SUITE, 'en-check-ok');
    await axe(other.page, 'check');
    // The same data with another choice claimed fails the check.
    const forged = JSON.parse(auditJson) as { choices: number[] };
    forged.choices = [(choice + 1) % e.options.length];
    await other.page.fill('#audit-input', JSON.stringify(forged));
    await other.page.click('#check-submit');
    await expect
      .poll(() => other.page.locator('.notice.error #check-result').count(), { timeout: 15_000 })
      .toBe(1);
    await screenshot(other.page, SUITE, 'en-check-forged');
    await other.ctx.close();

    // Back in the booth: encrypt afresh (a new tracker), then cast.
    await page.click('#encrypt-again');
    await heading(page, 'en', 'cast.heading');
    const secondTracker = await page.getAttribute('#tracker', 'data-tracker');
    expect(secondTracker).not.toBe(firstTracker);
    const tracker = await castAndReceipt(page, 'en');
    expected[choice]!++;
    expect(tracker).toBe(secondTracker);
    await screenshot(page, SUITE, 'en-receipt');
    // The audited ballot never reached the board.
    const r = await e.h.api('GET', `/api/elections/${e.id}/ballots/${firstTracker}`);
    expect(r.status).toBe(404);
    await ctx.close();
  });

  it('after a lost request the booth asks by tracker, finds nothing, and only then sends again', async () => {
    const { ctx, page } = await newPage();
    const choice = 3;
    await upToCast(page, 'en', e.voters[3]!, choice);
    const tracker = (await page.getAttribute('#tracker', 'data-tracker'))!;
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/ballots')) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    let aborted = 0;
    await page.route('**/api/elections/*/ballots', async (route) => {
      if (route.request().method() === 'POST' && aborted++ === 0) return route.abort('internetdisconnected');
      return route.continue();
    });
    await page.click('#cast');
    await heading(page, 'en', 'net.heading');
    await expect.poll(() => page.locator('#net-send').count()).toBe(1);
    await screenshot(page, SUITE, 'en-network-not-arrived');
    await axe(page, 'network');
    await page.click('#net-send');
    await heading(page, 'en', 'receipt.heading');
    expected[choice]!++;
    const lookup = `GET /api/elections/${e.id}/ballots/${tracker}`;
    const post = `POST /api/elections/${e.id}/ballots`;
    expect(requests.filter((r) => r === post || r === lookup)).toEqual([post, lookup, post]);
    await ctx.close();
  });

  it('after a lost answer the booth finds the ballot on the board and shows its receipt, casting nothing twice', async () => {
    const { ctx, page } = await newPage();
    const choice = 4;
    await upToCast(page, 'ru', e.voters[4]!, choice);
    const tracker = (await page.getAttribute('#tracker', 'data-tracker'))!;
    const before = e.h.server.ctx.board.ofType(e.id, 'ballot').length;
    let dropped = 0;
    await page.route('**/api/elections/*/ballots', async (route) => {
      if (route.request().method() === 'POST' && dropped++ === 0) {
        // The ballot reaches the server; its answer is lost on the way back.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.click('#cast');
    await heading(page, 'ru', 'receipt.heading');
    expected[choice]!++;
    expect(await page.getAttribute('#receipt-tracker', 'data-tracker')).toBe(tracker);
    expect(await page.locator('.notice.ok').first().textContent()).toBe(CATALOGS.ru['receipt.signed']);
    expect(e.h.server.ctx.board.ofType(e.id, 'ballot').length).toBe(before + 1);
    await ctx.close();
  });

  it('signs in again by itself when the token expired while the voter was reading', async () => {
    const { ctx, page } = await newPage();
    await upToCast(page, 'kk', e.voters[6]!, 0);
    const logins: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/login')) logins.push(r.status());
    });
    // Twenty minutes pass on the server: the 15-minute token has expired.
    e.h.now.value = new Date(e.h.now.value.getTime() + 20 * 60_000);
    await castAndReceipt(page, 'kk');
    expected[0]!++;
    expect(logins).toEqual([200]);
    await ctx.close();
  });

  it('tells the voter in their language what went wrong and what to do next', async () => {
    const { ctx, page } = await newPage({ width: 360 });
    const v = e.voters[5]!;
    await page.goto(boothUrl('ru'));
    await heading(page, 'ru', 'signin.heading');
    // A wrong login code: refused by the server, said in Russian, focus on the field to correct.
    await page.fill('#iin', v.iin);
    await page.fill(
      '#login-code',
      v.loginCode.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    await page.click('#signin-submit');
    await expect
      .poll(() => page.locator('.notice.error p').first().textContent())
      .toBe(CATALOGS.ru['err.BAD_LOGIN']);
    await screenshot(page, SUITE, 'ru-error-login');
    await page.fill('#login-code', v.loginCode);
    await page.click('#signin-submit');
    await heading(page, 'ru', 'cred.heading');
    // One character mistyped: the check characters catch it as it is typed, before anything is sent.
    const typo = v.credential.replace(/[A-Za-z1-9]/, (c) => (c === 'a' ? 'b' : 'a'));
    await page.fill('#credential', typo);
    await expect
      .poll(() => page.locator('#credential-status').textContent())
      .toBe(CATALOGS.ru['cred.checksum']);
    await page.click('#credential-submit');
    await heading(page, 'ru', 'cred.heading');
    await screenshot(page, SUITE, 'ru-error-credential-typo');
    // A well-formed code that is not on the election's list: refused at casting, with the way back.
    await page.fill('#credential', generateCredentialCode().code);
    await page.click('#credential-submit');
    await heading(page, 'ru', 'ballot.heading');
    await page.check(`input[data-option="${e.options[0]}"]`);
    await page.click('#ballot-submit');
    await page.click('#encrypt');
    await heading(page, 'ru', 'cast.heading');
    const before = e.h.server.ctx.board.ofType(e.id, 'ballot').length;
    await page.click('#cast');
    await expect
      .poll(() => page.locator('.notice.error p').first().textContent())
      .toBe(CATALOGS.ru['err.UNKNOWN_CREDENTIAL']);
    expect(await page.locator('#error-action').textContent()).toBe(CATALOGS.ru['err.credentialAgain']);
    expect(e.h.server.ctx.board.ofType(e.id, 'ballot').length).toBe(before);
    await screenshot(page, SUITE, 'ru-error-unknown-credential');
    await axe(page, 'error');
    // The way back works: the right code, the same choice kept, a new encryption, a receipt.
    await page.click('#error-action');
    await heading(page, 'ru', 'cred.heading');
    await page.fill('#credential', v.credential);
    await page.click('#credential-submit');
    await heading(page, 'ru', 'ballot.heading');
    expect(await page.isChecked(`input[data-option="${e.options[0]}"]`)).toBe(true);
    await page.click('#ballot-submit');
    await page.click('#encrypt');
    await heading(page, 'ru', 'cast.heading');
    await castAndReceipt(page, 'ru');
    expected[0]!++;
    await ctx.close();
  });

  it('a voter whose credential someone else used finds their ballot superseded, loudly, with the entry that counts', async () => {
    const { ctx, page } = await newPage({ width: 360 });
    const v = e.voters[7]!;
    await upToCast(page, 'kk', v, 1);
    const mine = await castAndReceipt(page, 'kk');
    // Someone holding this voter's letter and login code votes again in their name, outside the booth.
    const election = await fetchElection(e.h.url, e.id);
    const { token } = await login(e.h.url, e.id, v.iin, v.loginCode);
    const { signed } = await castEncrypted(
      e.h.url,
      e.id,
      token,
      prepareBallot(election.params, e.id, v.credential, [3]).ballot,
      v.credential,
    );
    expected[3]!++;
    await page.goto(`${boothUrl('kk', 'find')}&tracker=${encodeURIComponent(mine)}`);
    await heading(page, 'kk', 'find.heading');
    await page.click('#find-submit');
    await expect.poll(() => page.locator('#find-counted').textContent()).toBe(CATALOGS.kk['find.superseded']);
    const warning = page.locator('#find-superseded-by');
    expect(await warning.textContent()).toContain(signed.receipt.tracker);
    expect(await warning.textContent()).toContain(String(signed.receipt.seq));
    expect(await page.locator('.notice.warn[role="alert"]').count()).toBe(1);
    await screenshot(page, SUITE, 'kk-find-superseded');
    await axe(page, 'find-superseded');
    await ctx.close();
  });

  it('the decrypted tally holds exactly the ballots cast in the booth, and no page broke the CSP', async () => {
    expect(pageErrors).toEqual([]);
    const counts = await e.closeAndCount();
    expect(counts).toEqual(expected);
    // Eight voters; the eighth one's booth ballot was superseded by the one cast in their name.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8);
    // The independent verifier accepts the whole board, and names the booth the voters ran.
    const board = await (await fetch(`${e.h.url}/api/elections/${e.id}/board`)).text();
    const report = await verifyBoard(board, { workers: 1 });
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    const booth = (await e.h.api('GET', '/api/booth')).body;
    expect(report.booth).toBe(booth.bundle.sha256);
    // Voting is over: the booth says so instead of asking to sign in.
    const { ctx, page } = await newPage();
    await page.goto(boothUrl('kk'));
    await heading(page, 'kk', 'closed.heading');
    expect(await page.locator('.notice p').first().textContent()).toBe(CATALOGS.kk['closed.over']);
    await screenshot(page, SUITE, 'kk-closed');
    await ctx.close();
  });
});
