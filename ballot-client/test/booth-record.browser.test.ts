/**
 * "My record" in Debian's Chromium (SPEC §10.14, §10.9.4–§10.9.5): after signing in the voter opens
 * the record, the page checks the roll proof against the board's `roll` entry itself, files a
 * complaint and sees it on the observer page; a later ballot of the same voting code than the one on
 * the kept receipt is said plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeSeriousViolations, launchChromium } from '../../test/browser/chromium.ts';
import { CATALOGS, type MessageKey } from '../src/booth/catalog.ts';
import { openBoothElection, type BoothElection } from '@saylau/test-kit';
import { castAll, type Voter } from '@saylau/tools';

let e: BoothElection;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  [e, browser] = await Promise.all([openBoothElection('booth-record'), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e?.h.close();
});

const en = (key: MessageKey) => CATALOGS.en[key];

async function signedIn(v: Voter): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${e.h.url}/elections/${e.id}/booth?lang=en`);
  await page.fill('#iin', v.iin);
  await page.fill('#login-code', v.loginCode);
  await page.click('#signin-submit');
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
    .toBe(en('cred.heading'));
  return page;
}

async function openRecord(page: Page): Promise<void> {
  await page.click('#open-record');
  await expect
    .poll(() => page.locator('#record-roll').getAttribute('data-state'), { timeout: 15_000 })
    .not.toBeNull();
}

describe('my record', () => {
  it('checks the roll on the device, files a complaint, and the observer page lists it', async () => {
    const page = await signedIn(e.voters[0]!);
    await openRecord(page);
    expect(await page.textContent('#record-roll dd')).toBe(en('record.rollChecked'));
    expect(await page.getAttribute('#record-roll', 'data-state')).toBe('ok');
    expect(await page.textContent('#record-credential dd')).toBe(en('record.credentialIssued'));
    expect(await page.textContent('#record-latest dd')).toBe(en('record.latestNone'));
    expect(await axeSeriousViolations(page)).toEqual([]);

    await page.selectOption('#complaint-about', 'ballot');
    await page.fill('#complaint-text', 'A test complaint from the booth.');
    await page.click('#complaint-submit');
    await expect.poll(() => page.textContent('#complaint-filed'), { timeout: 15_000 }).toContain('k1');
    expect(await page.textContent('#complaint-nonce')).toMatch(/^[0-9a-f]{64}$/);

    await page.click('#record-back');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(en('cred.heading'));

    await page.goto(`${e.h.url}/elections/${e.id}?lang=en`);
    const row = page.locator('[data-complaint="k1"]');
    expect(await row.getAttribute('data-state')).toBe('open');
    expect(await page.content()).not.toContain('A test complaint from the booth.');
    expect(pageErrors).toEqual([]);
  });

  it('says plainly when the last ballot of the voting code is not the one on the receipt', async () => {
    const v = e.voters[1]!;
    await castAll(e.actors, e.id, [v], { seed: 3, revoteShare: 0, concurrency: 1 });
    const page = await signedIn(v);
    // A receipt of another ballot kept in this tab, as if this voter had cast it here.
    await page.evaluate((id) => {
      const receipt = { election: id, tracker: 'AAAA-BBBB-CCCC-DDDD', seq: 1, hash: '0'.repeat(64) };
      const kept = { signed: { receipt, signature: 'x' }, tracker: 'AAAA-BBBB-CCCC-DDDD' };
      sessionStorage.setItem(`saylau.booth.receipt.${id}`, JSON.stringify(kept));
    }, e.id);
    await openRecord(page);
    expect(await page.getAttribute('#record-latest', 'data-state')).toBe('warn');
    expect(await page.textContent('#record-other')).toContain('AAAA-BBBB-CCCC-DDDD');
    expect(await page.inputValue('#complaint-about')).toBe('credential');
    expect(pageErrors).toEqual([]);
  });
});
