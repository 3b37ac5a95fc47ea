/** The page's side of the encryption worker: one request at a time per id, answered by a promise. */
import type { CheckResult, EncryptResult, Stage, WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { Code } from '@saylau/protocol/errors';

declare const __SAYLAU_WORKER_URL__: string;

/** A refusal from the worker: a CryptoError's code and field, or WORKER for anything else. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (s: Stage) => void;
};

type Body<K> = K extends WorkerRequest['kind']
  ? Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>
  : never;

export class CryptoWorker {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(url: string = __SAYLAU_WORKER_URL__) {
    this.worker = new Worker(url);
    this.worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => this.receive(e.data));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      for (const p of this.pending.values())
        p.reject(new WorkerError(Code.WORKER, '', e.message || 'worker failed'));
      this.pending.clear();
    });
  }

  private receive(m: WorkerResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.progress?.(m.stage);
    else {
      this.pending.delete(m.id);
      if (m.kind === 'done') p.resolve(m.result);
      else p.reject(new WorkerError(m.code, m.field, m.message));
    }
  }

  private request<K extends WorkerRequest['kind']>(kind: K, body: Body<K>, progress?: (s: Stage) => void) {
    const id = this.next++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.worker.postMessage({ id, kind, ...body } as WorkerRequest);
    });
  }

  /** Decode the parameters ahead of time (the key's tables), so that encrypting later is quick. */
  warm(params: unknown): Promise<void> {
    return this.request('warm', { params }).then(() => undefined);
  }

  encrypt(
    params: unknown,
    election: string,
    code: string,
    choices: number[],
    progress?: (s: Stage) => void,
  ): Promise<EncryptResult> {
    return this.request('encrypt', { params, election, code, choices }, progress) as Promise<EncryptResult>;
  }

  check(params: unknown, audit: unknown): Promise<CheckResult> {
    return this.request('check', { params, audit }) as Promise<CheckResult>;
  }
}
