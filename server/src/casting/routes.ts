/** Casting endpoints (SPEC §10.9): cast a ballot with a voter token; look a ballot up by tracker. */
import { Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { electionParam, parseWith } from '../http/validate.ts';
import { castBallot, findBallot } from './service.ts';

/** Trackers are 19 characters grouped; allow a typed one with spaces, but nothing unbounded. */
const TrackerParam = z.string().min(1).max(64);

export function castingRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.post('/api/elections/:id/ballots', async (req, res) => {
    const signed = await castBallot(ctx, electionParam(req), req.get('authorization'), req.body);
    res.status(201).json(signed);
  });
  r.get('/api/elections/:id/ballots/:tracker', (req, res) => {
    const id = electionParam(req);
    res.json(findBallot(ctx, id, parseWith(TrackerParam, req.params.tracker, 'path')));
  });
  return r;
}

export { closeCasting, configureCasting } from './state.ts';
