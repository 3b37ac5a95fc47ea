/** A thrown error as the booth's events carry it: plain data (state.ts `Failure`). */
import { BallotClientError } from '../index.ts';
import type { Failure } from './state.ts';
import { WorkerError } from './worker-client.ts';
import { Code } from '@saylau/protocol/errors';

export function failureOf(e: unknown): Failure {
  if (e instanceof BallotClientError) return { code: e.code, status: e.status, details: e.details };
  return { code: e instanceof WorkerError ? Code.WORKER : Code.OTHER };
}
