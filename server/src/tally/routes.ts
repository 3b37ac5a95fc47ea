/** Close, tally, decryption and result endpoints (SPEC §10.10–§10.12). */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { requireGrant, userOf } from '../auth/session.ts';
import { electionParam, parseBody, parseQuery, parseWith } from '../http/validate.ts';
import { publicElection } from '../elections/routes.ts';
import { getElection } from '../elections/store.ts';
import { resultDue } from '../elections/calendar.ts';
import { closeVoting } from './close.ts';
import { DecryptionMessage, submitDecryption } from './decryptions.ts';
import { resultView, tallyView } from './result.ts';
import { renderProtocol } from './protocol.ts';
import { CloseBody, ProtocolQuery } from '@saylau/protocol/requests';

export function tallyRoutes(ctx: ServerContext): Router {
  const r = Router();
  const base = '/api/elections/:id';
  r.post(`${base}/close`, requireGrant(ctx, 'commission'), (req, res) => {
    const id = electionParam(req);
    parseWith(CloseBody, req.body ?? {});
    const { votingClosed, tally } = closeVoting(ctx, id, userOf(res).name);
    res.json({
      election: publicElection(ctx, getElection(ctx, id)),
      votingClosed: { seq: votingClosed.seq, hash: votingClosed.hash, ...votingClosed.payload },
      tally: { seq: tally.seq, hash: tally.hash, ...tally.payload },
    });
  });
  r.get(`${base}/tally`, (req, res) => {
    res.json(tallyView(ctx, electionParam(req)));
  });
  r.post(`${base}/decryptions`, requireGrant(ctx, 'trustee'), (req, res) => {
    const body = parseBody(DecryptionMessage, req);
    res.status(201).json(submitDecryption(ctx, electionParam(req), userOf(res).name, body));
  });
  r.get(`${base}/result`, (req, res) => {
    res.json(resultView(ctx, electionParam(req)));
  });
  r.get(`${base}/result/protocol`, (req, res) => {
    const id = electionParam(req);
    const { lang } = parseQuery(ProtocolQuery, req);
    const due = resultDue(getElection(ctx, id).calendar);
    res.type('html').send(renderProtocol(resultView(ctx, id), lang, due));
  });
  return r;
}
