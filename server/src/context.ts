/** Everything a request handler needs, built once per server: storage, keys, clock and log. */
import { createHash } from 'node:crypto';
import { Board } from './board.ts';
import type { Db } from './database.ts';
import { importTokenKeys, type JwtKeys } from './auth/jwt.ts';
import { loadServerKeys, type ServerKeys } from './keys.ts';

export type Clock = () => Date;
export type Log = (line: string) => void;

export interface ServerContext {
  db: Db;
  board: Board;
  keys: ServerKeys;
  jwt: JwtKeys;
  /** The server's notion of now; tests and the demo drive a virtual clock through the calendar. */
  clock: Clock;
  log: Log;
}

const nativeSha256 = (parts: readonly string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

export async function createContext(db: Db, opts: { clock?: Clock; log?: Log } = {}): Promise<ServerContext> {
  const keys = loadServerKeys(db);
  return {
    db,
    board: new Board(db, nativeSha256), // a 7 MB credential list hashes in ~20 ms (SPEC §9.2)
    keys,
    jwt: await importTokenKeys(keys.token.secretKey, keys.token.publicKey),
    clock: opts.clock ?? (() => new Date()),
    log: opts.log ?? ((line) => console.log(line)),
  };
}
