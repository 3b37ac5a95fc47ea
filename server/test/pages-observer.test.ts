/**
 * Observer pages over real HTTP: a whole small election through the demo's steps, then
 * the public pages: status, CSP, languages, escaping, the candidates, ballots per hour and the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../src/elections/calendar.ts';
import { ELECTION_DAY, finishElection, prepareElection, castAll, createGrantedElection } from '@saylau/tools';
import { startHarness, type Harness } from '@saylau/test-kit';
import { ENTRY_TYPES } from '@saylau/protocol/entries';

const DAY = ELECTION_DAY;
let h: Harness;
let dir: string;
let counts: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-pages-'));
  h = await startHarness(new Date(localTime(DAY, 40, '09:00')));
  const prepared = await prepareElection(h.server, h.now, { voters: 12, outDir: dir, seed: 3, id: 'obs-1' });
  const { actors, people } = prepared;
  // A second election, later in the year, whose district names try to inject markup.
  await createGrantedElection(actors, {
    id: 'evil',
    district: { kk: '<script>alert(1)</script>', ru: '"><img src=x>', en: "O'Neil & <b>Co</b>" },
    electionDay: '2027-06-13',
  });
  // Ballots in two hours of the day, for the ballots-per-hour chart.
  h.now.value = new Date(localTime(DAY, 0, '09:10'));
  await castAll(actors, 'obs-1', people.slice(0, 5), { seed: 1, revoteShare: 0, concurrency: 2 });
  h.now.value = new Date(localTime(DAY, 0, '11:30'));
  await castAll(actors, 'obs-1', people.slice(5), { seed: 2, revoteShare: 0, concurrency: 2 });
  counts = (await finishElection(h.server, h.now, prepared)).result.contests[0]!.counts;
}, 120_000);

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => h.api('GET', path);

describe('observer pages', () => {
  it('the overview shows the result as a bar chart with the published counts and the winner', async () => {
    const r = await get('/elections/obs-1?lang=en');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    expect(r.text).not.toMatch(/\sstyle=/);
    const shown = [...r.text.matchAll(/<td class="num count">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(counts);
    expect(r.text).toContain('<svg');
    expect(r.text).toMatch(/Elected|repeat/i);
    expect(r.text).toContain('Seitova Gulmira');
    expect(r.text).toContain('Against all');
    // How to verify: download, run, and the voting-day mirror loop; or the verifier page, given this board.
    expect(r.text).toContain('npx saylau-verify obs-1.board.jsonl');
    expect(r.text).toContain('/api/elections/obs-1/board --mirror obs-1.board.jsonl');
    expect(r.text).toMatch(/href="\/verify\?lang=\w\w&amp;board=%2Fapi%2Felections%2Fobs-1%2Fboard"/);
  });

  it('lists the registered candidates with their routes and signature counts against the threshold', async () => {
    const r = await get('/elections/obs-1?lang=ru');
    expect(r.text).toContain('Общественное объединение: ОО «Сельская молодёжь»');
    expect(r.text).toContain('Самовыдвижение');
    // An assembly's date written out and its place, in the page's language (SPEC §10.4).
    expect(r.text).toMatch(/Собрание граждан, \d{1,2} [а-я]+ \d{4} года, село Акбулак, дом культуры/);
    // 12 voters: threshold ceil(0.12) = 1; the demo collects threshold + 1 signatures.
    expect(r.text).toMatch(/<span class="sig"\s*>\s*2 подписи из 1 необходимых\s*<\/span/);
    const kk = await get('/elections/obs-1?lang=kk');
    expect(kk.text).toMatch(/Азаматтар жиналысы, [^,]+, Ақбұлақ ауылы, мәдениет үйі/);
    expect(kk.text).toMatch(/<span class="sig"\s*>\s*қажетті 1 қолдың 2 қолы жиналды\s*<\/span/);
    // The refused fifth nominee (Тулеуов) is not a candidate.
    expect(r.text).not.toContain('Тулеуов');
  });

  it('draws ballots per hour from the hours voters signed in', async () => {
    const r = await get('/elections/obs-1?lang=en');
    expect(r.text).toContain('Ballots per hour');
    // 5 voters at 09:10 (token issued 09:10 → hour 09), 7 at 11:30, nothing at 10.
    expect(r.text).toMatch(/>\s*5\s*<\/text>[\s\S]*?>\s*09:00\s*</);
    expect(r.text).toMatch(/>\s*0\s*<\/text>[\s\S]*?>\s*10:00\s*</);
    expect(r.text).toMatch(/>\s*7\s*<\/text>[\s\S]*?>\s*11:00\s*</);
  });

  it('counts voters and trustees in the plural form of each language', async () => {
    const ru = (await get('/elections/obs-1?lang=ru')).text;
    expect(ru).toMatch(/12 избирателей/);
    const m = /\((\d+) (доверенное лицо|доверенных лица|доверенных лиц)/.exec(ru)!;
    const form = { one: 'доверенное лицо', few: 'доверенных лица', many: 'доверенных лиц' } as Record<
      string,
      string
    >;
    expect(m[2]).toBe(form[new Intl.PluralRules('ru').select(Number(m[1]))]);
    expect((await get('/elections/obs-1?lang=en')).text).toMatch(/12 voters/);
  });

  it('gives the live board the name of every entry type in the page language', async () => {
    const r = await get('/elections/obs-1/live?lang=kk');
    const types = /data-types="([^"]*)"/.exec(r.text)![1]!.replaceAll('&quot;', '"');
    const names = JSON.parse(types) as Record<string, string>;
    expect(names.ballot).toBe('Бюллетень');
    expect(names['voting-opened']).toBe('Дауыс беру ашылды');
    expect(names['dkg-dealing']).toBe('Кілт үлестері таратылды');
    expect(Object.keys(names)).toEqual([...ENTRY_TYPES]);
    expect(r.text).toContain('>Хеш<');
  });

  it('speaks Kazakh by default, Russian and English on request, and falls back to Kazakh', async () => {
    expect((await get('/elections/obs-1')).text).toContain('<html lang="kk"');
    expect((await get('/elections/obs-1')).text).toContain('Кандидаттар');
    expect((await get('/elections/obs-1?lang=ru')).text).toContain('Кандидаты');
    expect((await get('/elections/obs-1?lang=en')).text).toContain('Candidates');
    expect((await get('/elections/obs-1?lang=xx')).text).toContain('<html lang="kk"');
  });

  it('escapes every name taken from the election', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const r = await get(`/elections/evil?lang=${lang}`);
      expect(r.status).toBe(200);
      expect(r.text).not.toContain('<script>alert');
      expect(r.text).not.toContain('<img src=x>');
      expect(r.text).not.toContain('<b>Co</b>');
    }
    expect((await get('/elections/evil?lang=kk')).text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await get('/elections/evil?lang=en')).text).toContain('O&#39;Neil &amp; &lt;b&gt;Co&lt;/b&gt;');
  });

  it('answers an unknown or malformed election with an HTML 404, never a 500', async () => {
    for (const p of [
      '/elections/nope',
      '/elections/..%2f..',
      '/elections/%3Cscript%3E/live',
      '/elections/nope/live',
    ]) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(r.text).not.toContain('<script>');
    }
  });

  it('the live board page loads its bundled script from /assets, which is served immutable', async () => {
    const r = await get('/elections/obs-1/live?lang=en');
    expect(r.status).toBe(200);
    const src = /<script type="module" src="(\/assets\/live\/[0-9a-f]{16}\.live\.js)"><\/script>/.exec(
      r.text,
    )?.[1];
    expect(src).toBeDefined();
    expect(r.text).toContain('data-election="obs-1"');
    const js = await get(src!);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await get(src!.replace(/[0-9a-f]{16}/, '0'.repeat(16)))).status).toBe(404);
    expect((await get('/assets/live.js')).status).toBe(404);
  });

  it('the election list links each election to its overview', async () => {
    const r = await get('/?lang=en');
    expect(r.text).toContain('href="/elections/obs-1?lang=en"');
  });
});
