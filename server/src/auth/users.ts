/**
 * Commission accounts (SPEC §10.13): a name, one role, a scrypt password hash. One role per account
 * keeps the commission, the credential authority and the trustees in different hands; the elections
 * an account may act on are its grants (grants.ts).
 */
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { Code } from '@saylau/protocol';

import { GRANTED_ROLES, UserName, type GrantedRole, type Role } from '@saylau/protocol/requests';

/** The roles and account names are protocol's (the endpoint table names who may call what). */
export {
  GRANTED_ROLES,
  ROLES,
  RoleSchema,
  UserName,
  type GrantedRole,
  type Role,
} from '@saylau/protocol/requests';
export const isGrantedRole = (role: Role): role is GrantedRole =>
  (GRANTED_ROLES as readonly Role[]).includes(role);
export const Password = z.string().min(10, 'at least 10 characters').max(200);

export interface User {
  name: string;
  role: Role;
}

export async function createUser(
  ctx: ServerContext,
  name: string,
  role: Role,
  password: string,
): Promise<User> {
  const n = UserName.parse(name);
  const hash = await hashPassword(Password.parse(password));
  const r = ctx.db
    .prepare('INSERT OR IGNORE INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
    .run(n, role, hash, ctx.clock().toISOString());
  if (r.changes === 0) throw conflict(Code.USER_EXISTS, `user ${n} already exists`);
  return { name: n, role };
}

export function getUser(ctx: ServerContext, name: string): User | null {
  const row = ctx.db.prepare('SELECT name, role FROM users WHERE name = ?').get(name) as User | undefined;
  return row ?? null;
}

export function listUsers(ctx: ServerContext): User[] {
  return ctx.db.prepare('SELECT name, role FROM users ORDER BY name').all() as User[];
}

/** The user if the password matches; the same work is done for an unknown name. */
export async function checkPassword(
  ctx: ServerContext,
  name: string,
  password: string,
): Promise<User | null> {
  const row = ctx.db.prepare('SELECT name, role, password_hash FROM users WHERE name = ?').get(name) as
    (User & { password_hash: string }) | undefined;
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return ok && row ? { name: row.name, role: row.role } : null;
}
