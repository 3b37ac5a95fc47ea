/**
 * A pool of verifier worker threads (SPEC §10.9 step 6). Concurrent cast requests are collected for
 * a few milliseconds (or until a batch is full) and verified together, which costs about a third of
 * one-by-one verification per ballot (§5.6), and off the event loop. While one worker is at work the
 * next is woken only for a fair batch (or a ballot that has waited long enough), so that at a steady
 * rate the batches grow instead of being split thin. A batch's verdicts are per
 * ballot: the crypto batch bisects on failure. A worker that crashes or stalls is replaced; its
 * requests get 503 VERIFIER_UNAVAILABLE, never a hang.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.ts';
import { availableParallelism } from 'node:os';
import { ApiError } from '../http/errors.ts';
import { verifyBatch, type Verdict, type VerifyItem } from './verify-batch.ts';
import type { BatchRequest, BatchResponse } from './verifier-worker.ts';
import { Code } from '@saylau/protocol';

export interface VerifierOptions {
  /** Worker threads; 0 verifies on the event loop (tests). Default: os.availableParallelism(). */
  workers?: number;
  /** How long a request waits for others to share its batch. */
  batchMs?: number;
  /** Largest batch sent to one worker. */
  maxBatch?: number;
  /**
   * While another worker is busy, an idle one is woken only for this many queued ballots, or once
   * the oldest has waited `maxWaitMs`: a batch costs less per ballot the larger it is (SPEC §5.6),
   * so at a steady rate one worker's batch fills before the next worker starts on a few ballots.
   */
  minBatch?: number;
  maxWaitMs?: number;
  /** A batch still unanswered after this is abandoned (503) and its worker replaced. */
  timeoutMs?: number;
  /** File URL of the worker module (tests substitute a failing one). */
  workerModule?: string;
  log?: (line: string) => void;
}

export const verifierUnavailable = () =>
  new ApiError(
    503,
    Code.VERIFIER_UNAVAILABLE,
    'ballot verification is unavailable for a moment; nothing was written, send the ballot again',
  );

/** More crashes than this within CRASH_WINDOW_MS delays the next respawn (no busy crash loop). */
const CRASH_BURST = 3;
const CRASH_WINDOW_MS = 5_000;
const RESPAWN_DELAY_MS = 1_000;

interface Pending {
  item: VerifyItem;
  /** When it was queued (performance.now()). */
  at: number;
  resolve: (v: Verdict) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  alive: boolean;
  batch: { id: number; pending: Pending[]; timer: NodeJS.Timeout } | null;
}

export class VerifierPool {
  readonly workers: number;
  private readonly batchMs: number;
  private readonly maxBatch: number;
  private readonly minBatch: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly workerModule: string | undefined;
  private readonly log: (line: string) => void;
  private readonly slots: Slot[] = [];
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private respawnTimers = new Set<NodeJS.Timeout>();
  private crashes: number[] = [];
  private nextId = 1;
  private closed = false;
  /** Counters for tests and the ingest benchmark. */
  readonly stats = { batches: 0, ballots: 0, largestBatch: 0, respawns: 0, unavailable: 0 };

  constructor(opts: VerifierOptions = {}) {
    this.workers = Math.max(0, Math.floor(opts.workers ?? availableParallelism()));
    this.batchMs = opts.batchMs ?? 4;
    this.maxBatch = Math.max(1, opts.maxBatch ?? 32);
    this.minBatch = Math.min(this.maxBatch, Math.max(1, opts.minBatch ?? 8));
    this.maxWaitMs = Math.max(0, opts.maxWaitMs ?? 40);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.workerModule = opts.workerModule;
    this.log = opts.log ?? (() => {});
    for (let i = 0; i < this.workers; i++) this.slots.push(this.spawn());
  }

  /** Ballots waiting for or under verification. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + (s.batch?.pending.length ?? 0), 0);
  }

  /** Verify one ballot; resolves with its verdict, rejects with a 503 ApiError if no worker answers. */
  verify(item: VerifyItem): Promise<Verdict> {
    if (this.closed) return Promise.reject(verifierUnavailable());
    return new Promise<Verdict>((resolve, reject) => {
      this.queue.push({ item, at: performance.now(), resolve, reject });
      if (this.queue.length >= this.maxBatch) this.dispatch();
      else this.timer ??= setTimeout(() => this.dispatch(), this.batchMs);
    });
  }

  /** Refuse what is queued, stop the workers. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const t of this.respawnTimers) clearTimeout(t);
    this.respawnTimers.clear();
    this.failAll(this.queue.splice(0));
    await Promise.all(
      this.slots.map((s) => {
        if (s.batch) this.abandon(s);
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = startWorker('casting-verifier', {}, this.workerModule);
    const slot: Slot = { worker, alive: true, batch: null };
    worker.on('message', (m: BatchResponse) => this.onMessage(slot, m));
    worker.on('error', (e) => this.log(`verifier worker failed: ${e?.name ?? 'error'}`));
    worker.on('exit', () => this.onExit(slot));
    // After the listeners: adding a 'message' listener refs the worker's port again. An idle pool never
    // keeps the process alive; send() refs a worker while it has a batch.
    worker.unref();
    return slot;
  }

  private dispatch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.queue.length === 0) return;
    if (this.workers === 0) {
      while (this.queue.length > 0) this.settle(this.queue.splice(0, this.maxBatch), null);
      return;
    }
    const idle = this.slots.filter((s) => s.alive && s.batch === null);
    if (idle.length === 0 && !this.slots.some((s) => s.alive)) {
      this.failAll(this.queue.splice(0)); // every worker is down: refuse now rather than wait
      return;
    }
    // Fill one worker's batch before waking the next; the rest waits for the next free one.
    let busy = this.slots.some((s) => s.alive && s.batch !== null);
    for (const slot of idle) {
      if (this.queue.length === 0) return;
      const waited = performance.now() - this.queue[0]!.at;
      if (busy && this.queue.length < this.minBatch && waited < this.maxWaitMs) {
        this.timer = setTimeout(() => this.dispatch(), this.maxWaitMs - waited);
        return;
      }
      this.send(slot, this.queue.splice(0, this.maxBatch));
      busy = true;
    }
  }

  private count(n: number): void {
    this.stats.batches++;
    this.stats.ballots += n;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, n);
  }

  private send(slot: Slot, pending: Pending[]): void {
    const id = this.nextId++;
    this.count(pending.length);
    const timer = setTimeout(() => {
      this.log('verifier worker timed out; replacing it');
      slot.alive = false; // no new batch for it while it terminates
      this.abandon(slot);
      void slot.worker.terminate();
    }, this.timeoutMs);
    timer.unref();
    slot.batch = { id, pending, timer };
    slot.worker.ref();
    try {
      slot.worker.postMessage({ id, items: pending.map((p) => p.item) } satisfies BatchRequest);
    } catch (e) {
      clearTimeout(timer);
      slot.batch = null;
      slot.worker.unref();
      for (const p of pending) p.reject(e);
    }
  }

  /** In-process verification (workers: 0), or delivery of a worker's answer. */
  private settle(pending: Pending[], verdicts: Verdict[] | null): void {
    let vs = verdicts;
    if (vs === null) {
      this.count(pending.length);
      try {
        vs = verifyBatch(pending.map((p) => p.item));
      } catch (e) {
        for (const p of pending) p.reject(e);
        return;
      }
    }
    pending.forEach((p, i) => p.resolve(vs[i]!));
  }

  private onMessage(slot: Slot, m: BatchResponse): void {
    const b = slot.batch;
    if (!b || b.id !== m.id) return; // an abandoned batch answering late
    clearTimeout(b.timer);
    slot.batch = null;
    slot.worker.unref();
    if ('error' in m) {
      this.log(`verifier worker error: ${m.error}`);
      for (const p of b.pending) p.reject(new Error('ballot verification failed'));
    } else this.settle(b.pending, m.verdicts);
    this.dispatch();
  }

  private onExit(slot: Slot): void {
    slot.alive = false;
    if (slot.batch) this.abandon(slot);
    if (this.closed) return;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const respawn = () => {
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.stats.respawns++;
      this.dispatch();
    };
    if (this.crashes.length > CRASH_BURST) {
      const t = setTimeout(() => {
        this.respawnTimers.delete(t);
        respawn();
      }, RESPAWN_DELAY_MS);
      t.unref();
      this.respawnTimers.add(t);
      this.dispatch(); // fails the queue at once if no worker is left
    } else respawn();
  }

  /** Give up on a slot's batch: its requests get 503. */
  private abandon(slot: Slot): void {
    const b = slot.batch;
    if (!b) return;
    clearTimeout(b.timer);
    slot.batch = null;
    slot.worker.unref();
    this.failAll(b.pending);
  }

  private failAll(pending: Pending[]): void {
    this.stats.unavailable += pending.length;
    for (const p of pending) p.reject(verifierUnavailable());
  }
}
