/**
 * The verifier page's Web Worker (SPEC §11.5), one bundled source with two roles, like the command
 * line's one file (../../main.ts). Its first message says which:
 *
 * - `verify` (started by the page): runs verifyBoard (../../verify.ts), the very code of
 *   `saylau-verify`, and posts progress and the report. Its ballot workers (../../pool.ts through
 *   `#platform`, here ../../platform/web.ts) are started from the same source, which the page sends.
 * - `ballots` (started by the pool): verifies batches of ballots (checks 7.1, 7.3, 7.4) as a Node
 *   worker thread does (../../worker.ts).
 */
import { decodeElectionParams } from '@saylau/crypto';
import { UnusableInput, parseBoard } from '../../board.ts';
import { useWorkerSource, type BallotWorkerStart } from '../../platform/web.ts';
import { Collector } from '../../report.ts';
import { verifyBoard } from '../../verify.ts';
import { answerBatch, type WorkerMessage, type WorkerRequest } from '../../worker-protocol.ts';
import type { VerifyEvent, VerifyRequest } from '../messages.ts';

const send = (m: VerifyEvent | WorkerMessage) => postMessage(m);

/** The key of an unusable input's reason (exit code 2): the report has it in English only. */
function unusableKey(board: string): Extract<VerifyEvent, { kind: 'report' }>['unusable'] {
  try {
    parseBoard(board, new Collector());
  } catch (e) {
    if (e instanceof UnusableInput) return { key: e.key, params: e.params };
  }
  return null;
}

async function verify(m: VerifyRequest): Promise<void> {
  useWorkerSource(m.source);
  const started = performance.now();
  let tally = false;
  try {
    const report = await verifyBoard(m.board, {
      checkpoints: m.checkpoints,
      receipts: m.receipts,
      ...(m.since === undefined ? {} : { since: m.since }),
      ...(m.workers === undefined ? {} : { workers: m.workers }),
      progress: (done, total) => {
        send({ kind: 'progress', stage: 'ballots', done, total });
        if (done === total && !tally) {
          tally = true;
          send({ kind: 'progress', stage: 'tally' });
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    send({ kind: 'report', report, unusable: report.exitCode === 2 ? unusableKey(m.board) : null, seconds });
  } catch (e) {
    send({ kind: 'error', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

let serve: ((m: WorkerRequest) => void) | null = null;

onmessage = (e: MessageEvent<VerifyRequest | BallotWorkerStart | WorkerRequest>) => {
  const m = e.data;
  if (serve) return serve(m as WorkerRequest);
  if ('role' in m && m.role === 'ballots') {
    const params = decodeElectionParams(m.params);
    serve = (r) => send(answerBatch(params, r));
    send({ ready: true });
  } else if ('role' in m && m.role === 'verify') void verify(m);
};
