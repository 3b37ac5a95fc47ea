/** The administrator's grant endpoints (SPEC §10.13): who holds an election, grant, revoke. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { electionParam, EmptyBody, parseBody, parseWith } from '../http/validate.ts';
import { requireRole, userOf } from './session.ts';
import { grantElection, listGrants, revokeGrant } from './grants.ts';
import { GrantBody, UserName } from '@saylau/protocol/requests';

export function grantRoutes(ctx: ServerContext): Router {
  const r = Router();
  const admin = requireRole(ctx, 'admin');
  const base = '/api/elections/:id/grants';
  r.get(base, admin, (req, res) => {
    const id = electionParam(req);
    res.set('cache-control', 'no-store').json({ election: id, grants: listGrants(ctx, id) });
  });
  r.post(base, admin, (req, res) => {
    const id = electionParam(req);
    const { user } = parseBody(GrantBody, req);
    res.status(201).json(grantElection(ctx, id, user, userOf(res).name));
  });
  r.delete(`${base}/:user`, admin, (req, res) => {
    const id = electionParam(req);
    const user = parseWith(UserName, req.params.user, 'path');
    parseBody(EmptyBody, req);
    res.json(revokeGrant(ctx, id, user, userOf(res).name));
  });
  return r;
}
