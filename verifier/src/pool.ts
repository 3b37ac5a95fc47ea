/**
 * Worker threads for the ballot proofs (SPEC §5.6, checks 7.1/7.3/7.4): batches of ballot lines go to
 * idle workers, two in flight per worker so none waits for the main thread. A worker that fails to
 * start or crashes is dropped and its batches are verified in-thread: the verdicts never depend on
 * the threads. The workers are the platform's (`#platform`): Node's worker threads for the command
 * line, Web Workers for the page.
 */
import { platform } from '#platform';
import type { ElectionParams } from '@saylau/crypto';
import { verifyBallotBatch, type BallotItem, type BatchResult } from './ballot-batch.ts';
import type { BallotWorker, WorkerMessage, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

const IN_FLIGHT = 2;

interface Slot {
  worker: BallotWorker;
  ready: boolean;
  alive: boolean;
  busy: Map<number, BallotItem[]>;
}

export class BallotPool {
  private readonly slots: Slot[] = [];
  private queue: { id: number; items: BallotItem[] }[] = [];
  private nextId = 1;
  private remaining = 0;
  private onResult: ((r: BatchResult, size: number) => void) | null = null;
  private finished: (() => void) | null = null;
  private failed: ((e: unknown) => void) | null = null;

  get workers(): number {
    return this.slots.length;
  }

  /** Start `workers` threads now (they boot while the main thread does other checks). */
  constructor(
    private readonly params: ElectionParams,
    workers: number,
  ) {
    for (let i = 0; i < workers; i++) {
      const slot = this.spawn();
      if (slot) this.slots.push(slot);
    }
  }

  /** A new worker, or null where the platform cannot start one (a browser without nested workers). */
  private spawn(): Slot | null {
    let worker: BallotWorker;
    try {
      worker = platform.startBallotWorker(this.params.json);
    } catch {
      return null;
    }
    const slot: Slot = { worker, ready: false, alive: true, busy: new Map() };
    worker.onMessage((m: WorkerMessage) => {
      if ('ready' in m) slot.ready = true;
      else this.answer(slot, m);
      this.pump();
    });
    worker.onFailure(() => this.drop(slot));
    return slot;
  }

  /** Verify every batch; `onResult` is called once per batch, in completion order. */
  run(batches: BallotItem[][], onResult: (r: BatchResult, size: number) => void): Promise<void> {
    this.onResult = onResult;
    this.queue = batches.map((items) => ({ id: this.nextId++, items }));
    this.remaining = batches.length;
    return new Promise<void>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
      if (this.remaining === 0) resolve();
      else this.pump();
    });
  }

  private pump(): void {
    if (!this.onResult) return;
    const alive = this.slots.filter((s) => s.alive);
    if (alive.length === 0) {
      // No thread left (or none asked for): verify in-thread, one batch per turn of the event loop.
      const next = this.queue.shift();
      if (next) platform.later(() => this.local(next.items));
      return;
    }
    for (const s of alive) {
      while (s.ready && s.busy.size < IN_FLIGHT && this.queue.length > 0) {
        const b = this.queue.shift()!;
        s.busy.set(b.id, b.items);
        s.worker.postMessage({ id: b.id, items: b.items } satisfies WorkerRequest);
      }
    }
  }

  private local(items: BallotItem[]): void {
    try {
      this.deliver(verifyBallotBatch(this.params, items), items.length);
    } catch (e) {
      this.failed?.(e);
      return;
    }
    this.pump();
  }

  private answer(slot: Slot, m: WorkerResponse): void {
    const items = slot.busy.get(m.id);
    if (!items) return;
    slot.busy.delete(m.id);
    if ('error' in m) {
      // Retried elsewhere; a batch that fails everywhere fails in-thread and rejects run().
      this.queue.unshift({ id: m.id, items });
      this.drop(slot);
    } else this.deliver(m.result, items.length);
  }

  private deliver(r: BatchResult, size: number): void {
    this.onResult?.(r, size);
    if (--this.remaining === 0) this.finished?.();
  }

  /** A worker failed: its batches go back to the queue. */
  private drop(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    for (const [id, items] of slot.busy) this.queue.unshift({ id, items });
    slot.busy.clear();
    void slot.worker.terminate();
    this.pump();
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        s.alive = false;
        return s.worker.terminate();
      }),
    );
  }
}
