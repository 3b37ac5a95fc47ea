/**
 * `node:fs` for the trustee page's bundle: the trustee library (tools/src/trustee/) keeps its state
 * in a file; in the browser that "file" is a localStorage item of this origin, written whole, so the
 * library runs unchanged. Only the calls the library makes exist here.
 */
const PREFIX = 'saylau.fs:';
const store = globalThis.localStorage;

function missing(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file ${path}`), { code: 'ENOENT' });
}

export function existsSync(path: string): boolean {
  return store.getItem(PREFIX + path) !== null;
}

export function readFileSync(path: string): string {
  const v = store.getItem(PREFIX + path);
  if (v === null) throw missing(path);
  return v;
}

export function writeFileSync(path: string, data: string): void {
  store.setItem(PREFIX + path, data);
}

export function renameSync(from: string, to: string): void {
  writeFileSync(to, readFileSync(from));
  store.removeItem(PREFIX + from);
}

export function linkSync(from: string, to: string): void {
  if (existsSync(to)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
  writeFileSync(to, readFileSync(from));
}

export function unlinkSync(path: string): void {
  store.removeItem(PREFIX + path);
}

/** File modes mean nothing in localStorage. */
export function chmodSync(): void {}

export default { existsSync, readFileSync, writeFileSync, renameSync, linkSync, unlinkSync, chmodSync };
