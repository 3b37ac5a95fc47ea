/**
 * What the ballot pool (pool.ts) and its workers say to each other (checks 7.1, 7.3, 7.4; SPEC
 * §11.3), whatever runs the workers: Node's worker threads for the command line (worker.ts) or Web
 * Workers for the page (page/worker/). A worker answers `{ ready: true }` once it has the election
 * parameters, then one response per request.
 */
import type { ElectionParams } from '@saylau/crypto';
import { verifyBallotBatch, type BallotItem, type BatchResult } from './ballot-batch.ts';

export interface WorkerRequest {
  id: number;
  items: BallotItem[];
}
export type WorkerResponse = { id: number; result: BatchResult } | { id: number; error: string };
export type WorkerMessage = WorkerResponse | { ready: true };

/**
 * A started ballot worker, as the pool sees it: the little that a Node worker thread and a Web
 * Worker both offer, each through its platform's adapter (platform/node.ts, platform/web.ts).
 */
export interface BallotWorker {
  postMessage(m: WorkerRequest): void;
  /** Every message the worker sends, in order. */
  onMessage(listener: (m: WorkerMessage) => void): void;
  /** The worker failed to start, threw or exited: it answers nothing more. */
  onFailure(listener: () => void): void;
  terminate(): Promise<void>;
}

/** A worker's answer to one request: the batch's verdicts, or the error that stopped it. */
export function answerBatch(params: ElectionParams, m: WorkerRequest): WorkerResponse {
  try {
    return { id: m.id, result: verifyBallotBatch(params, m.items) };
  } catch (e) {
    return { id: m.id, error: e instanceof Error ? `${e.name}: ${e.message}` : 'error' };
  }
}
