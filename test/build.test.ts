/**
 * The production build (scripts/build.ts): two builds of the same sources are byte-identical (so
 * the booth's SHA-256 in every election manifest, SPEC §10.1, and the verifier page's, §11.5, are
 * properties of the sources), the server serves the built booth under that hash, and
 * dist/saylau-verify.mjs runs alone: copied into an empty directory with no node_modules, it
 * verifies a finished board and fails a tampered one; README states the SHA-256 of the verifier
 * file and page as the build prints them; and `npm pack -w verifier` gives a tarball that installs
 * offline, with nothing to compile, and verifies.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '@saylau/tools';
import { build } from '../scripts/build.ts';

const root = join(import.meta.dirname, '..');
let dir = '';
let demo: Awaited<ReturnType<typeof runDemo>>;

function files(d: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(d, { recursive: true }) as string[])
    if (statSync(join(d, f)).isFile()) out.set(f, readFileSync(join(d, f)));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-build-'));
  demo = await runDemo({ voters: 12, outDir: join(dir, 'demo'), seed: 3 });
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('production build', () => {
  it('gives the same bytes twice, and the same as dist/', async () => {
    await build(join(dir, 'a'));
    await build(join(dir, 'b'));
    const a = files(join(dir, 'a'));
    const b = files(join(dir, 'b'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
    // The booth's hash is the one the repository's own build (vitest's setup) gives.
    const manifest = JSON.parse(a.get(join('assets', 'manifest.json'))!.toString()) as {
      booth: { js: { sha256: string } };
    };
    const dist = JSON.parse(
      readFileSync(join(root, 'dist', 'assets', 'manifest.json'), 'utf8'),
    ) as typeof manifest;
    expect(manifest.booth.js.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.booth.js.sha256).toBe(dist.booth.js.sha256);
    expect(a.has(join('assets', 'booth', `${manifest.booth.js.sha256}.js`))).toBe(true);

    // The verifier page (SPEC §11.5): one file, the same in dist/ and in the server's assets, with
    // the SHA-256 the manifest gives (GET /api/verifier), and the same as the repository's build.
    const page = a.get('saylau-verify.html')!;
    const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const verifier = (m: unknown) => (m as { verifier: { name: string; sha256: string } }).verifier;
    expect(verifier(manifest)).toMatchObject({ name: 'saylau-verify.html', sha256: sha256(page) });
    expect(page.equals(a.get(join('assets', 'verifier', 'saylau-verify.html'))!)).toBe(true);
    expect(page.equals(readFileSync(join(root, 'dist', 'saylau-verify.html')))).toBe(true);
    expect(verifier(dist).sha256).toBe(sha256(page));
    // Self-contained: nothing it loads from elsewhere, so it works opened from disk, offline.
    expect(page.toString()).not.toMatch(
      /<(?:script|link|img|iframe|object)\b[^>]*\b(?:src|href)="(?!data:)/i,
    );

    // README gives the SHA-256 of the verifier file and page as the build prints them ("<sha256>  dist/…").
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const file of ['saylau-verify.mjs', 'saylau-verify.html']) {
      const stated = [...readme.matchAll(/^\s*([0-9a-f]{64}) {2}dist\/(saylau-verify\.\w+)\b/gm)]
        .filter((m) => m[2] === file)
        .map((m) => m[1]);
      expect(stated, `README.md must give the SHA-256 of dist/${file}: run npm run build`).toEqual([
        sha256(a.get(file)!),
      ]);
    }
  }, 120_000);

  it('dist/saylau-verify.mjs verifies a board alone, with no node_modules, and fails a tampered one', async () => {
    const alone = join(dir, 'alone');
    const verify = join(alone, 'saylau-verify.mjs');
    mkdirSync(alone);
    copyFileSync(join(root, 'dist', 'saylau-verify.mjs'), verify);
    expect(readdirSync(alone)).toEqual(['saylau-verify.mjs']);
    const board = join(alone, 'board.jsonl');
    copyFileSync(demo.boardFile, board);
    const run = (file: string) =>
      spawnSync(process.execPath, [verify, file, '--lang', 'en'], {
        cwd: alone,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      });
    const ok = run(board);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('VERIFIED');

    // One hex digit of a ballot's first ciphertext changed, chain left as is: check 2.3 names it.
    const lines = readFileSync(board, 'utf8').trimEnd().split('\n');
    const i = lines.findIndex((l) => l.includes('"type":"ballot"'));
    const at = lines[i]!.indexOf('"alpha":"') + '"alpha":"'.length + 10;
    const hex = lines[i]![at]!;
    lines[i] = lines[i]!.slice(0, at) + (hex === '0' ? '1' : '0') + lines[i]!.slice(at + 1);
    const tampered = join(alone, 'tampered.jsonl');
    writeFileSync(tampered, `${lines.join('\n')}\n`);
    const bad = run(tampered);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/\[FAIL\] 2\.3/);
    expect(relative(alone, verify)).toBe('saylau-verify.mjs');
  }, 180_000);

  it('npm pack of the verifier installs offline into an empty directory, compiles nothing, and verifies', () => {
    const packs = join(dir, 'packs');
    mkdirSync(packs);
    const packed = spawnSync('npm', ['pack', '-w', 'verifier', '--pack-destination', packs, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    expect(info!.files.map((f) => f.path).sort()).toEqual([
      'bin/saylau-verify.mjs',
      'dist/saylau-verify.mjs',
      'package.json',
    ]);
    // postpack took the copy out of the repository again.
    expect(statSync(join(root, 'verifier', 'dist'), { throwIfNoEntry: false })).toBeUndefined();

    const home = join(dir, 'observer');
    mkdirSync(home);
    writeFileSync(join(home, 'package.json'), '{}\n');
    const env = { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C' };
    // An empty cache and --offline: nothing can come from a registry, so the tarball must be all.
    const installed = spawnSync(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--cache',
        join(dir, 'empty-cache'),
        join(packs, info!.filename),
      ],
      { cwd: home, encoding: 'utf8', env },
    );
    expect(installed.status, installed.stderr).toBe(0);
    const pkg = JSON.parse(
      readFileSync(join(home, 'node_modules', '@saylau', 'verifier', 'package.json'), 'utf8'),
    ) as { dependencies?: object; scripts?: Record<string, string> };
    expect(pkg.dependencies ?? {}).toEqual({});
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[hook]).toBeUndefined();
    const installedFiles = readdirSync(join(home, 'node_modules'), { recursive: true }) as string[];
    expect(installedFiles.filter((f) => f.endsWith('.node') || f.endsWith('binding.gyp'))).toEqual([]);
    // The verifier and nothing else.
    expect(readdirSync(join(home, 'node_modules')).filter((f) => !f.startsWith('.'))).toEqual(['@saylau']);
    expect(readdirSync(join(home, 'node_modules', '@saylau'))).toEqual(['verifier']);

    const ok = spawnSync(
      join(home, 'node_modules', '.bin', 'saylau-verify'),
      [demo.boardFile, '--lang', 'en'],
      {
        cwd: home,
        encoding: 'utf8',
        env,
      },
    );
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('VERIFIED');
  }, 180_000);
});
