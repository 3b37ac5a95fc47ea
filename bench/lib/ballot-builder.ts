/**
 * Worker thread of bench/lib/ballots.ts: the voters' side, done before any clock starts. For each
 * order it takes the given credential code (or draws a fresh one) and the given choices (or random
 * ones) and builds the ballot exactly as a booth would (SPEC §8.2); it returns the credential's public
 * key (for the credential list), the tracker the voter can look up, and the ballot as JSON text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildBallot,
  decodeElectionParams,
  deriveCredentialKeys,
  generateCredentialCode,
} from '@saylau/crypto';

export interface BallotOrder {
  /** The voter's credential code; a fresh one when absent. */
  code?: string;
  /** One option index per contest; random when absent. */
  choices?: number[];
}
export interface BuildJob {
  params: unknown;
  orders: BallotOrder[];
}
export interface Built {
  credential: string;
  tracker: string;
  choices: number[];
  /** `{"ballot": …}`, the body of POST /api/elections/:id/ballots. */
  body: string;
}
export type BuilderMessage = { type: 'progress'; done: number } | { type: 'done'; ballots: Built[] };

const job = workerData.job as BuildJob;
const params = decodeElectionParams(job.params);
const options = params.contests.map((c) => c.options);
const out: Built[] = [];
for (const [i, order] of job.orders.entries()) {
  const keys = deriveCredentialKeys(params.election, order.code ?? generateCredentialCode());
  const choices = order.choices ?? options.map((n) => Math.floor(Math.random() * n));
  const { ballot, tracker } = buildBallot(params, keys, choices);
  out.push({ credential: keys.publicKeyHex, tracker, choices, body: JSON.stringify({ ballot }) });
  if (i % 100 === 99) parentPort!.postMessage({ type: 'progress', done: 100 } satisfies BuilderMessage);
}
parentPort!.postMessage({ type: 'done', ballots: out } satisfies BuilderMessage);
