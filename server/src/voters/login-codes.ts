/**
 * One-time login codes (SPEC §10.9): 10 random Crockford base32 characters (50 bits) per voter on
 * the roll, mailed by the commission. The server keeps only HMAC-SHA256(pepper, election ‖ iin ‖
 * code) and hands the codes out once; a lost or locked code is replaced one voter at a time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, notFound } from '../http/errors.ts';
import { atOrAfter } from '../elections/calendar.ts';
import { getElection, requireStatus, type Election } from '../elections/store.ts';
import { voterRef } from './tokens.ts';
import { Code } from '@saylau/protocol';

/** Crockford's base32: digits and capitals without I, L, O, U. */
export const LOGIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOGIN_CODE_LENGTH = 10;

/** A new code in display form `XXXXX-XXXXX`; each character is 5 uniform random bits. */
export function newLoginCode(): string {
  const bytes = randomBytes(LOGIN_CODE_LENGTH);
  let s = '';
  for (const b of bytes) s += LOGIN_CODE_ALPHABET[b & 31]!;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/**
 * A typed code in canonical form, or null if it cannot be one: spaces and hyphens are dropped,
 * letters upper-cased, and Crockford's look-alikes read as digits (O → 0, I and L → 1).
 */
export function normalizeLoginCode(text: string): string | null {
  const s = text.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== LOGIN_CODE_LENGTH) return null;
  for (const ch of s) if (!LOGIN_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** HMAC-SHA256(pepper, "saylau/login-code" 0 election 0 iin 0 code) of a canonical code. */
export function loginCodeHash(ctx: ServerContext, election: string, iin: string, code: string): Buffer {
  return createHmac('sha256', ctx.keys.pepper)
    .update(`saylau/login-code\0${election}\0${iin}\0${code}`)
    .digest();
}

/** Codes may be (re)issued from the accepted roll until voting closes. */
function issuingElection(ctx: ServerContext, electionId: string): Election {
  const e = getElection(ctx, electionId);
  requireStatus(e, 'nominations', 'ballot-fixed', 'open');
  if (atOrAfter(ctx.clock(), e.calendar.votingCloses))
    throw conflict(Code.TOO_LATE, `voting closed at ${e.calendar.votingCloses}`);
  if (!ctx.board.latest(e.id, 'roll')) throw conflict(Code.NO_ROLL, 'accept the voter roll first');
  return e;
}

export interface IssuedCode {
  iin: string;
  code: string;
  surname: string;
  givenName: string;
  patronymic: string;
  settlement: string;
  address: string;
}

interface VoterRow {
  iin: string;
  surname: string;
  given_name: string;
  patronymic: string;
  settlement: string;
  address: string;
}

/**
 * A code for every voter on the roll, returned this once (in mail-merge order: settlement, address,
 * name). Refused if codes were issued before: use `reissueLoginCode` per voter.
 */
export function issueLoginCodes(ctx: ServerContext, electionId: string, actor: string): IssuedCode[] {
  return ctx.db.transaction(() => {
    const e = issuingElection(ctx, electionId);
    if (ctx.db.prepare('SELECT 1 FROM login_codes WHERE election = ? LIMIT 1').get(e.id))
      throw conflict(
        Code.LOGIN_CODES_EXIST,
        'login codes were already issued; reissue a lost code for one voter at …/login-codes/:iin',
      );
    const voters = ctx.db
      .prepare(
        `SELECT iin, surname, given_name, patronymic, settlement, address FROM voters
         WHERE election = ? ORDER BY settlement, address, surname, given_name, iin`,
      )
      .all(e.id) as VoterRow[];
    if (voters.length === 0) throw conflict(Code.NO_ROLL, 'the roll has no voters');
    const insert = ctx.db.prepare(
      'INSERT INTO login_codes (election, iin, code_hash, failures, locked) VALUES (?, ?, ?, 0, 0)',
    );
    const issued = voters.map((v) => {
      const code = newLoginCode();
      insert.run(e.id, v.iin, loginCodeHash(ctx, e.id, v.iin, normalizeLoginCode(code)!).toString('hex'));
      return {
        iin: v.iin,
        code,
        surname: v.surname,
        givenName: v.given_name,
        patronymic: v.patronymic,
        settlement: v.settlement,
        address: v.address,
      };
    });
    audit(ctx, actor, 'login-codes.issue', e.id, { count: issued.length });
    return issued;
  })();
}

/** Replace one voter's code, clearing failures and the lock; the old code stops working. */
export function reissueLoginCode(
  ctx: ServerContext,
  electionId: string,
  iin: string,
  actor: string,
): { iin: string; code: string } {
  return ctx.db.transaction(() => {
    const e = issuingElection(ctx, electionId);
    if (!ctx.db.prepare('SELECT 1 FROM voters WHERE election = ? AND iin = ?').get(e.id, iin))
      throw notFound(Code.NOT_ON_ROLL, 'no voter with this IIN on the roll');
    const code = newLoginCode();
    const r = ctx.db
      .prepare(
        'UPDATE login_codes SET code_hash = ?, failures = 0, locked = 0 WHERE election = ? AND iin = ?',
      )
      .run(loginCodeHash(ctx, e.id, iin, normalizeLoginCode(code)!).toString('hex'), e.id, iin);
    if (r.changes !== 1) throw conflict(Code.NO_LOGIN_CODES, 'issue the login codes of the whole roll first');
    // The audit log names the voter by the opaque reference, never by IIN.
    audit(ctx, actor, 'login-code.reissue', e.id, { voter: voterRef(ctx, e.id, iin) });
    return { iin, code };
  })();
}
