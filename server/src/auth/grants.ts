/**
 * Rights per election (SPEC §10.13): an account with role commission, credential-authority or
 * trustee acts on an election only while it holds a grant on it. Only an administrator grants and
 * revokes; every change is a line of the append-only audit log. An administrator holds every
 * election for granting only: it is not the commission of any of them.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, notFound, unprocessable } from '../http/errors.ts';
import { getElection, listElections } from '../elections/store.ts';
import { getUser, isGrantedRole, type Role, type User } from './users.ts';
import { Code } from '@saylau/protocol';

export interface Grant {
  election: string;
  user: string;
  role: Role;
  grantedBy: string;
  grantedAt: string;
}

const GRANT_COLUMNS = `g.election, g.user, u.role, g.granted_by AS grantedBy, g.granted_at AS grantedAt
  FROM grants g JOIN users u ON u.name = g.user`;

export function hasGrant(ctx: ServerContext, election: string, user: string): boolean {
  return (
    ctx.db.prepare('SELECT 1 FROM grants WHERE election = ? AND user = ?').get(election, user) !== undefined
  );
}

/** The ids of the elections `user` holds, in the order of the election list; an admin holds all. */
export function heldElections(ctx: ServerContext, user: User): string[] {
  if (user.role === 'admin') return listElections(ctx).map((e) => e.id);
  const rows = ctx.db
    .prepare(
      `SELECT g.election FROM grants g JOIN elections e ON e.id = g.election
       WHERE g.user = ? ORDER BY e.created_at, e.id`,
    )
    .all(user.name) as { election: string }[];
  return rows.map((r) => r.election);
}

export function listGrants(ctx: ServerContext, election: string): Grant[] {
  getElection(ctx, election);
  return ctx.db
    .prepare(`SELECT ${GRANT_COLUMNS} WHERE g.election = ? ORDER BY u.role, g.user`)
    .all(election) as Grant[];
}

/** Grant `name` its role on `election` (404 NO_ELECTION, NO_USER; 422 NOT_GRANTABLE; 409 ALREADY_GRANTED). */
export function grantElection(ctx: ServerContext, election: string, name: string, actor: string): Grant {
  return ctx.db.transaction((): Grant => {
    getElection(ctx, election);
    const user = getUser(ctx, name);
    if (!user) throw notFound(Code.NO_USER, `there is no account ${name}`);
    if (!isGrantedRole(user.role))
      throw unprocessable(
        Code.NOT_GRANTABLE,
        `an account with the role ${user.role} is not granted elections (SPEC §10.13)`,
        { role: user.role },
      );
    const at = ctx.clock().toISOString();
    const r = ctx.db
      .prepare('INSERT OR IGNORE INTO grants (election, user, granted_by, granted_at) VALUES (?, ?, ?, ?)')
      .run(election, user.name, actor, at);
    if (r.changes === 0) throw conflict(Code.ALREADY_GRANTED, `${name} already holds election ${election}`);
    audit(ctx, actor, 'grant.add', election, { user: user.name, role: user.role });
    return { election, user: user.name, role: user.role, grantedBy: actor, grantedAt: at };
  })();
}

/** Take back `name`'s grant on `election`; its next request is refused (404 NO_ELECTION, NO_GRANT). */
export function revokeGrant(ctx: ServerContext, election: string, name: string, actor: string): Grant {
  return ctx.db.transaction((): Grant => {
    getElection(ctx, election);
    const grant = ctx.db
      .prepare(`SELECT ${GRANT_COLUMNS} WHERE g.election = ? AND g.user = ?`)
      .get(election, name) as Grant | undefined;
    if (!grant) throw notFound(Code.NO_GRANT, `${name} holds no grant on election ${election}`);
    ctx.db.prepare('DELETE FROM grants WHERE election = ? AND user = ?').run(election, name);
    audit(ctx, actor, 'grant.revoke', election, { user: grant.user, role: grant.role });
    return grant;
  })();
}
