/**
 * Independence: the verifier works from the board and SPEC.md alone, so nothing it runs
 * may come from server/ or ballot-client/. Every import of every verifier/src file is resolved and
 * followed; the walk fails on a path into either package or on a package other than the allowed ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const src = join(root, 'verifier', 'src');
/** Packages the verifier may use: the crypto core and its own CLI libraries. */
const ALLOWED = new Set(['@saylau/crypto', 'commander', 'cli-progress', 'zod', 'tsx']);
const IMPORT =
  /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g;

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Every local file reachable from verifier/src, and every bare package it names. */
function walk(): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = readdirSync(src)
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => join(src, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const s of specifiers(file)) {
      if (s.startsWith('.') || s.startsWith('/')) queue.push(resolve(dirname(file), s));
      else if (!s.startsWith('node:'))
        packages.add(s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    }
  }
  return { files: [...files].map((f) => relative(root, f)), packages };
}

describe('verifier independence', () => {
  const { files, packages } = walk();

  it('reaches only verifier/ files', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !f.startsWith('verifier/'))).toEqual([]);
  });

  it('uses only the crypto core and CLI libraries, never @saylau/server or @saylau/ballot-client', () => {
    expect(packages.has('@saylau/crypto')).toBe(true);
    expect([...packages].filter((p) => !ALLOWED.has(p))).toEqual([]);
  });

  it('the walk would notice a forbidden import', () => {
    const text = "import { x } from '../../server/src/board.ts';\nimport('@saylau/ballot-client');";
    expect([...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2])).toEqual([
      '../../server/src/board.ts',
      '@saylau/ballot-client',
    ]);
  });

  it('declares no dependency on the server or the ballot client', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'verifier', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(
      Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@saylau/') && d !== '@saylau/crypto'),
    ).toEqual([]);
  });
});
