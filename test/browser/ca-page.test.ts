/**
 * The credential authority's page in real Chromium (SPEC §10.7, §10.15): the authority signs in on
 * /admin, takes the roll, makes the codes in the browser, downloads letters, codes, the public list
 * and the owner map, and publishes; the server's list is the page's, and no request the page sends
 * holds a code. With the network cut, the codes are made from a roll file saved from the page and
 * published once the network is back. Refusals are shown in the page's language.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseCsv } from 'csv-parse/sync';
import { deriveCredentialKeys, parseCredentialCode, publicCredentialList } from '@saylau/crypto';
import { credentialListFingerprint } from '@saylau/protocol';
import { REFUSALS, type RefusalKey } from '@saylau/protocol/refusals';
import { csvValue, localTime } from '@saylau/server';
import { createActors, createDemoElection, demoVoters, importRoll, type Actors } from '@saylau/tools';
import { startHarness, type Harness } from '@saylau/test-kit';
import { launchChromium, screenshot } from './chromium.ts';

const SUITE = 'ca-page';
const DAY = '2027-03-14';
/** Published through the page online; then published again, refused. */
const ID = 'ca-1';
/** Made with the network cut, from a saved roll file. */
const OFFLINE = 'ca-2';
const AUTHORITY = 'demo-credentials';
const PHONE = { width: 360, height: 780 };

let h: Harness;
let actors: Actors;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness(new Date(localTime(DAY, 40, '09:00')));
  actors = await createActors(h.server.ctx, h.url);
  browser = await launchChromium();
  for (const [id, seed] of [
    [ID, 5],
    [OFFLINE, 6],
  ] as const) {
    await createDemoElection(actors, id, DAY);
    await importRoll(actors, id, demoVoters(9, DAY, seed));
  }
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** A phone-sized browser whose every request body is kept, to look for codes in. */
async function phone(): Promise<{ context: BrowserContext; page: Page; bodies: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const bodies: string[] = [];
  context.on('request', (r) => bodies.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  return { context, page: await context.newPage(), bodies };
}

/** Sign in on the commission page, as a person does; the session cookie serves every tab. */
async function signIn(page: Page, user: string, lang: string) {
  await page.goto(`${h.url}/admin?lang=${lang}`);
  await page.fill('#signin-name', user);
  await page.fill('#signin-password', actors.passwords.get(user)!);
  await page.click('#signin button[type="submit"]');
  await expect.poll(() => page.textContent('#whoami')).toContain(user);
}

async function openPage(page: Page, id: string, lang: string) {
  await page.goto(`${h.url}/credentials/elections/${id}?lang=${lang}`);
  await page.waitForSelector('#steps', { state: 'visible' });
}

/** Press a button and wait for its outcome in the notice. */
async function press(page: Page, id: string): Promise<string> {
  const strings = await page.evaluate<string>('document.body.dataset.strings');
  const busy = (JSON.parse(strings) as Record<string, string>).working!;
  await page.click(`#${id}`);
  await expect
    .poll(async () => (await page.textContent('#notice')) ?? '', { timeout: 60_000 })
    .not.toMatch(new RegExp(`^(${busy})?$`));
  return (await page.textContent('#notice')) ?? '';
}

/** The text of a downloaded file, from clicking link `id`. */
async function download(page: Page, id: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** The refusal in the notice: the text of `code` in `lang`, the code in small print. */
async function refused(page: Page, code: string, lang: 'kk' | 'ru') {
  await expect.poll(() => page.getAttribute('#notice .refusal', 'data-code')).toBe(code);
  expect(await page.textContent('#notice')).toContain(REFUSALS[lang][`err.${code}` as RefusalKey]);
}

interface Files {
  codes: { voter: string; code: string }[];
  letters: string;
  list: string[];
  owners: { voter: string; credential: string }[];
}

/** Download the four files and check them against each other and the page's fingerprint. */
async function downloadAll(page: Page, id: string): Promise<Files> {
  const csv = await download(page, 'ca-dl-codes');
  const letters = await download(page, 'ca-dl-letters');
  const pub = await download(page, 'ca-dl-public');
  const own = await download(page, 'ca-dl-owners');
  expect([csv.name, letters.name, pub.name, own.name]).toEqual([
    'codes.csv',
    'letters.html',
    'public-credentials.json',
    'credential-owners.json',
  ]);
  const rows = parseCsv(csv.text, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
  const codes = rows.map((r) => ({ voter: csvValue(r[1]!), code: r[7]! }));
  const { list, count, election } = JSON.parse(pub.text) as {
    list: string[];
    count: number;
    election: string;
  };
  const owners = (JSON.parse(own.text) as { owners: { voter: string; credential: string }[] }).owners;
  expect([election, count, codes.length, owners.length]).toEqual([id, 9, 9, 9]);
  // Each code is on its voter's letter, its key on the list and in the owner map under its voter.
  for (const c of codes) {
    expect(letters.text).toContain(c.code);
    const key = deriveCredentialKeys(id, c.code).publicKeyText;
    expect(owners).toContainEqual({ voter: c.voter, credential: key });
  }
  expect(list).toEqual(
    publicCredentialList(
      id,
      codes.map((c) => parseCredentialCode(c.code).code),
    ),
  );
  expect(await page.textContent('#ca-fingerprint')).toBe(credentialListFingerprint(list));
  return { codes, letters: letters.text, list, owners };
}

/** The list the server put on the board, and who it says holds which key. */
function serverLists(id: string) {
  const entry = h.server.ctx.board.latest(id, 'credentials')!;
  const owners = h.server.ctx.db
    .prepare('SELECT voter, public_key AS credential FROM credential_owners WHERE election = ?')
    .all(id) as { voter: string; credential: string }[];
  return { list: (entry.payload as { list: string[] }).list, owners };
}

/** No request body the page sent holds a code, in either of its written forms. */
function expectNoCode(bodies: string[], files: Files) {
  const all = bodies.join('\n');
  expect(all).toContain('/credentials');
  for (const c of files.codes) {
    expect(all).not.toContain(c.code);
    expect(all).not.toContain(parseCredentialCode(c.code).code);
  }
}

describe('the credential authority page', () => {
  it(
    'makes the codes in the browser, offers the files and publishes only the lists',
    { timeout: 120_000 },
    async () => {
      const { context, page, bodies } = await phone();
      await signIn(page, AUTHORITY, 'kk');
      await openPage(page, ID, 'kk');
      expect(await page.textContent('#whoami')).toContain('кодтар уәкілі');
      await screenshot(page, SUITE, 'phone-kk-start');
      expect(await press(page, 'ca-load')).toContain('9 сайлаушы');
      expect(await press(page, 'ca-make')).toContain('9 дауыс беру коды жасалды');
      // Made once: the codes of letters already printed stay the ones published.
      expect(await page.isDisabled('#ca-make')).toBe(true);
      await screenshot(page, SUITE, 'phone-kk-made');
      const files = await downloadAll(page, ID);
      expect(await press(page, 'ca-publish')).toContain('Жарияланды');
      const server = serverLists(ID);
      expect(server.list).toEqual(files.list);
      expect(credentialListFingerprint(server.list)).toBe(await page.textContent('#ca-fingerprint'));
      const byVoter = (a: { voter: string }, b: { voter: string }) => (a.voter < b.voter ? -1 : 1);
      expect([...server.owners].sort(byVoter)).toEqual([...files.owners].sort(byVoter));
      expectNoCode(bodies, files);
      // Nothing of the codes is kept by the browser beyond the page.
      expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
      expect((await context.cookies()).map((c) => c.name)).toEqual(['saylau.session']);

      // Publishing again, from a new tab (the sign-in holds): refused, in Kazakh.
      const again = await context.newPage();
      await openPage(again, ID, 'kk');
      await press(again, 'ca-load');
      await press(again, 'ca-make');
      await press(again, 'ca-publish');
      await refused(again, 'CREDENTIALS_EXIST', 'kk');
      await screenshot(again, SUITE, 'phone-kk-refused');
      await context.close();
    },
  );

  it(
    'makes the codes with the network cut, from a saved roll file; publishes when back online',
    { timeout: 120_000 },
    async () => {
      const { context, page, bodies } = await phone();
      await signIn(page, AUTHORITY, 'ru');
      await openPage(page, OFFLINE, 'ru');
      await press(page, 'ca-load');
      const roll = await download(page, 'ca-roll-save');
      expect(JSON.parse(roll.text)).toMatchObject({ election: OFFLINE, count: 9 });

      const cut = await context.newPage();
      await openPage(cut, OFFLINE, 'ru');
      await context.setOffline(true);
      await cut.setInputFiles('#ca-roll-file', {
        name: roll.name,
        mimeType: 'application/json',
        buffer: Buffer.from(roll.text),
      });
      // The file is read asynchronously: wait for the page to say what it loaded.
      await expect
        .poll(async () => (await cut.textContent('#notice')) ?? '', { timeout: 10_000 })
        .toContain('9 избирателей');
      expect(await press(cut, 'ca-make')).toContain('Создано 9 кодов для голосования');
      expect(await cut.getAttribute('#ca-progress', 'value')).toBe('1');
      const files = await downloadAll(cut, OFFLINE);
      await screenshot(cut, SUITE, 'phone-ru-offline');
      await press(cut, 'ca-publish');
      await refused(cut, 'NETWORK', 'ru');
      await context.setOffline(false);
      expect(await press(cut, 'ca-publish')).toContain('Опубликовано');
      expect(serverLists(OFFLINE).list).toEqual(files.list);
      expectNoCode(bodies, files);

      // A roll file of another election is refused, in Russian.
      await cut.reload();
      await cut.waitForSelector('#steps', { state: 'visible' });
      await cut.setInputFiles('#ca-roll-file', {
        name: roll.name,
        mimeType: 'application/json',
        buffer: Buffer.from(roll.text.replace(`"election": "${OFFLINE}"`, `"election": "${ID}"`)),
      });
      await refused(cut, 'MANIFEST_MISMATCH', 'ru');
      await context.close();
    },
  );

  it('is for the credential authority holding the election only', { timeout: 60_000 }, async () => {
    const { context, page } = await phone();
    await signIn(page, 'demo-commission', 'ru');
    await page.goto(`${h.url}/credentials/elections/${ID}?lang=ru`);
    await refused(page, 'FORBIDDEN', 'ru');
    expect(await page.isVisible('#steps')).toBe(false);
    await screenshot(page, SUITE, 'phone-ru-forbidden');
    await context.close();
  });
});
