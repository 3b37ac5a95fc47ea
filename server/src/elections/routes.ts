/** Election endpoints (SPEC §10.1, §10.8). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, requireRole, userOf } from '../auth/session.ts';
import { electionParam, EmptyBody, parseBody } from '../http/validate.ts';
import { createElection, getElection, listElections, type Election } from './store.ts';
import { missingForOpening, openVoting } from './voting.ts';

/** The public view of an election: nothing private (no roll, no nomination IINs). */
export function publicElection(ctx: ServerContext, e: Election) {
  const head = ctx.board.head(e.id);
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    demo: e.demo,
    manifest: e.manifest,
    calendar: e.calendar,
    contests: e.contests,
    params: e.params,
    missing: e.status === 'ballot-fixed' || e.status === 'nominations' ? missingForOpening(ctx, e) : [],
    board: head ? { seq: head.seq, head: head.hash } : null,
  };
}

export function electionRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.get('/api/elections', (_req, res) => {
    res.json({ elections: listElections(ctx).map((e) => publicElection(ctx, e)) });
  });
  r.post('/api/elections', requireRole(ctx, 'admin'), (req, res) => {
    const e = createElection(ctx, req.body, userOf(res).name);
    res.status(201).json(publicElection(ctx, e));
  });
  r.get('/api/elections/:id', (req, res) => {
    res.json(publicElection(ctx, getElection(ctx, electionParam(req))));
  });
  r.post('/api/elections/:id/open', requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    parseBody(EmptyBody, req);
    const e = openVoting(ctx, id, userOf(res).name);
    res.json(publicElection(ctx, e));
  });
  return r;
}
