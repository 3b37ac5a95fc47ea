/** My record (SPEC §10.9.4): what the server holds about the signed-in voter. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { electionParam } from '../http/validate.ts';
import { myRecord } from './my-record.ts';

export function recordRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.get('/api/elections/:id/my-record', async (req, res) => {
    const record = await myRecord(ctx, electionParam(req), req.get('authorization'));
    res.setHeader('cache-control', 'no-store');
    res.json(record);
  });
  return r;
}
