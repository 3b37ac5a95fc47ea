/**
 * The verifier page's words and input checks (SPEC §11.5), in Node: the catalog is complete in the
 * three languages with no English left in Kazakh and Russian, and what a user gives (the board's
 * address, signed files) is refused before anything runs. The page itself: verify-page.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { catalogProblems } from '@saylau/protocol/catalog';
import { PAGE_CATALOGS, pageText } from '../src/page/catalog.ts';
import { PageInputError, boardUrl, headUrlOf, parseHead, parseSignedFile } from '../src/page/inputs.ts';

/** What may stay Latin in a Kazakh or Russian text: addresses, file names, commands, names of formats. */
const LATIN_ALLOWED =
  /https?:\/\/\S*|\/api\/\S+|\S+\.(?:jsonl|json|html)\b|npm run build|npx saylau-verify|sha256sum|saylau-verify|\{[^}]*\}|SPEC|JSON|SHA-256|Saylau|JavaScript/g;

const refusal = (f: () => unknown): { key: string; params: unknown } => {
  try {
    f();
  } catch (e) {
    if (e instanceof PageInputError) return { key: e.key, params: e.params };
    throw e;
  }
  throw new Error('not refused');
};

describe('the page catalog', () => {
  it('has every key in every language, with the same placeholders', () => {
    expect(catalogProblems(PAGE_CATALOGS)).toEqual([]);
  });

  it('has no English words left in Kazakh or Russian', () => {
    for (const lang of ['kk', 'ru'] as const)
      for (const [key, text] of Object.entries(PAGE_CATALOGS[lang])) {
        const rest = text.replace(LATIN_ALLOWED, '');
        expect(rest, `${lang} ${key}: ${text}`).not.toMatch(/[A-Za-z]/);
      }
    // The check itself notices an English word.
    expect('Проверка done'.replace(LATIN_ALLOWED, '')).toMatch(/[A-Za-z]/);
  });

  it('fills its placeholders', () => {
    expect(pageText('ru', 'progress.ballots', { done: 340, total: 1000 })).toBe(
      'Проверено бюллетеней: 340 из 1000',
    );
    expect(pageText('kk', 'chosenCount', { count: 3 })).toBe('Таңдалған файлдар саны: 3');
  });
});

describe('the board address', () => {
  it('takes an http(s) address, and one relative to the page when it was served', () => {
    expect(boardUrl(' https://saylau.example/api/elections/demo/board ')).toBe(
      'https://saylau.example/api/elections/demo/board',
    );
    expect(boardUrl('/api/elections/demo/board', 'http://127.0.0.1:8080/verify?lang=ru')).toBe(
      'http://127.0.0.1:8080/api/elections/demo/board',
    );
  });

  it('refuses anything else, naming what was typed', () => {
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'board.jsonl', 'ftp://x/board', ''])
      expect(refusal(() => boardUrl(bad))).toEqual({ key: 'err.badUrl', params: { url: bad } });
    // A page opened from disk has no base: a relative address is refused, not read from disk.
    expect(refusal(() => boardUrl('/api/elections/demo/board', 'file:///tmp/saylau-verify.html')).key).toBe(
      'err.badUrl',
    );
  });

  it("gives the signed head's address of a server's board only", () => {
    expect(headUrlOf('https://h.example/api/elections/e-1/board')).toBe(
      'https://h.example/api/elections/e-1/board/head',
    );
    expect(headUrlOf('https://h.example/api/elections/e-1/board?from=5')).toBeNull();
    expect(headUrlOf('https://h.example/mirror/board.jsonl')).toBeNull();
  });
});

describe('signed files', () => {
  const checkpoint = {
    checkpoint: { election: 'e-1', seq: 4, head: 'ab'.repeat(32) },
    signature: 'cd'.repeat(64),
  };
  const receipt = { receipt: { election: 'e-1', tracker: 'X', seq: 3 }, signature: 'ef'.repeat(64) };

  it('reads a signed head, a receipt, or a list of them, as --checkpoint does', () => {
    expect(parseSignedFile(JSON.stringify(checkpoint), 'h.json')).toEqual({
      checkpoints: [checkpoint],
      receipts: [],
    });
    expect(parseSignedFile(JSON.stringify(receipt), 'r.json')).toEqual({
      checkpoints: [],
      receipts: [receipt],
    });
    expect(parseSignedFile(JSON.stringify([receipt, checkpoint]), 'both.json')).toEqual({
      checkpoints: [checkpoint],
      receipts: [receipt],
    });
    expect(parseHead(JSON.stringify(checkpoint), 'https://h/board/head')).toEqual(checkpoint);
  });

  it('refuses what is not one, naming the file', () => {
    for (const bad of ['not json', '[]', '{}', JSON.stringify({ ...receipt, extra: 1 }), JSON.stringify([1])])
      expect(refusal(() => parseSignedFile(bad, 'x.json'))).toEqual({
        key: 'err.signed',
        params: { name: 'x.json' },
      });
    expect(refusal(() => parseHead(JSON.stringify(receipt), 'https://h/board/head')).key).toBe('err.signed');
  });
});
