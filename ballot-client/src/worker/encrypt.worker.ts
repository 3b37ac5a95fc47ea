/**
 * The booth's Web Worker: encrypts and proves the ballot off the page's thread, with the same
 * @saylau/crypto code as the Node library's prepareBallot, and checks audited ballots (SPEC §8.5).
 * It never signs: the page signs only the ballot the voter casts, with a fresh board anchor (§8.2).
 * The decoded election parameters (with the key's precomputed tables) are kept between requests.
 */
import {
  CryptoError,
  ballotAudit,
  ballotTracker,
  encryptBallot,
  checkBallotAudit,
  decodeElectionParams,
  deriveCredentialKeys,
  type ElectionParams,
} from '@saylau/crypto';
import type { Stage, WorkerRequest, WorkerResponse } from './protocol.ts';
import { Code } from '@saylau/protocol/errors';

/** The worker global, typed narrowly so that this file checks against the DOM library. */
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
};

let cached: { json: string; params: ElectionParams } | null = null;

function params(json: unknown): ElectionParams {
  const key = JSON.stringify(json);
  if (cached?.json !== key) cached = { json: key, params: decodeElectionParams(json) };
  return cached.params;
}

function handle(req: WorkerRequest): WorkerResponse {
  const progress = (stage: Stage) => scope.postMessage({ id: req.id, kind: 'progress', stage });
  switch (req.kind) {
    case 'warm':
      params(req.params);
      return { id: req.id, kind: 'done', result: null };
    case 'encrypt': {
      progress('params');
      const p = params(req.params);
      if (p.election !== req.election)
        throw new CryptoError('BAD_PARAMS', 'params.election', 'these parameters are for another election');
      progress('keys');
      const keys = deriveCredentialKeys(req.election, req.code);
      progress('encrypt');
      const t = performance.now();
      const built = encryptBallot(p, keys.publicKey, req.choices);
      const ms = performance.now() - t;
      progress('done');
      return {
        id: req.id,
        kind: 'done',
        result: {
          ballot: built.ballot,
          hash: built.hash,
          tracker: built.tracker,
          audit: ballotAudit(built),
          ms,
        },
      };
    }
    case 'check': {
      const p = params(req.params);
      const choices = checkBallotAudit(p, req.audit);
      const tracker = ballotTracker((req.audit as { ballot: unknown }).ballot);
      return { id: req.id, kind: 'done', result: { choices, tracker } };
    }
  }
}

scope.addEventListener('message', (e) => {
  const req = e.data;
  try {
    scope.postMessage(handle(req));
  } catch (err) {
    const ce = err instanceof CryptoError ? err : null;
    scope.postMessage({
      id: req.id,
      kind: 'error',
      code: ce?.code ?? Code.WORKER,
      field: ce?.field ?? '',
      message: err instanceof Error ? err.message : String(err),
    });
  }
});
