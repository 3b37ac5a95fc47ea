/**
 * Worker thread of the verifier benchmark's board generator (bench/verify-board.ts): the voters'
 * side. For each (credential code, choice) it derives the credential key pair and builds the ballot
 * exactly as a booth does (SPEC §7.2, §8.2), returning the `{ballot}` request bodies as JSON text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildBallot, decodeElectionParams, deriveCredentialKeys } from '@saylau/crypto';

export interface VoteJob {
  params: unknown;
  votes: { code: string; choice: number }[];
}
export type VoteMessage = { type: 'progress'; done: number } | { type: 'done'; bodies: string[] };

const job = workerData.job as VoteJob;
const params = decodeElectionParams(job.params);
const bodies: string[] = [];
for (const [i, v] of job.votes.entries()) {
  const keys = deriveCredentialKeys(params.election, v.code);
  const { ballot } = buildBallot(params, keys, [v.choice]);
  bodies.push(JSON.stringify({ ballot }));
  if (i % 100 === 99) parentPort!.postMessage({ type: 'progress', done: 100 } satisfies VoteMessage);
}
parentPort!.postMessage({ type: 'done', bodies } satisfies VoteMessage);
