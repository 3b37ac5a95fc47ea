/** Ballot verifier worker thread (checks 7.1, 7.3, 7.4): verifies each batch it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeElectionParams } from '@saylau/crypto';
import { verifyBallotBatch, type BallotItem, type BatchResult } from './ballot-batch.ts';

export interface WorkerRequest {
  id: number;
  items: BallotItem[];
}
export type WorkerResponse = { id: number; result: BatchResult } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const params = decodeElectionParams((workerData as { params: unknown }).params);
port.on('message', (m: WorkerRequest) => {
  let reply: WorkerResponse;
  try {
    reply = { id: m.id, result: verifyBallotBatch(params, m.items) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? `${e.name}: ${e.message}` : 'error' };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
