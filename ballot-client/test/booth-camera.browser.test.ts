/**
 * The booth's camera path end to end in Debian's Chromium (SPEC §10.14): a fake camera plays a Y4M
 * video of an invitation letter's QR code (the compact credential code, as the letters print it,
 * SPEC §10.7). Linux Chromium has no BarcodeDetector, so the booth decodes the frames with jsQR in
 * its content-addressed scan worker, fills the credential field as if typed, stops the camera, and
 * the voter casts. A QR of a mistyped code is caught by the check characters: nothing is cast.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, JSHandle, Page, Worker } from 'playwright-core';
import { parseCredentialCode } from '@saylau/crypto';
import { launchChromium, screenshot } from '../../test/browser/chromium.ts';
import type { Lang } from '@saylau/protocol/lang';
import { CATALOGS, type MessageKey } from '../src/booth/catalog.ts';
import { openBoothElection, type BoothElection } from '@saylau/test-kit';
import type { Voter } from '@saylau/tools';

const SUITE = 'booth-camera';
const W = 640;
const H = 480;
/** Pixels per QR module; 4 modules of quiet zone around the code. */
const MODULE = 10;
const QUIET = 4;

let e: BoothElection;
let scanUrl: string;
const browsers: Browser[] = [];
const pageErrors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'saylau-camera-'));

beforeAll(async () => {
  e = await openBoothElection('booth-camera');
  scanUrl = (await e.h.api('GET', '/api/booth')).body.scan.url;
}, 120_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await e?.h.close();
});

/**
 * A Y4M video (10 frames/s) of `text` as a QR code, level M like the letters: two seconds of the
 * letter half in view (its right finder pattern outside the picture, so unreadable), then one second
 * of the whole code. Chromium's file camera starts at the first frame and loops.
 */
function qrVideo(name: string, text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const side = (qr.size + 2 * QUIET) * MODULE;
  const frame = (x0: number, y0: number) => {
    const y = Buffer.alloc(W * H, 235);
    for (let py = 0; py < H; py++)
      for (let px = 0; px < W; px++) {
        const col = Math.floor((px - x0) / MODULE) - QUIET;
        const row = Math.floor((py - y0) / MODULE) - QUIET;
        if (row >= 0 && col >= 0 && row < qr.size && col < qr.size && qr.get(row, col)) y[py * W + px] = 16;
      }
    return Buffer.concat([Buffer.from('FRAME\n'), y, Buffer.alloc((W * H) / 2, 128)]);
  };
  const half = frame(W - Math.floor(side / 2), (H - side) / 2);
  const whole = frame((W - side) / 2, (H - side) / 2);
  const file = join(dir, `${name}.y4m`);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array<Buffer>(20).fill(half),
      ...Array<Buffer>(10).fill(whole),
    ]),
  );
  return file;
}

/** Chromium whose only camera films a letter with `text` in its QR code, permission granted. */
async function chromiumFilming(name: string, text: string): Promise<Browser> {
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${qrVideo(name, text)}`,
  ]);
  browsers.push(browser);
  return browser;
}

async function heading(page: Page, lang: Lang, key: MessageKey): Promise<void> {
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
    .toBe(CATALOGS[lang][key]);
}

const ballots = () => e.h.server.ctx.board.ofType(e.id, 'ballot').length;

/**
 * On a 360 px phone: sign in, press "scan", screenshot the camera at work, and wait until the code
 * is read. Checks that the camera's tracks ended and the scan worker is gone once it is.
 */
async function signInAndScan(browser: Browser, lang: Lang, v: Voter, expected: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 800 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  await page.goto(`${e.h.url}/elections/${e.id}/booth?lang=${lang}`);
  await heading(page, lang, 'signin.heading');
  await page.fill('#iin', v.iin);
  await page.fill('#login-code', v.loginCode);
  await page.click('#signin-submit');
  await heading(page, lang, 'cred.heading');

  await page.click('#scan');
  // The camera is live in the <video>: keep its stream to see that it is stopped afterwards.
  const stream = (await page.waitForFunction(() => {
    const video = document.querySelector<HTMLVideoElement>('#scan-video');
    return video && video.videoWidth > 0 ? video.srcObject : null;
  })) as JSHandle<MediaStream>;
  await screenshot(page, SUITE, `${lang}-scanning`);

  await expect.poll(() => page.inputValue('#credential'), { timeout: 15_000 }).toBe(expected);
  expect(await page.locator('.scanner [role=status]').textContent()).toBe(CATALOGS[lang]['cred.scanRead']);
  await screenshot(page, SUITE, `${lang}-read`);
  // The camera is off: the video is gone, and every track of its stream has ended.
  expect(await page.locator('#scan-video').count()).toBe(0);
  const tracks = await stream.evaluate((s) => s.getTracks().map((t) => t.readyState));
  expect(tracks.length).toBeGreaterThan(0);
  expect(tracks.every((s) => s === 'ended')).toBe(true);
  // Without BarcodeDetector the frames went to the scan worker, at the address the bundle names;
  // it is terminated once the code is read.
  const scanWorkers = () => workers.filter((w) => new URL(w.url()).pathname === scanUrl);
  if (!(await page.evaluate(() => 'BarcodeDetector' in globalThis))) expect(scanWorkers().length).toBe(1);
  await expect.poll(() => page.workers().filter((w) => scanWorkers().includes(w)).length).toBe(0);
  return page;
}

describe('the booth reads the credential code from the letter with the camera', () => {
  it('serves the scan worker at its content address, named in the page bundle, and keeps jsQR out of it', async () => {
    const booth = (await e.h.api('GET', '/api/booth')).body;
    expect(booth.scan.url).toBe(`/booth/${booth.scan.sha256}.scan.js`);
    const scan = Buffer.from(await (await fetch(e.h.url + booth.scan.url)).arrayBuffer());
    expect(createHash('sha256').update(scan).digest('hex')).toBe(booth.scan.sha256);
    // The page bundle names the scan worker, so the bundle's SHA-256 in the manifest covers it.
    const js = await (await fetch(e.h.url + booth.bundle.url)).text();
    expect(js).toContain(booth.scan.url);
    // jsQR is in the worker, not in the page bundle, which stays well under 200 KB gzipped.
    expect(scan.toString()).toContain('inversionAttempts');
    expect(js).not.toContain('inversionAttempts');
    expect(booth.bundle.gzipBytes + booth.worker.gzipBytes + booth.css.gzipBytes).toBeLessThan(200 * 1024);
  });

  it('fills the field with the QR code, stops the camera, and the voter casts', async () => {
    const v = e.voters[0]!;
    const code = parseCredentialCode(v.credential).code;
    const page = await signInAndScan(await chromiumFilming('right', code), 'kk', v, code);
    expect(await page.locator('#credential-status').textContent()).toBe(CATALOGS.kk['cred.ok']);
    const before = ballots();
    await page.click('#credential-submit');
    await heading(page, 'kk', 'ballot.heading');
    await page.check(`input[data-option="${e.options[1]}"]`);
    await page.click('#ballot-submit');
    await heading(page, 'kk', 'review.heading');
    await page.click('#encrypt');
    await heading(page, 'kk', 'cast.heading');
    await page.click('#cast');
    await heading(page, 'kk', 'receipt.heading');
    const tracker = await page.getAttribute('#receipt-tracker', 'data-tracker');
    expect((await e.h.api('GET', `/api/elections/${e.id}/ballots/${tracker}`)).status).toBe(200);
    expect(ballots()).toBe(before + 1);
  });

  it('a QR of a code with a wrong character: the check characters catch it, nothing is cast', async () => {
    const v = e.voters[1]!;
    const code = parseCredentialCode(v.credential).code;
    const typo = code.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const page = await signInAndScan(await chromiumFilming('typo', typo), 'ru', v, typo);
    const status = page.locator('#credential-status');
    expect(await status.textContent()).toBe(CATALOGS.ru['cred.checksum']);
    const before = ballots();
    await page.click('#credential-submit');
    await heading(page, 'ru', 'cred.heading');
    expect(await status.textContent()).toBe(CATALOGS.ru['cred.checksum']);
    expect(await page.getAttribute('#credential', 'aria-invalid')).toBe('true');
    await screenshot(page, SUITE, 'ru-typo');
    expect(ballots()).toBe(before);
  });

  it('with no camera the booth says so and the voter types the code', async () => {
    // Chromium without a fake device: this machine has no camera, so getUserMedia fails.
    const browser = await launchChromium();
    browsers.push(browser);
    const page = await browser.newPage();
    await page.goto(`${e.h.url}/elections/${e.id}/booth?lang=en`);
    await heading(page, 'en', 'signin.heading');
    await page.fill('#iin', e.voters[2]!.iin);
    await page.fill('#login-code', e.voters[2]!.loginCode);
    await page.click('#signin-submit');
    await heading(page, 'en', 'cred.heading');
    await page.click('#scan');
    await expect
      .poll(() => page.locator('.scanner [role=status]').textContent(), { timeout: 15_000 })
      .toBe(CATALOGS.en['cred.scanFailed']);
    expect(await page.locator('#scan-video').count()).toBe(0);
    expect(await page.textContent('#scan')).toBe(CATALOGS.en['cred.scan']);
  });

  it('broke no Content-Security-Policy and threw nothing', () => {
    expect(pageErrors).toEqual([]);
  });
});
