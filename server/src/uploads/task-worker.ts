/**
 * One worker thread for the checks of large uploads (SPEC §9.1): started at the first upload and
 * kept while the server runs (unref'd while idle, so it never keeps a process alive), one task at a
 * time in arrival order (worker-thread.ts starts it). A
 * refusal thrown in the worker comes back as the same ApiError (status, code, message, details); a
 * worker that dies or stalls fails its task with 503 UPLOAD_CHECK_UNAVAILABLE, writing nothing, and
 * is replaced for the next task.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import type { TaskInput, TaskName, TaskOutput, TaskReply, TaskRequest } from './check-worker.ts';
import { Code } from '@saylau/protocol';

/** A 100,000-key list takes about 9 s on one core; ten times that means the worker is stuck. */
const TIMEOUT_MS = 120_000;

export const uploadCheckUnavailable = () =>
  new ApiError(
    503,
    Code.UPLOAD_CHECK_UNAVAILABLE,
    'the upload could not be checked just now; nothing was written, send it again',
  );

interface Queued {
  request: TaskRequest;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

export class TaskWorker {
  private worker: Worker | null = null;
  private running: (Queued & { timer: NodeJS.Timeout }) | null = null;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** A task is being checked now (tests look at this while they send other requests). */
  get busy(): boolean {
    return this.running !== null;
  }

  run<N extends TaskName>(task: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
    if (this.closed) return Promise.reject(uploadCheckUnavailable());
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, task, input },
        resolve: resolve as Queued['resolve'],
        reject,
      });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(uploadCheckUnavailable());
    this.fail();
    await this.worker?.terminate();
    this.worker = null;
  }

  private spawn(): Worker {
    const worker = startWorker('upload-check');
    worker.on('message', (m: TaskReply) => this.answer(m));
    worker.on('error', (e) => this.log(`upload check worker failed: ${e?.name ?? 'error'}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.fail();
      this.next();
    });
    worker.unref();
    return worker;
  }

  private next(): void {
    if (this.running || this.closed) return;
    const q = this.queue.shift();
    if (!q) return;
    this.worker ??= this.spawn();
    const worker = this.worker;
    const timer = setTimeout(() => {
      this.log('upload check worker timed out; replacing it');
      void worker.terminate(); // its exit fails the task
    }, TIMEOUT_MS);
    timer.unref();
    this.running = { ...q, timer };
    worker.ref();
    try {
      worker.postMessage(q.request);
    } catch (e) {
      // An input the structured clone cannot copy (callers send only what it can): fail this task only.
      this.settle();
      q.reject(e);
      this.next();
    }
  }

  private answer(m: TaskReply): void {
    const r = this.running;
    if (!r || r.request.id !== m.id) return;
    this.settle();
    if ('value' in m) r.resolve(m.value);
    else if (m.refusal)
      r.reject(new ApiError(m.refusal.status, m.refusal.code, m.refusal.message, m.refusal.details));
    else r.reject(new Error(`upload check ${r.request.task} failed: ${m.error}`));
    this.next();
  }

  /** The running task fails with 503 (its worker died, stalled or is being closed). */
  private fail(): void {
    const r = this.running;
    if (!r) return;
    this.settle();
    r.reject(uploadCheckUnavailable());
  }

  private settle(): void {
    clearTimeout(this.running!.timer);
    this.running = null;
    this.worker?.unref();
  }
}

const workers = new WeakMap<ServerContext, TaskWorker>();

/** The server's upload check worker, started at its first use. */
export function uploadChecks(ctx: ServerContext): TaskWorker {
  let w = workers.get(ctx);
  if (!w) workers.set(ctx, (w = new TaskWorker(ctx.log)));
  return w;
}

export async function closeUploadChecks(ctx: ServerContext): Promise<void> {
  await workers.get(ctx)?.close();
  workers.delete(ctx);
}
