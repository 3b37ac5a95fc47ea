/**
 * The data directory (SPEC §9.1) holds the server's secrets: the board signing key, the token key,
 * the login pepper and the roll with its IINs. The directory is made 0700 and the database 0600 from
 * their first moment, whatever the umask (SQLite gives the -wal and -shm files the main file's mode),
 * and `saylau serve` refuses a directory or database that group or others can reach.
 */
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DB_FILE = 'saylau.sqlite';
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
/** The database and the files SQLite keeps beside it in WAL mode. */
const DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`];

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Make `dir` (mode 0700) and its parents (the umask's mode) unless it exists. */
export function makeDataDir(dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(dir, { mode: DIR_MODE });
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
  }
}

/** Create `file` empty with mode 0600 unless it exists, so that nothing ever creates it wider. */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', FILE_MODE));
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
  }
}

/**
 * Null when the data directory and its database files are private to their owner; else one line
 * that names what group or others can reach and how to fix it. A directory that does not exist yet
 * is fine: the server makes it 0700.
 */
export function loosePermissions(dir: string): string | null {
  const loose: string[] = [];
  for (const path of [dir, ...DB_FILES.map((f) => join(dir, f))]) {
    let mode: number;
    try {
      mode = statSync(path).mode & 0o777;
    } catch (e) {
      if (errno(e) === 'ENOENT') continue;
      throw e;
    }
    if ((mode & 0o077) !== 0) loose.push(`${path} is ${mode.toString(8).padStart(4, '0')}`);
  }
  if (loose.length === 0) return null;
  return (
    `${loose.join(', ')}: other users could read the server's keys and the voter roll; ` +
    `run: chmod 700 ${dir} && chmod 600 ${join(dir, DB_FILE)}*`
  );
}
