/**
 * Independence: the verifier works from the board and SPEC.md alone, so nothing it runs
 * may come from server/ or ballot-client/ (nor the tools in server/). Every import of every
 * verifier/src file is resolved and followed; the walk fails on a path into another package's
 * files or on a package other than the allowed ones. The protocol package is what all parties agree
 * on: the verifier may name its types, and at run time only its entry table, its language list, its
 * glossary and its catalog formatter (the report's words) — never its payload schemas, so the board is still
 * decoded by the verifier's own code (SPEC §11).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const src = join(root, 'verifier', 'src');
const PROTOCOL = '@saylau/protocol';
/** Packages the verifier may use: the crypto core, the protocol (see below) and its own CLI libraries. */
const ALLOWED = new Set(['@saylau/crypto', PROTOCOL, 'commander', 'cli-progress', 'zod', 'tsx']);
/** The protocol's sub-paths the verifier may run: each resolved to its file, which the walk follows. */
const protocolExports = (
  JSON.parse(readFileSync(join(root, 'protocol', 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  }
).exports;
const PROTOCOL_RUNTIME = new Map(
  ['entries', 'lang', 'glossary', 'catalog'].map((p) => [
    `${PROTOCOL}/${p}`,
    resolve(root, 'protocol', protocolExports[`./${p}`]!),
  ]),
);
const IMPORT =
  /(?:import|export)\s([^;]*?)from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]/g;

interface Import {
  specifier: string;
  /** `import type` / `export type`: erased, so nothing of it runs. */
  typeOnly: boolean;
}

function imports(text: string): Import[] {
  return [...text.matchAll(IMPORT)].map((m) => ({
    specifier: (m[2] ?? m[3] ?? m[4])!,
    typeOnly: /^type\s/.test(m[1] ?? ''),
  }));
}

const packageOf = (s: string): string =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/');

/** Why a bare import is not allowed, or null. */
function refusal(i: Import): string | null {
  const pkg = packageOf(i.specifier);
  if (!ALLOWED.has(pkg)) return `package ${pkg}`;
  if (pkg === PROTOCOL && !i.typeOnly && !PROTOCOL_RUNTIME.has(i.specifier))
    return `${i.specifier} at run time`;
  return null;
}

/**
 * The verifier's own `#` imports (package.json "imports"), each to every file it may resolve to: the
 * platform seam is node.ts in Node and web.ts in the page (platform/types.ts), and both are walked.
 */
const subpathImports = (
  JSON.parse(readFileSync(join(root, 'verifier', 'package.json'), 'utf8')) as {
    imports: Record<string, Record<string, string>>;
  }
).imports;
const privateTargets = (s: string): string[] =>
  Object.values(subpathImports[s] ?? {}).map((p) => resolve(root, 'verifier', p));

/** Every local file reachable from verifier/src, every bare package it names, and what is refused. */
function walk(): { files: string[]; packages: Set<string>; refused: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const refused: string[] = [];
  // Every file of verifier/src, the page's included: each is an entry (the CLI, its worker, the page).
  const queue = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => join(src, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const i of imports(readFileSync(file, 'utf8'))) {
      const s = i.specifier;
      if (s.startsWith('.') || s.startsWith('/')) queue.push(resolve(dirname(file), s));
      else if (s.startsWith('#')) {
        const targets = privateTargets(s);
        if (targets.length === 0) refused.push(`${relative(root, file)}: unknown import ${s}`);
        queue.push(...targets);
      } else if (!s.startsWith('node:')) {
        packages.add(packageOf(s));
        const why = refusal(i);
        if (why) refused.push(`${relative(root, file)}: ${why}`);
        const target = PROTOCOL_RUNTIME.get(s);
        if (target && !i.typeOnly) queue.push(target);
      }
    }
  }
  return { files: [...files].map((f) => relative(root, f)), packages, refused };
}

describe('verifier independence', () => {
  const { files, packages, refused } = walk();
  const protocolFiles = [...PROTOCOL_RUNTIME.values()].map((f) => relative(root, f));

  it("reaches only verifier/ files and the protocol's entry table, language list, glossary and catalog formatter", () => {
    expect(files.length).toBeGreaterThan(10);
    // Both sides of the platform seam, and the page.
    for (const f of ['platform/node.ts', 'platform/web.ts', 'page/ui/main.ts', 'page/worker/worker.ts'])
      expect(files).toContain(`verifier/src/${f}`);
    expect(protocolFiles).toEqual([
      'protocol/src/entries.ts',
      'protocol/src/lang.ts',
      'protocol/src/glossary.ts',
      'protocol/src/catalog.ts',
    ]);
    expect(files.filter((f) => !f.startsWith('verifier/') && !protocolFiles.includes(f))).toEqual([]);
  });

  it('uses only the crypto core, the protocol and CLI libraries, never @saylau/server or @saylau/ballot-client', () => {
    expect(packages.has('@saylau/crypto')).toBe(true);
    expect([...packages].filter((p) => !ALLOWED.has(p))).toEqual([]);
  });

  it('runs nothing of the protocol but its entry table, language list, glossary and catalog formatter (its types are free)', () => {
    expect(packages.has(PROTOCOL)).toBe(true);
    expect(refused).toEqual([]);
  });

  it('the walk would notice a forbidden import', () => {
    const text = [
      "import { x } from '../../server/src/board.ts';",
      "import('@saylau/ballot-client');",
      "import { ProfileJson } from '@saylau/protocol';",
      "import { type Profile, ManifestJson } from '@saylau/protocol';",
      "import type { Profile } from '@saylau/protocol';",
      "import { ENTRY_TYPES } from '@saylau/protocol/entries';",
      "import { CODES } from '@saylau/protocol/errors';",
      "export * from '@saylau/server';",
    ].join('\n');
    const found = imports(text);
    expect(found.map((i) => i.specifier)).toEqual([
      '../../server/src/board.ts',
      '@saylau/ballot-client',
      '@saylau/protocol',
      '@saylau/protocol',
      '@saylau/protocol',
      '@saylau/protocol/entries',
      '@saylau/protocol/errors',
      '@saylau/server',
    ]);
    expect(found.slice(1).map(refusal)).toEqual([
      'package @saylau/ballot-client',
      '@saylau/protocol at run time',
      '@saylau/protocol at run time',
      null,
      null,
      '@saylau/protocol/errors at run time',
      'package @saylau/server',
    ]);
  });

  it('declares no dependency on the server or the ballot client', () => {
    // Its libraries are devDependencies: the build puts them inside the one file the package carries.
    const pkg = JSON.parse(readFileSync(join(root, 'verifier', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(
      Object.keys(pkg.devDependencies ?? {}).filter(
        (d) => d.startsWith('@saylau/') && d !== '@saylau/crypto' && d !== PROTOCOL,
      ),
    ).toEqual([]);
  });
});
