/**
 * The trustee page's bundle: trustee-client/main.ts with the trustee library and @saylau/crypto,
 * built once per process with esbuild in memory (as the booth is, so a fresh `npm ci` needs no
 * build step). esbuild is the booth's build dependency, resolved from ballot-client/. `node:fs` is
 * replaced by fs-shim.ts, so the trustee's state lives in the browser.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface TrusteeBundle {
  name: string;
  bytes: Uint8Array;
}

const ENTRY = fileURLToPath(new URL('./trustee-client/main.ts', import.meta.url));
const SHIM = fileURLToPath(new URL('./trustee-client/fs-shim.ts', import.meta.url));
const BALLOT_CLIENT = new URL('../../../ballot-client/package.json', import.meta.url);

interface Esbuild {
  build(o: object): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

let building: Promise<TrusteeBundle> | null = null;

export function trusteeBundle(): Promise<TrusteeBundle> {
  building ??= (async () => {
    const esbuild = (await import(createRequire(BALLOT_CLIENT).resolve('esbuild'))) as Esbuild;
    const r = await esbuild.build({
      entryPoints: [ENTRY],
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
          setup(b: { onResolve: (o: object, f: () => object) => void }) {
            b.onResolve({ filter: /^(node:)?fs$/ }, () => ({ path: SHIM }));
          },
        },
      ],
      logLevel: 'silent',
    });
    const bytes = r.outputFiles[0]!.contents;
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.trustee.js`;
    return { name, bytes };
  })();
  building.catch(() => {
    building = null;
  });
  return building;
}
