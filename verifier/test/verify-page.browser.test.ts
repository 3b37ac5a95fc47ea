/**
 * The verifier page (SPEC §11.5) in real Chromium, on one demo election of about 1,000 ballots (the
 * demo's voters with their 5 % revotes), made once for this file: the built file opened from disk
 * (file://, 360 px wide) reads the board from the server's address (origin null: the board answers
 * any origin) and verifies it, with a superseded receipt reported as such; the page served at /verify
 * (under its own Content-Security-Policy) and the file each catch a tampered board — a ballot deleted
 * and the chain re-hashed, and an altered encrypted tally — naming the failing checks and entries,
 * exactly the failures the command line reports for the same board.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ballotTracker, signDocument } from '@saylau/crypto';
import type { Lang } from '@saylau/protocol/lang';
import { loadServerKeys, openDatabase, startServer, type RunningServer } from '@saylau/server';
import { runDemo, type DemoResult } from '@saylau/tools';
import { axeSeriousViolations, launchChromium, screenshot } from '../../test/browser/chromium.ts';
import { message } from '../src/catalog.ts';
import { pageText } from '../src/page/catalog.ts';
import { CHECK_IDS } from '../src/report.ts';
import type { Report } from '../src/verify.ts';
import {
  countedBallotIndices,
  indexOfType,
  parseBoard,
  randomPoint,
  tamper,
  type Entry,
} from './tamper-helpers.ts';

const SUITE = 'verify-page';
const ROOT = join(import.meta.dirname, '..', '..');
const PAGE_FILE = join(ROOT, 'dist', 'saylau-verify.html');
/** With the demo's 5 % revotes, a little over 1,000 ballots. */
const VOTERS = 960;
/** A page that has not verified 1,000 ballots in this long is broken, not slow. */
const VERIFY_MS = 240_000;

let dir = '';
let demo: DemoResult;
let text = '';
let entries: Entry[] = [];
let server: RunningServer;
let browser: Browser;
/** A receipt of a ballot that a later ballot of the same credential replaced, and that later one. */
let superseded: { file: string; first: Entry; last: Entry };

/** A cast receipt as the server signs it (SPEC §10.9.2), with the server's key from the demo's data. */
function receiptOf(e: Entry, key: Uint8Array) {
  const receipt = {
    election: demo.election,
    tracker: ballotTracker(e.payload),
    seq: e.seq,
    hash: e.hash,
    checkpoint: { election: demo.election, seq: e.seq, head: e.hash },
  };
  return { receipt, signature: signDocument('receipt', receipt, key) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-verify-page-'));
  demo = await runDemo({ voters: VOTERS, outDir: dir, seed: 8 });
  text = readFileSync(demo.boardFile, 'utf8');
  entries = parseBoard(text);
  const db = openDatabase(join(dir, 'data', 'saylau.sqlite'));
  const key = loadServerKeys(db).board.secretKey;
  db.close();
  const byCredential = new Map<string, Entry[]>();
  for (const b of entries.filter((e) => e.type === 'ballot'))
    byCredential.set(b.payload.credential, [...(byCredential.get(b.payload.credential) ?? []), b]);
  const revoted = [...byCredential.values()].find((bs) => bs.length > 1)!;
  const [first, last] = [revoted[0]!, revoted.at(-1)!];
  superseded = { file: join(dir, 'receipt.json'), first, last };
  writeFileSync(superseded.file, JSON.stringify(receiptOf(first, key)));
  server = await startServer({ dataDir: join(dir, 'data'), log: () => undefined });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page that records what must not happen: script errors and refusals by the page's policy. */
async function openPage(url: string, viewport = { width: 360, height: 780 }) {
  const page = await browser.newPage({ viewport, isMobile: true, hasTouch: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const response = await page.goto(url);
  return { page, problems, workers, response };
}

/** Press Verify and wait for the report; the seconds it took. */
async function verifyOnPage(page: Page): Promise<number> {
  const started = performance.now();
  await page.click('#verify');
  await page.waitForSelector('#report, #error', { timeout: VERIFY_MS });
  const error = await page
    .locator('#error')
    .textContent({ timeout: 1 })
    .catch(() => null);
  expect(error, 'the page refused or stopped').toBeNull();
  return (performance.now() - started) / 1000;
}

/** Every failure the page shows, as `check@seq` (seq `none` for a failure about no one entry). */
async function failuresOnPage(page: Page): Promise<string[]> {
  return page.$$eval('li.check', (checks) =>
    checks.flatMap((c) =>
      Array.from(c.querySelectorAll('ul.failures > li')).map(
        (f) => `${c.getAttribute('data-check')}@${f.getAttribute('data-seq')}`,
      ),
    ),
  );
}

const statusOf = (page: Page, id: string) =>
  page.locator(`li.check[data-check="${id}"]`).getAttribute('data-status');

/** What the command line (dist/saylau-verify.mjs, the same verifier code) reports on a board. */
function cliReport(board: string): Report {
  const file = join(dir, `cli-${createHash('sha256').update(board).digest('hex').slice(0, 8)}.jsonl`);
  writeFileSync(file, board);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'saylau-verify.mjs'), file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(r.stdout) as Report;
}

const cliFailures = (r: Report) => r.failures.map((f) => `${f.check}@${f.seq ?? 'none'}`);

async function chooseBoard(page: Page, name: string, board: string) {
  await page.setInputFiles('#board-file', {
    name,
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(board),
  });
}

describe('the verifier page', () => {
  it('from disk, on a phone: verifies the 1,000-ballot board fetched from the server and says the receipt was superseded', async () => {
    const ballots = entries.filter((e) => e.type === 'ballot').length;
    expect(ballots).toBeGreaterThanOrEqual(1000);
    const lang: Lang = 'en';
    const { page, problems, workers } = await openPage(`${pathToFileURL(PAGE_FILE).href}?lang=${lang}`);
    // What is not a board's address or a signed file is refused in the page's words before anything runs.
    await page.fill('#board-url', 'ftp://example.org/board');
    await page.click('#verify');
    await expect
      .poll(() => page.textContent('#error'))
      .toBe(pageText(lang, 'err.badUrl', { url: 'ftp://example.org/board' }));
    await page.fill('#board-url', `${server.url}/api/elections/${demo.election}/board`);
    await page.setInputFiles('#signed-file', {
      name: 'not-signed.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"receipt":"x"}'),
    });
    await page.click('#verify');
    await expect
      .poll(() => page.textContent('#error'))
      .toBe(pageText(lang, 'err.signed', { name: 'not-signed.json' }));
    await page.click('#signed-chosen button');
    await page.setInputFiles('#signed-file', superseded.file);
    await expect.poll(() => page.textContent('#signed-chosen')).toContain('receipt.json');
    const seconds = await verifyOnPage(page);
    console.log(`verify-page: file:// page verified ${ballots} ballots in ${seconds.toFixed(1)} s`);

    await expect.poll(() => page.getAttribute('#report', 'data-exit-code')).toBe('0');
    expect(await page.textContent('#verdict')).toBe(message(lang, 'cli.verdict0'));
    const statuses = await page.$$eval('li.check', (cs) =>
      cs.map((c) => [c.getAttribute('data-check'), c.getAttribute('data-status')]),
    );
    // Every check passes but those with nothing to check on this board (SPEC §11.1): no earlier
    // export given, no referendum question or initiative, no nomination extension, no complaint, no
    // ceremony restart.
    const skipped = ['1.4', '2.6', '3.4', '3.7', '4.4', '4.6', '4.7'];
    expect(statuses).toEqual(CHECK_IDS.map((id) => [id, skipped.includes(id) ? 'skipped' : 'pass']));
    // The result as published and checked: every option's count.
    const counts = await page.$$eval('#result tbody tr td.num:first-of-type', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    expect(counts).toEqual(demo.result.contests[0]!.counts);
    // The server's signed head was fetched with the board and checked (2.4), and so was the receipt.
    expect(await page.textContent('#report')).toContain('signed head (entry');
    const receipt = page.locator('#receipts li[data-status="superseded"]');
    const by = { by: superseded.last.seq, byTracker: ballotTracker(superseded.last.payload) };
    const p = {
      what: 'receipt[0]',
      tracker: ballotTracker(superseded.first.payload),
      seq: superseded.first.seq,
    };
    expect(await receipt.textContent()).toContain(message(lang, 'cli.receiptSuperseded', { ...p, ...by }));
    expect(await receipt.textContent()).toContain(message(lang, 'cli.receiptSupersededHint'));
    expect(await page.getAttribute('#receipts', 'role')).toBe('alert');
    // The verification ran in workers started from Blobs: the verifier's and its ballot workers.
    expect(workers.length, workers.join(', ')).toBeGreaterThanOrEqual(2);
    expect(workers.every((u) => u.startsWith('blob:'))).toBe(true);
    // 360 px: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, SUITE, 'file-verified-superseded-receipt');
    await page.close();
  });

  it('served at /verify, in Russian: a deleted ballot with the chain re-hashed fails 7.6 and 8.1 at their entries, as on the command line', async () => {
    const s = countedBallotIndices(entries)[10]!;
    const bad = tamper(
      text,
      (es) => {
        es.splice(s, 1);
        return s;
      },
      { rehash: true },
    );
    const cli = cliReport(bad);
    const lang: Lang = 'ru';
    const { page, problems, response } = await openPage(`${server.url}/verify?lang=${lang}`);
    // The file as built, under a policy that allows exactly its own script and style and blob: workers.
    expect(Buffer.from(await response!.body()).equals(readFileSync(PAGE_FILE))).toBe(true);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toContain('unsafe');
    await chooseBoard(page, 'board-without-a-ballot.jsonl', bad);
    await verifyOnPage(page);

    await expect.poll(() => page.getAttribute('#report', 'data-exit-code')).toBe('1');
    expect(await page.textContent('#verdict')).toBe(
      message(lang, 'cli.verdict1', { count: cli.failures.length }),
    );
    for (const id of ['2.1', '2.2', '2.3']) expect(await statusOf(page, id), id).toBe('pass');
    for (const id of ['7.6', '8.1']) expect(await statusOf(page, id), id).toBe('fail');
    // Each failure names its entry: the first ballot whose anchor cites the rewritten part (7.6).
    const anchored = parseBoard(bad).find(
      (e) => e.type === 'ballot' && e.seq >= s && e.payload.anchor.seq >= s,
    )!;
    const first76 = page.locator('li.check[data-check="7.6"] ul.failures > li').first();
    expect(await first76.getAttribute('data-seq')).toBe(String(anchored.seq));
    expect(await first76.textContent()).toContain(message(lang, 'cli.entry', { seq: anchored.seq }));
    expect((await failuresOnPage(page)).sort()).toEqual(cliFailures(cli).sort());
    expect(problems).toEqual([]);
    await screenshot(page, SUITE, 'served-deleted-ballot');
    await page.close();
  });

  it('from disk, in Kazakh: an altered encrypted tally fails 8.2 at the tally entry, as on the command line', async () => {
    const s = indexOfType(entries, 'tally');
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.contests[0].ciphertexts[0].alpha = randomPoint();
        return s;
      },
      { rehash: true },
    );
    const cli = cliReport(bad);
    const lang: Lang = 'kk';
    const { page, problems } = await openPage(`${pathToFileURL(PAGE_FILE).href}?lang=${lang}`);
    await chooseBoard(page, 'altered-tally.jsonl', bad);
    await verifyOnPage(page);

    await expect.poll(() => page.getAttribute('#report', 'data-exit-code')).toBe('1');
    expect(await page.textContent('#verdict')).toBe(
      message(lang, 'cli.verdict1', { count: cli.failures.length }),
    );
    expect(await statusOf(page, '8.2')).toBe('fail');
    const failure = page.locator(`li.check[data-check="8.2"] ul.failures > li[data-seq="${s}"]`);
    expect(await failure.textContent()).toBe(
      `${message(lang, 'cli.entry', { seq: s })}: ${message(lang, 'tallySum', { contest: demo.result.contests[0]!.id, option: 0 })}`,
    );
    expect(await page.locator('#result').count()).toBe(0);
    expect((await failuresOnPage(page)).sort()).toEqual(cliFailures(cli).sort());
    expect(problems).toEqual([]);
    await screenshot(page, SUITE, 'file-altered-tally');
    await page.close();
  });
});
