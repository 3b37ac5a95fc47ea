/**
 * The invitation letters print the real voting window (SPEC §10.7): the days and hours of the
 * calendar in force, in Asia/Almaty time, written out in Kazakh and in Russian.
 */
import { describe, expect, it } from 'vitest';
import { renderLetters, votingWindowText, type LetterCode } from '../src/credentials/letters.ts';
import type { LetterManifest } from '../src/credentials/manifest.ts';

const manifest = (calendar: LetterManifest['calendar'], electionDay = '2026-12-20'): LetterManifest => ({
  election: 'aksu-2026',
  kind: 'akim',
  district: { kk: 'Ақсу ауылдық округі', ru: 'Аксуский сельский округ', en: 'Aksu rural district' },
  electionDay,
  calendar,
});
const code: LetterCode = {
  number: 1,
  code: '7dKq9XmPbR3sTuVwqs',
  voter: {
    surname: 'Ахметов',
    givenName: 'Ерлан',
    patronymic: '',
    settlement: 'Ақсу',
    address: 'Абай к-сі, 1',
  },
};

describe('the voting window on the letters', () => {
  it('gives one day and its hours when voting opens and closes on the same local day', () => {
    const day = { votingOpens: '2026-12-20T07:00:00+05:00', votingCloses: '2026-12-20T20:00:00+05:00' };
    expect(votingWindowText('kk', day)).toBe(
      'Дауыс беру күні: 2026 жылғы 20 желтоқсан, 07:00–20:00 (Алматы уақыты).',
    );
    expect(votingWindowText('ru', day)).toBe(
      'День голосования: 20 декабря 2026 года, 07:00–20:00 (время Алматы).',
    );
  });

  it('gives the day and hour of each end of a window of several days (the demo open for a week)', () => {
    const week = { votingOpens: '2026-12-03T12:34:00+05:00', votingCloses: '2026-12-10T12:35:00+05:00' };
    expect(votingWindowText('kk', week)).toBe(
      'Дауыс беру уақыты: басталуы — 2026 жылғы 3 желтоқсан, 12:34; аяқталуы — 2026 жылғы 10 желтоқсан, 12:35 (Алматы уақыты).',
    );
    expect(votingWindowText('ru', week)).toBe(
      'Голосование: начало — 3 декабря 2026 года, 12:34; окончание — 10 декабря 2026 года, 12:35 (время Алматы).',
    );
  });

  it('reads times in any offset as Almaty time, days included', () => {
    // 02:00Z is 07:00 in Almaty; 19:30Z on the 20th is already 00:30 on the 21st there.
    const utc = { votingOpens: '2026-12-20T02:00:00Z', votingCloses: '2026-12-20T15:00:00Z' };
    expect(votingWindowText('ru', utc)).toBe(
      'День голосования: 20 декабря 2026 года, 07:00–20:00 (время Алматы).',
    );
    const pastMidnight = { votingOpens: '2026-12-31T02:00:00Z', votingCloses: '2026-12-31T19:30:00Z' };
    expect(votingWindowText('kk', pastMidnight)).toBe(
      'Дауыс беру уақыты: басталуы — 2026 жылғы 31 желтоқсан, 07:00; аяқталуы — 2027 жылғы 1 қаңтар, 00:30 (Алматы уақыты).',
    );
  });

  it('prints the window of the calendar, not election day with the opening and closing minutes', async () => {
    // The seeded demo's calendar: election day is the day it was seeded, voting open for seven days.
    const html = await renderLetters(
      manifest(
        { votingOpens: '2026-12-03T12:34:00+05:00', votingCloses: '2026-12-10T12:35:00+05:00' },
        '2026-12-03',
      ),
      [code],
    );
    expect(html).toContain('аяқталуы — 2026 жылғы 10 желтоқсан, 12:35');
    expect(html).toContain('окончание — 10 декабря 2026 года, 12:35');
    expect(html).not.toContain('12:34–12:35');
    expect(html).not.toContain('Дауыс беру күні');
    // A one-day calendar in force (say, moved by the commission) is printed by its own day.
    const moved = await renderLetters(
      manifest({ votingOpens: '2026-12-27T08:00:00+05:00', votingCloses: '2026-12-27T19:00:00+05:00' }),
      [code],
    );
    expect(moved).toContain('Дауыс беру күні: 2026 жылғы 27 желтоқсан, 08:00–19:00 (Алматы уақыты).');
    expect(moved).toContain('День голосования: 27 декабря 2026 года, 08:00–19:00 (время Алматы).');
  });
});
