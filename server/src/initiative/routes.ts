/** A referendum's initiative (SPEC §10.1.2); the logic is in service.ts. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, parseBody } from '../http/validate.ts';
import { getInitiative, recordInitiative } from './service.ts';
import { InitiativeInput } from '@saylau/protocol/requests';

export function initiativeRoutes(ctx: ServerContext): Router {
  const r = Router();
  const path = '/api/elections/:id/initiative';
  r.post(path, requireGrant(ctx, 'commission'), (req, res) => {
    const input = parseBody(InitiativeInput, req);
    res.status(201).json(recordInitiative(ctx, electionParam(req), input, userOf(res).name));
  });
  r.get(path, (req, res) => {
    res.json(getInitiative(ctx, electionParam(req)));
  });
  return r;
}
