/** Key-ceremony endpoints (SPEC §10.6). Thin: parse, authorise, call the service. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, parseBody, parseWith } from '../http/validate.ts';
import { RegisterTrustee, StartCeremony, addTrustee, startCeremony } from './trustees.ts';
import { AnswerMessage, ComplaintMessage, DealingMessage } from './messages.ts';
import { submitDealing } from './dealings.ts';
import { submitAnswer, submitComplaint } from './complaints.ts';
import { FinishCeremony, finishCeremony } from './finish.ts';
import { ceremonyView } from './view.ts';
import { ResetCeremony, resetCeremony } from './reset.ts';

export function ceremonyRoutes(ctx: ServerContext): Router {
  const r = Router();
  const base = '/api/elections/:id';
  r.post(`${base}/trustees`, requireGrant(ctx, 'trustee'), (req, res) => {
    const body = parseBody(RegisterTrustee, req);
    res.status(201).json(addTrustee(ctx, electionParam(req), userOf(res).name, body));
  });
  r.get(`${base}/ceremony`, (req, res) => {
    res.json(ceremonyView(ctx, electionParam(req)));
  });
  r.post(`${base}/ceremony/start`, requireGrant(ctx, 'commission'), (req, res) => {
    const body = parseBody(StartCeremony, req);
    res.status(201).json(startCeremony(ctx, electionParam(req), userOf(res).name, body.t));
  });
  r.post(`${base}/ceremony/dealings`, requireGrant(ctx, 'trustee'), (req, res) => {
    const body = parseBody(DealingMessage, req);
    res.status(201).json(submitDealing(ctx, electionParam(req), userOf(res).name, body));
  });
  r.post(`${base}/ceremony/complaints`, requireGrant(ctx, 'trustee'), (req, res) => {
    const body = parseBody(ComplaintMessage, req);
    res.status(201).json(submitComplaint(ctx, electionParam(req), userOf(res).name, body));
  });
  r.post(`${base}/ceremony/answers`, requireGrant(ctx, 'trustee'), (req, res) => {
    const body = parseBody(AnswerMessage, req);
    res.status(201).json(submitAnswer(ctx, electionParam(req), userOf(res).name, body));
  });
  r.post(`${base}/ceremony/finish`, requireGrant(ctx, 'commission'), (req, res) => {
    const body = parseWith(FinishCeremony, req.body ?? {});
    res.status(201).json(finishCeremony(ctx, electionParam(req), userOf(res).name, body.force));
  });
  r.post(`${base}/ceremony/reset`, requireGrant(ctx, 'commission'), (req, res) => {
    const body = parseBody(ResetCeremony, req);
    res.status(201).json(resetCeremony(ctx, electionParam(req), body.reason, userOf(res).name));
  });
  return r;
}
