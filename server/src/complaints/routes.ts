/** Complaint endpoints (SPEC §10.9.5): a voter files, the commission reads the texts and answers. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, parseBody, parseWith } from '../http/validate.ts';
import { getElection } from '../elections/store.ts';
import { fileComplaint } from './file.ts';
import { answerComplaint } from './answer.ts';
import { listComplaints } from './store.ts';
import { ComplaintAnswerBody, ComplaintParam } from '@saylau/protocol/requests';

export function complaintRoutes(ctx: ServerContext): Router {
  const r = Router();
  const base = '/api/elections/:id/complaints';
  r.post(base, async (req, res) => {
    const filed = await fileComplaint(ctx, electionParam(req), req.get('authorization'), req.body);
    res.status(201).json(filed);
  });
  r.get(base, requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    getElection(ctx, id);
    res.setHeader('cache-control', 'no-store');
    res.json({ election: id, complaints: listComplaints(ctx, id) });
  });
  r.post(`${base}/:k/answer`, requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    const k = parseWith(ComplaintParam, req.params.k, 'path');
    const body = parseBody(ComplaintAnswerBody, req);
    res.status(201).json(answerComplaint(ctx, id, k, body, userOf(res).name));
  });
  return r;
}
