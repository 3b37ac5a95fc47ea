/** Verifier worker thread: verifies each batch it is sent and answers with the verdicts (SPEC §5.6). */
import { parentPort } from 'node:worker_threads';
import { verifyBatch, type VerifyItem } from './verify-batch.ts';

export interface BatchRequest {
  id: number;
  items: VerifyItem[];
}
export type BatchResponse =
  { id: number; verdicts: ReturnType<typeof verifyBatch> } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('verifier-worker.ts runs as a worker thread');
port.on('message', (m: BatchRequest) => {
  let reply: BatchResponse;
  try {
    reply = { id: m.id, verdicts: verifyBatch(m.items) };
  } catch (e) {
    reply = { id: m.id, error: (e as Error)?.name ?? 'error' };
  }
  port.postMessage(reply);
});
