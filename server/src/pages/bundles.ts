/**
 * The page scripts, built once per process with esbuild in memory (as the booth is, so a fresh
 * `npm ci` needs no build step): the commission pages' script (it shares the server's IIN checks),
 * the live board's (ballot trackers by @saylau/crypto, SPEC §8.4) and the trustee page's (the trustee library and @saylau/crypto, with
 * `node:fs` replaced by tools/src/trustee-page/fs-shim.ts so that the trustee's state lives in the
 * browser).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export interface ClientBundle {
  /** `<first 16 hex of SHA-256>.<name>.js`, served immutable under /assets/<name>/. */
  file: string;
  url: string;
  bytes: Uint8Array;
}

const ENTRIES = {
  admin: './admin-client/main.ts',
  live: './live-client/main.ts',
  trustee: '../../../tools/src/trustee-page/main.ts',
} as const;
export type BundleName = keyof typeof ENTRIES;

const SHIM = fileURLToPath(new URL('../../../tools/src/trustee-page/fs-shim.ts', import.meta.url));

const building = new Map<BundleName, Promise<ClientBundle>>();

async function build(name: BundleName): Promise<ClientBundle> {
  const r = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(ENTRIES[name], import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { 'process.pid': '0' },
    plugins: [
      {
        name: 'fs-shim',
        setup(b) {
          b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: SHIM }));
        },
      },
    ],
    logLevel: 'silent',
  });
  const bytes = r.outputFiles[0]!.contents;
  const file = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${name}.js`;
  return { file, url: `/assets/${name}/${file}`, bytes };
}

/** A page script; the first call builds it (a few hundred ms), later calls share the result. */
export function clientBundle(name: BundleName): Promise<ClientBundle> {
  let p = building.get(name);
  if (!p) {
    p = build(name);
    building.set(name, p);
    p.catch(() => building.delete(name));
  }
  return p;
}
