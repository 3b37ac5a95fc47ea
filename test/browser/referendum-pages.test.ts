/**
 * A local referendum's result in real Chromium at phone width (SPEC §10.2, §10.12, §10.15): a
 * question with "yes", "no" and "abstain" that too few voters took part in — the observer page and
 * the printable result protocol name the turnout rule and say the question is not valid, in Kazakh,
 * Russian and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { decryptTally, type BoardSource } from '@saylau/tools';
import {
  ceremonyElectionFixture,
  insertBallot,
  startHarness,
  type Harness,
  type TrusteeHandle,
} from '@saylau/test-kit';
import { launchChromium, screenshot } from './chromium.ts';

const SUITE = 'referendum-pages';
const ID = 'ref-turnout';
const PHONE = { width: 360, height: 780 };

let h: Harness;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  browser = await launchChromium();
  const e = await ceremonyElectionFixture(h, {
    id: ID,
    n: 3,
    t: 2,
    election: {
      kind: 'referendum',
      demo: true,
      questions: [
        {
          id: 'well',
          subject: 'local-amenities',
          text: {
            kk: 'Ауылда құдық қазу керек пе?',
            ru: 'Копать ли колодец в селе?',
            en: 'Dig a well in the village?',
          },
        },
      ],
    },
  });
  // 3 of the 6 on the roll: yes, yes, abstain — not more than half (R0).
  for (const [cred, choice] of [
    [0, 0],
    [1, 0],
    [2, 2],
  ] as const)
    insertBallot(h, e, e.credentials[cred]!.keys, [choice]);
  expect((await h.api('POST', `/api/elections/${ID}/close`, {}, e.commission)).status).toBe(200);
  const boardOf: BoardSource = async (id) => [...h.server.ctx.board.exportLines(id)].join('');
  const [t1, t2] = e.trustees as TrusteeHandle[];
  await decryptTally(t1!.api, t1!.file, { board: boardOf });
  await decryptTally(t2!.api, t2!.file, { board: boardOf });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const WORDS = {
  kk: {
    rule: 'сайлаушылардың 50 %-ынан астамы қатысса ғана жарамды',
    outcome: 'Жарамсыз: қатысу',
    abstain: 'Қалыс қаламын',
  },
  ru: {
    rule: 'только если примут участие более 50 %',
    outcome: 'Недействителен: явка',
    abstain: 'Воздерживаюсь',
  },
  en: {
    rule: 'more than 50 % of the voters on the roll take part',
    outcome: 'Not valid: turnout',
    abstain: 'Abstain',
  },
} as const;

describe('a referendum not valid for turnout', () => {
  for (const lang of ['kk', 'ru', 'en'] as const)
    it(`shows the rule, the abstentions and the outcome on the observer page and the protocol (${lang})`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      try {
        await page.goto(`${h.url}/elections/${ID}?lang=${lang}`);
        const result = (await page.textContent('#result')) ?? '';
        for (const w of Object.values(WORDS[lang])) expect(result).toContain(w);
        expect(await page.textContent('#result .outcome')).toContain(WORDS[lang].outcome);
        await screenshot(page, SUITE, `phone-${lang}-observer`);
        await page.goto(`${h.url}/api/elections/${ID}/result/protocol?lang=${lang}`);
        const protocol = (await page.textContent('body')) ?? '';
        for (const w of Object.values(WORDS[lang])) expect(protocol).toContain(w);
        await screenshot(page, SUITE, `phone-${lang}-protocol`);
      } finally {
        await page.close();
      }
    });
});
