/** Ballot verifier worker thread (checks 7.1, 7.3, 7.4): verifies each batch it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeElectionParams } from '@saylau/crypto';
import { answerBatch, type WorkerRequest } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const params = decodeElectionParams((workerData as { params: unknown }).params);
port.on('message', (m: WorkerRequest) => port.postMessage(answerBatch(params, m)));
port.postMessage({ ready: true });
