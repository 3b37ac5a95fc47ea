/**
 * The platform seam in browsers (the verifier page, SPEC §11.5): SHA-256 from @saylau/crypto, no
 * fast Ed25519 (the strict §7.4 verifier decides every signature), the logical CPUs the browser
 * reports, Web Workers started from a Blob of the page's own worker source (a page opened from
 * disk cannot start a worker from a file URL), setTimeout.
 */
import { sha256Hex, utf8ToBytes } from '@saylau/crypto';
import type { BallotWorker, WorkerMessage } from '../worker-protocol.ts';
import type { Platform } from './types.ts';

/** The first message a ballot worker gets (page/worker/worker.ts): its role and the parameters. */
export interface BallotWorkerStart {
  role: 'ballots';
  params: unknown;
}

let workerUrl: string | null = null;

/**
 * The verifier worker's bundled source, which is also the ballot workers' (page/worker/worker.ts):
 * given by the page to the worker that runs verifyBoard, before it starts any ballot worker.
 */
export function useWorkerSource(source: string): void {
  if (workerUrl) URL.revokeObjectURL(workerUrl);
  workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

export const platform: Platform = {
  sha256Hex: (data) => sha256Hex(typeof data === 'string' ? utf8ToBytes(data) : data),

  fastEd25519: () => 'unknown',

  cpuCount: () => Math.max(1, navigator.hardwareConcurrency || 1),

  startBallotWorker(params): BallotWorker {
    if (!workerUrl) throw new Error('no worker source: useWorkerSource() first');
    const worker = new Worker(workerUrl);
    const failed: (() => void)[] = [];
    const fail = () => failed.forEach((f) => f());
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    worker.postMessage({ role: 'ballots', params } satisfies BallotWorkerStart);
    return {
      postMessage: (m) => worker.postMessage(m),
      onMessage: (listener) =>
        worker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => listener(e.data)),
      onFailure: (listener) => void failed.push(listener),
      terminate: async () => worker.terminate(),
    };
  },

  later: (f) => void setTimeout(f, 0),
};
