/**
 * Worker thread of the ingest benchmark: the voters' side, done before the clock starts. Each worker
 * draws fresh credential codes and builds one ballot per credential exactly as a booth would
 * (SPEC §8.2), and returns the public keys (for the credential list) and the ballots as JSON text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildBallot,
  decodeElectionParams,
  deriveCredentialKeys,
  generateCredentialCode,
} from '@saylau/crypto';

export interface BuildJob {
  params: unknown;
  count: number;
}
export interface Built {
  credential: string;
  body: string;
}
export type BuilderMessage = { type: 'progress'; done: number } | { type: 'done'; ballots: Built[] };

const job = workerData.job as BuildJob;
const params = decodeElectionParams(job.params);
const options = params.contests.map((c) => c.options);
const out: Built[] = [];
for (let i = 0; i < job.count; i++) {
  const keys = deriveCredentialKeys(params.election, generateCredentialCode());
  const choices = options.map((n) => Math.floor(Math.random() * n));
  const { ballot } = buildBallot(params, keys, choices);
  out.push({ credential: keys.publicKeyHex, body: JSON.stringify({ ballot }) });
  if (i % 100 === 99) parentPort!.postMessage({ type: 'progress', done: 100 } satisfies BuilderMessage);
}
parentPort!.postMessage({ type: 'done', ballots: out } satisfies BuilderMessage);
