/**
 * Worker thread of bench/lib/ballots.ts: the voters' slow side, done before any clock starts. For
 * each order it takes the given credential code (or draws a fresh one) and the given choices (or
 * random ones) and encrypts and proves the ballot exactly as a booth does (SPEC §8.2), unsigned: the
 * anchor is a board head known only at send time, so signing waits for it (bench/lib/sign.ts). It
 * returns the credential's keys, the tracker the voter can look up, and the encrypted ballot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  bytesToHex,
  decodeElectionParams,
  deriveCredentialKeys,
  encryptBallot,
  generateCredentialCode,
  type EncryptedBallotJson,
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
  /** The credential's secret key, hex, to sign at send time: benchmark credentials only, never logged. */
  secretKey: string;
  /** §8.4: the same once the ballot is signed, whatever the anchor. */
  tracker: string;
  choices: number[];
  ballot: EncryptedBallotJson;
}
export type BuilderMessage = { type: 'progress'; done: number } | { type: 'done'; ballots: Built[] };

const job = workerData.job as BuildJob;
const params = decodeElectionParams(job.params);
const options = params.contests.map((c) => c.options);
const out: Built[] = [];
for (const [i, order] of job.orders.entries()) {
  const keys = deriveCredentialKeys(params.election, order.code ?? generateCredentialCode());
  const choices = order.choices ?? options.map((n) => Math.floor(Math.random() * n));
  const { ballot, tracker } = encryptBallot(params, keys.publicKey, choices);
  out.push({
    credential: keys.publicKeyText,
    secretKey: bytesToHex(keys.secretKey),
    tracker,
    choices,
    ballot,
  });
  if (i % 100 === 99) parentPort!.postMessage({ type: 'progress', done: 100 } satisfies BuilderMessage);
}
parentPort!.postMessage({ type: 'done', ballots: out } satisfies BuilderMessage);
