/** Casting endpoints (SPEC §10.9): cast a ballot with a voter token; look a ballot up by tracker. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { electionParam, parseWith } from '../http/validate.ts';
import { castBallot, findBallot } from './service.ts';
import { TrackerParam } from '@saylau/protocol/requests';

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
