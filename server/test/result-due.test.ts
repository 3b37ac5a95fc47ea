/**
 * The result's deadline (SPEC §10.12): due 3 days after voting closes; the observer page shows it
 * written out in its language, and "late" from the server's clock once it passes without a result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTime } from '@saylau/protocol/dates';
import { defaultCalendar, resultDue, resultLate } from '../src/elections/calendar.ts';
import { ELECTION_DAY, openElectionFixture, startHarness, type Harness } from '@saylau/test-kit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('the result deadline', () => {
  it('is 3 days after voting closes, at the same local time, and late only without a result', () => {
    const c = defaultCalendar('2026-12-20');
    expect(resultDue(c)).toBe('2026-12-23T20:00:00+05:00');
    const before = new Date('2026-12-23T19:59:59+05:00');
    const at = new Date('2026-12-23T20:00:00+05:00');
    expect(resultLate(c, 'closed', before)).toBe(false);
    expect(resultLate(c, 'closed', at)).toBe(true);
    expect(resultLate(c, 'open', at)).toBe(true);
    expect(resultLate(c, 'finished', at)).toBe(false);
  });

  it('shows the deadline on the observer page in kk, ru and en, and "late" once it passes', async () => {
    const e = openElectionFixture(h, { voters: 3 });
    const due = resultDue(defaultCalendar(ELECTION_DAY));
    const late = { kk: 'кешікті', ru: 'просрочено', en: 'late' } as const;
    const pageAt = async (lang: 'kk' | 'ru' | 'en') =>
      (await fetch(`${h.url}/elections/${e.id}?lang=${lang}`)).text();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      h.now.value = new Date('2026-12-23T19:59:00+05:00');
      const onTime = await pageAt(lang);
      expect(onTime).toContain(formatTime(lang, due));
      expect(onTime).not.toContain('id="result-late"');
      h.now.value = new Date('2026-12-23T20:00:00+05:00');
      const past = await pageAt(lang);
      expect(past).toMatch(new RegExp(`id="result-late">${late[lang]}`));
    }
  });
});
