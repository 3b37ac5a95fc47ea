/**
 * The observer page of a referendum over real HTTP: no candidates section, each question
 * with its yes/no bar chart, counts, shares and adopted/rejected, from a real ceremony and tally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptTally, type BoardSource } from '@saylau/tools';
import {
  startHarness,
  type Harness,
  ceremonyElectionFixture,
  insertBallot,
  type TrusteeHandle,
} from '@saylau/test-kit';

let h: Harness;
const ID = 'ref-page';
const q = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });

beforeAll(async () => {
  h = await startHarness();
  const e = await ceremonyElectionFixture(h, {
    id: ID,
    n: 3,
    t: 2,
    election: {
      kind: 'referendum',
      demo: true, // closes before the calendar's end
      questions: [
        { id: 'road', text: q('Build the <road>?'), subject: 'local-amenities' },
        { id: 'school', text: q('Repair the school?'), subject: 'local-amenities' },
      ],
    },
  });
  // [road, school]: 0 = yes, 1 = no. road 3 yes / 1 no (adopted), school 1 yes / 3 no (rejected).
  for (const [cred, choice] of [
    [0, [0, 1]],
    [1, [0, 0]],
    [2, [1, 1]],
    [3, [0, 1]],
  ] as const)
    insertBallot(h, e, e.credentials[cred]!.keys, [...choice]);
  expect((await h.api('POST', `/api/elections/${ID}/close`, {}, e.commission)).status).toBe(200);
  const board: BoardSource = async (id) => [...h.server.ctx.board.exportLines(id)].join('');
  const [t1, t2] = e.trustees as TrusteeHandle[];
  await decryptTally(t1!.api, t1!.file, { board });
  await decryptTally(t2!.api, t2!.file, { board });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Each contest block of the page: its question, the table's [option id, count] and the outcome text. */
function contests(text: string) {
  return [
    ...text.matchAll(
      /<div class="contest" data-contest="([^"]+)">([\s\S]*?)<p class="outcome">([\s\S]*?)<\/p>/g,
    ),
  ].map((m) => ({
    id: m[1],
    question: /<h3>([\s\S]*?)<\/h3>/.exec(m[2]!)?.[1]?.trim(),
    chart: m[2]!.includes('<svg'),
    rows: [
      ...m[2]!.matchAll(
        /<tr data-option="([^"]+)">[\s\S]*?<td class="num count">(\d+)<\/td>\s*<td class="num">([^<]*)<\/td>/g,
      ),
    ].map((r) => [r[1], Number(r[2]), r[3]!.trim()]),
    outcome: m[3]!.replace(/<[^>]+>/g, '').trim(),
  }));
}

describe('the observer page of a referendum', () => {
  it('shows each question with yes/no counts, shares, a bar chart and adopted or rejected', async () => {
    const r = await h.api('GET', `/elections/${ID}?lang=en`);
    expect(r.status).toBe(200);
    const cs = contests(r.text);
    expect(cs.map((c) => c.id)).toEqual(['road', 'school']);
    expect(cs[0]!.question).toBe('Build the &lt;road&gt;?');
    expect(cs[1]!.question).toBe('Repair the school?');
    expect(cs.every((c) => c.chart)).toBe(true);
    const result = (await h.api('GET', `/api/elections/${ID}/result`)).body;
    expect(result.result.contests.map((c: { counts: number[] }) => c.counts)).toEqual([
      [3, 1, 0],
      [1, 3, 0],
    ]);
    expect(cs[0]!.rows.map((x) => [x[0], x[1]])).toEqual([
      ['yes', 3],
      ['no', 1],
      ['abstain', 0],
    ]);
    expect(cs[1]!.rows.map((x) => [x[0], x[1]])).toEqual([
      ['yes', 1],
      ['no', 3],
      ['abstain', 0],
    ]);
    expect(cs[0]!.rows.map((x) => x[2])).toEqual(['75.00 %', '25.00 %', '0.00 %']);
    expect(cs[0]!.outcome).toBe('Adopted');
    expect(cs[1]!.outcome).toBe('Rejected');
    expect(r.text).not.toContain('<script>');
    expect(r.text).not.toContain('<road>');
  });

  it('has no candidates section and says adopted/rejected in Kazakh and Russian too', async () => {
    for (const [lang, heading] of [
      ['kk', 'Кандидаттар'],
      ['ru', 'Кандидаты'],
      ['en', 'Candidates'],
    ] as const) {
      const r = await h.api('GET', `/elections/${ID}?lang=${lang}`);
      expect(r.text, lang).not.toContain(`<h2>${heading}</h2>`);
      const cs = contests(r.text);
      const suffix = lang === 'en' ? '' : ` (${lang})`;
      expect(
        cs.map((c) => c.question),
        lang,
      ).toEqual([`Build the &lt;road&gt;?${suffix}`, `Repair the school?${suffix}`]);
      expect(cs[0]!.outcome).not.toBe(cs[1]!.outcome);
      expect(cs[0]!.outcome.length).toBeGreaterThan(0);
    }
  });

  it('titles each chart with its question, labels the bars yes and no and stresses the side that carried', async () => {
    const r = await h.api('GET', `/elections/${ID}?lang=ru`);
    const charts = [...r.text.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toMatch(/<title>Build the &lt;road&gt;\? \(ru\)<\/title>/);
    expect(charts[1]).toMatch(/<title>Repair the school\? \(ru\)<\/title>/);
    // The stressed bar is drawn bold; adopted stresses yes, rejected stresses no.
    const bold = (svg: string) =>
      [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>\s*([^<]*?)\s*</g)].map((m) => m[1]);
    expect(bold(charts[0]!)).toEqual(['Да']);
    expect(bold(charts[1]!)).toEqual(['Нет']);
  });
});
