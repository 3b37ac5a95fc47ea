/** Nomination, registration and ballot endpoints (SPEC §10.4–§10.5); the logic is in the modules beside. */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import { electionParam, EmptyBody, parseBody, parseWith } from '../http/validate.ts';
import { getElection } from '../elections/store.ts';
import { getDistrictAkim, setDistrictAkim } from './akim.ts';
import { fixBallot } from './ballot.ts';
import { extendNomination } from './extend.ts';
import { refuseNomination, registerCandidate } from './register.ts';
import { ExtendInput, RefuseInput, SignaturesInput } from './schemas.ts';
import { signatureListFromText, submitSignatures } from './signatures.ts';
import { submitNomination } from './submit.ts';
import { nominationView, nominationViews } from './view.ts';
import { Code } from '@saylau/protocol';

const NominationNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const nominationParam = (req: Request) => parseWith(NominationNumber, req.params.n, 'path');

export function nominationRoutes(ctx: ServerContext): Router {
  const r = Router();
  const commission = requireGrant(ctx, 'commission');
  // A signature list may also come as a text file, one IIN a line (larger than the JSON limit allows).
  const text = express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' });
  const base = '/api/elections/:id';

  r.put(`${base}/akim`, commission, (req, res) => {
    const akim = setDistrictAkim(ctx, electionParam(req), req.body, userOf(res).name);
    res.json({ iin: akim.iin, fullName: akim.fullName, recordedAt: akim.recordedAt });
  });
  r.get(`${base}/akim`, commission, (req, res) => {
    const id = electionParam(req);
    getElection(ctx, id);
    res.set('cache-control', 'no-store').json({ akim: getDistrictAkim(ctx, id) });
  });

  r.post(`${base}/nominations`, commission, (req, res) => {
    const nom = submitNomination(ctx, electionParam(req), req.body, userOf(res).name);
    res.status(201).json(nominationView(ctx, nom.election, nom.nomination));
  });
  r.get(`${base}/nominations`, commission, (req, res) => {
    res.set('cache-control', 'no-store').json({ nominations: nominationViews(ctx, electionParam(req)) });
  });
  r.get(`${base}/nominations/:n`, commission, (req, res) => {
    res.set('cache-control', 'no-store').json(nominationView(ctx, electionParam(req), nominationParam(req)));
  });
  r.post(`${base}/nominations/extend`, commission, (req, res) => {
    const { days } = parseBody(ExtendInput, req);
    res.json({ calendar: extendNomination(ctx, electionParam(req), days, userOf(res).name) });
  });
  r.post(`${base}/nominations/:n/signatures`, commission, text, (req, res) => {
    const id = electionParam(req);
    const n = nominationParam(req);
    let list;
    if (typeof req.body === 'string') list = signatureListFromText(req.body);
    else if (req.is('application/json')) list = parseBody(SignaturesInput, req).iins;
    else
      throw new ApiError(
        415,
        Code.BAD_CONTENT_TYPE,
        'send {"iins": [...]} as JSON or one IIN a line as text/csv',
      );
    res.json(submitSignatures(ctx, id, n, list, userOf(res).name));
  });
  r.post(`${base}/nominations/:n/register`, commission, (req, res) => {
    parseBody(EmptyBody, req);
    res.json(registerCandidate(ctx, electionParam(req), nominationParam(req), userOf(res).name));
  });
  r.post(`${base}/nominations/:n/refuse`, commission, (req, res) => {
    const { reason } = parseBody(RefuseInput, req);
    const nom = refuseNomination(ctx, electionParam(req), nominationParam(req), reason, userOf(res).name);
    res.json({ nomination: nom.nomination, status: nom.status, reason: nom.reason });
  });
  r.post(`${base}/ballot/fix`, commission, (req, res) => {
    parseBody(EmptyBody, req);
    res.json({ contests: fixBallot(ctx, electionParam(req), userOf(res).name) });
  });
  return r;
}
