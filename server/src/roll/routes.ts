/** Voter roll endpoints (SPEC §10.3); the logic is in service.ts. */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { ApiError, badRequest, notFound } from '../http/errors.ts';
import { electionParam, EmptyBody, parseBody, parseWith } from '../http/validate.ts';
import { getElection } from '../elections/store.ts';
import { rejectedRowsCsv } from './rejected-csv.ts';
import {
  acceptRollImport,
  discardRollImport,
  getRollImport,
  listRollImports,
  rejectedRows,
  rollInfo,
  stageRollImport,
} from './service.ts';
import { Code } from '@saylau/protocol';

/** A roll of 10,000 voters is about 1 MB; 8 MB leaves room without inviting abuse. */
export const ROLL_LIMIT = '8mb';

const ImportNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const importParam = (req: Request) => parseWith(ImportNumber, req.params.n, 'path');

/** The CSV body as bytes, so that invalid UTF-8 is caught rather than replaced with U+FFFD. */
function csvBytes(req: Request): Uint8Array {
  const charset = /charset=([^;\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.replace(/"/g, '');
  if (charset && !/^utf-?8$/i.test(charset))
    throw badRequest(
      Code.BAD_ENCODING,
      `the file must be UTF-8 (got charset ${charset.slice(0, 20)}); save as "CSV UTF-8"`,
    );
  if (!Buffer.isBuffer(req.body))
    throw new ApiError(415, Code.BAD_CONTENT_TYPE, 'send the roll as text/csv (or text/plain)');
  if (req.body.length === 0) throw badRequest(Code.EMPTY_CSV, 'the file is empty');
  return req.body;
}

export function rollRoutes(ctx: ServerContext): Router {
  const r = Router();
  const commission = requireGrant(ctx, 'commission');
  const raw = express.raw({ type: ['text/csv', 'text/plain'], limit: ROLL_LIMIT });
  const base = '/api/elections/:id/roll';

  r.post(`${base}/imports`, commission, raw, async (req, res) => {
    const report = await stageRollImport(ctx, electionParam(req), csvBytes(req), userOf(res).name);
    res.status(201).json(report);
  });
  r.get(`${base}/imports`, commission, (req, res) => {
    res.json({ imports: listRollImports(ctx, electionParam(req)) });
  });
  r.get(`${base}/imports/:n`, commission, (req, res) => {
    res.json(getRollImport(ctx, electionParam(req), importParam(req)));
  });
  r.get(`${base}/imports/:n/rejected.csv`, commission, (req, res) => {
    const id = electionParam(req);
    const n = importParam(req);
    const csv = rejectedRowsCsv(rejectedRows(ctx, id, n));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${id}-import-${n}-rejected.csv`)
      .set('cache-control', 'no-store')
      .send(csv);
  });
  r.post(`${base}/imports/:n/accept`, commission, (req, res) => {
    parseBody(EmptyBody, req);
    const roll = acceptRollImport(ctx, electionParam(req), importParam(req), userOf(res).name);
    res.json(roll);
  });
  r.post(`${base}/imports/:n/discard`, commission, (req, res) => {
    parseBody(EmptyBody, req);
    res.json(discardRollImport(ctx, electionParam(req), importParam(req), userOf(res).name));
  });

  // Public: the count and commitment (also on the board). With a commission session: also the salt.
  const publicRoll = (req: Request) => {
    const id = electionParam(req);
    getElection(ctx, id);
    const roll = rollInfo(ctx, id);
    if (!roll) throw notFound(Code.NO_ROLL, `election ${id} has no accepted roll yet`);
    return roll;
  };
  r.get(base, (req, res, next) => {
    if (req.get('authorization') !== undefined) return next();
    const roll = publicRoll(req);
    res.json({ count: roll.count, commitment: roll.commitment, acceptedAt: roll.acceptedAt });
  });
  r.get(base, commission, (req, res) => {
    res.set('cache-control', 'no-store').json(publicRoll(req));
  });
  return r;
}
