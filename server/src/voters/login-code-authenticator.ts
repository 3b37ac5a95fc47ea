/**
 * The login-code authenticator (SPEC §10.9): IIN + the code the commission mailed. Wrong code and
 * unknown IIN get the same 401 after the same work (the same reads, one row written and committed),
 * so that timing does not tell whether an IIN is on the roll; 5 wrong codes lock the IIN until a
 * reissue.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import type { Election } from '../elections/store.ts';
import { badRequest } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { parseIin } from '../roll/iin.ts';
import type { AuthResult, Authenticator } from './authenticator.ts';
import { loginCodeHash, normalizeLoginCode } from './login-codes.ts';
import { voterRef } from './tokens.ts';
import { Code, LoginCodeBody } from '@saylau/protocol';

export const LOGIN_CODE_METHOD = 'login-code';
/** Wrong codes in a row that lock an IIN; 5 guesses at 2^-50 each are harmless, a lock is not. */
export const MAX_LOGIN_FAILURES = 5;

const BAD_LOGIN: AuthResult = {
  ok: false,
  status: 401,
  code: Code.BAD_LOGIN,
  message: 'wrong IIN or login code',
};
const LOCKED: AuthResult = {
  ok: false,
  status: 423,
  code: Code.LOCKED,
  message: 'too many wrong login codes for this IIN: ask the election commission for a new login code',
};

interface Row {
  code_hash: string;
  failures: number;
  locked: number;
}

/** Compared against when the IIN has no code, so that an unknown IIN costs the same work. */
const NO_HASH = Buffer.alloc(32);

export function loginCodeAuthenticator(): Authenticator {
  return {
    name: LOGIN_CODE_METHOD,
    async authenticate(ctx: ServerContext, election: Election, body: unknown): Promise<AuthResult> {
      const { iin, code } = parseWith(LoginCodeBody, body);
      // A malformed IIN or code is a typing error, not a guess: refused at once, not counted.
      if (!parseIin(iin).ok)
        throw badRequest(Code.BAD_IIN, 'this is not a valid IIN: check the 12 digits for a typing error');
      const canonical = normalizeLoginCode(code);
      if (canonical === null)
        throw badRequest(Code.BAD_LOGIN_CODE, 'a login code is 10 letters and digits, e.g. 7K2QX-M9D4P');
      const given = loginCodeHash(ctx, election.id, iin, canonical);
      // Read, compare and count in one synchronous transaction: concurrent guesses cannot interleave.
      return ctx.db.transaction((): AuthResult => {
        const row = ctx.db
          .prepare('SELECT code_hash, failures, locked FROM login_codes WHERE election = ? AND iin = ?')
          .get(election.id, iin) as Row | undefined;
        const match = timingSafeEqual(given, row ? Buffer.from(row.code_hash, 'hex') : NO_HASH);
        if (!row) {
          // One row updated and committed, as a wrong code's failure count below (§10.9.1 rule 5).
          ctx.db
            .prepare(
              `INSERT INTO login_misses (election, count) VALUES (?, 1)
               ON CONFLICT (election) DO UPDATE SET count = count + 1`,
            )
            .run(election.id);
          return BAD_LOGIN;
        }
        if (row.locked) return LOCKED;
        if (!match) {
          ctx.db
            .prepare(
              `UPDATE login_codes SET failures = failures + 1, locked = (failures + 1 >= ?)
               WHERE election = ? AND iin = ?`,
            )
            .run(MAX_LOGIN_FAILURES, election.id, iin);
          return BAD_LOGIN;
        }
        if (row.failures > 0)
          ctx.db
            .prepare('UPDATE login_codes SET failures = 0 WHERE election = ? AND iin = ?')
            .run(election.id, iin);
        return { ok: true, subject: voterRef(ctx, election.id, iin) };
      })();
    },
  };
}
