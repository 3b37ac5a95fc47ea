/**
 * The upload check worker thread (SPEC §9.1): each task is a pure function of its input that checks
 * an upload as its route would and prepares what gets written, off the server's event loop. A
 * refusal is sent back as its status, code, message and details, exactly as the route would answer.
 * A new kind of upload adds its check to TASKS.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorResponse } from '../http/errors.ts';
import { checkCredentialUpload } from '../credentials/list-check.ts';
import { checkRollFile } from '../roll/file-check.ts';
import type { ErrorCode } from '@saylau/protocol';

const TASKS = { 'credential-list': checkCredentialUpload, 'roll-file': checkRollFile };

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;
export interface TaskRequest {
  id: number;
  task: TaskName;
  input: unknown;
}
export type TaskReply =
  | { id: number; value: unknown }
  | {
      id: number;
      /** A 4xx answer; null for an unexpected error (a 500, named by `error`). */
      refusal: { status: number; code: ErrorCode; message: string; details?: unknown } | null;
      error: string;
    };

const port = parentPort;
if (!port) throw new Error('check-worker.ts runs as a worker thread');
port.on('message', (m: TaskRequest) => {
  let reply: TaskReply;
  try {
    const check = TASKS[m.task] as (input: unknown) => unknown;
    reply = { id: m.id, value: check(m.input) };
  } catch (e) {
    const r = toErrorResponse(e);
    reply = {
      id: m.id,
      refusal: r.internal ? null : { status: r.status, ...r.body.error },
      error: (e as Error)?.name ?? 'error',
    };
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({ id: m.id, refusal: null, error: (e as Error)?.name ?? 'error' } satisfies TaskReply);
  }
});
