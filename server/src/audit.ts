/** The append-only audit log of admin actions that are not public board entries (SPEC §10.13). */
import type { ServerContext } from './context.ts';

export function audit(
  ctx: ServerContext,
  actor: string,
  action: string,
  election: string | null,
  details: Record<string, unknown> = {},
): void {
  ctx.db
    .prepare('INSERT INTO audit_log (at, actor, action, election, details) VALUES (?, ?, ?, ?, ?)')
    .run(ctx.clock().toISOString(), actor, action, election, JSON.stringify(details));
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  election: string | null;
  details: unknown;
}

export function auditLog(ctx: ServerContext, election?: string): AuditRow[] {
  const rows = (
    election === undefined
      ? ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').all()
      : ctx.db.prepare('SELECT * FROM audit_log WHERE election = ? ORDER BY id').all(election)
  ) as (Omit<AuditRow, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) }));
}
