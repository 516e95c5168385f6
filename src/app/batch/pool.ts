import { Worker } from 'node:worker_threads';
import type { UnitSource } from './inputs.js';
import type { ProcessOptions, Unit, UnitPart } from './parts.js';
import type { FromWorker, ToWorker } from './worker-loop.js';


export interface PoolEvents {
  /** Parts of each input, called strictly in input order (awaited: the pool waits for slow consumers). */
  consume(index: number, part: UnitPart): Promise<void> | void;
  /** An input is finished (after all its parts were consumed). */
  done(index: number): Promise<void> | void;
  /**
   * Reading this input threw (`threw`) or killed its worker (`died`); the input is rejected, the batch goes on.
   */
  crashed(index: number, detail: string, how: 'threw' | 'died'): Promise<void> | void;
  /** A message from a worker about the batch as a whole (printed once). */
  note?(text: string): void;
}

/**
 * A worker's young generation (MB). A plant leaves ≈ 0.3 MB of short-lived objects; in a small young generation
 * they are collected every few plants and the survivors of the plant in progress are copied, promoted and marked
 * again. Measured (docs/performance.md): 8 → 16 MB takes ≈ 4 % off the CPU of a batch for ≈ 12 MB more peak memory;
 * reports make more garbage per plant (32 MB; DOCX too, since it no longer uses the docx library: 64 MB no longer
 * helped, 8 MB cost half again per report).
 */
function youngGenerationMb(reports: ProcessOptions['reports']): number {
  return !reports ? 16 : 32;
}

interface Slot {
  worker: Worker;
  /** Inputs sent to the worker and not finished, in the order it reads them. */
  pending: number[];
  /** Shared cell: the index of the input the worker is reading (-1 when idle). */
  current: Int32Array;
  /** The worker has reported something (it started and read an input). */
  reported: boolean;
}

/** Workers that may die in a row without reading anything before the run fails (they cannot start: a broken install). */
const MAX_DEAD_AT_START = 3;

/**
 * Spreads inputs over worker threads and hands their results back in input order, whatever --jobs is.
 * Memory is bounded: at most `window` inputs per worker are in flight and results wait in a reorder buffer
 * that can never be more than `ahead` inputs long.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private head = 0;
  private readonly buffered = new Map<number, { parts: UnitPart[]; done: boolean; crash?: { detail: string; how: 'threw' | 'died' } }>();
  private chain: Promise<void> = Promise.resolve();
  private inChain = 0;
  private finished!: () => void;
  private failed!: (e: unknown) => void;
  private readonly retry: number[] = [];
  private readonly ahead: number;
  private announced = false;
  private deadAtStart = 0;
  private stopped = false;

  constructor(
    private readonly units: UnitSource,
    private readonly jobs: number,
    private readonly options: ProcessOptions,
    private readonly events: PoolEvents,
    private readonly workerUrl: URL = new URL('./worker.js', import.meta.url),
    private readonly window = 16,
  ) {
    this.ahead = Math.max(64, jobs * window * 4);
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
      if (this.units.length === 0) return resolve();
      const n = Math.max(1, Math.min(this.jobs, this.units.length));
      for (let i = 0; i < n; i++) this.spawn();
      this.pump();
    });
  }

  private spawn(): Slot {
    const current = new Int32Array(new SharedArrayBuffer(4));
    current[0] = -1;
    // The young generation's size trades memory for time spent collecting (youngGenerationMb).
    const worker = new Worker(this.workerUrl, {
      workerData: { ...this.options, current, announce: !this.announced },
      stdout: false,
      stderr: false,
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(this.options.reports) },
    });
    this.announced = true;
    const slot: Slot = { worker, pending: [], current, reported: false };
    let dead = false;
    worker.on('message', (m: FromWorker) => {
      // Once the pool has settled a dead worker's inputs (read again elsewhere), what it posted late is not counted
      // twice.
      if (dead) return;
      // a worker that reads something has started: the failures to start counted so far were not in a row
      if (m.type !== 'note' && !slot.reported) {
        slot.reported = true;
        this.deadAtStart = 0;
      }
      if (m.type === 'part') this.arrive(m.index, m.part);
      else if (m.type === 'note') this.events.note?.(m.detail);
      else {
        for (const it of m.items) {
          if (it.part) this.arrive(it.index, it.part);
          const e = this.entry(it.index);
          if (it.failed !== undefined) e.crash = { detail: it.failed, how: 'threw' };
          e.done = true;
        }
        const finished = new Set(m.items.map((it) => it.index));
        slot.pending = slot.pending.filter((i) => !finished.has(i));
        this.flush();
        this.pump();
      }
    });
    const die = (detail: string) => {
      if (dead || this.stopped) return;
      dead = true;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      // A worker that dies before reading anything, again and again, cannot start: fail rather than respawn for ever.
      if (!slot.reported && Atomics.load(slot.current, 0) < 0 && ++this.deadAtStart >= MAX_DEAD_AT_START) {
        this.fail(new Error(`the batch's worker threads stop before reading any input (${this.deadAtStart} in a row; last: ${detail}); reinstall zhizao`));
        return;
      }
      // The worker stored the index of the input it was reading in the shared cell: that input killed it.
      // Inputs it finished but had not yet reported are read again by another worker.
      const at = Atomics.load(slot.current, 0);
      const culprit = slot.pending.includes(at) ? at : undefined;
      const queued = slot.pending.filter((i) => i !== culprit);
      if (culprit !== undefined) {
        const e = this.entry(culprit);
        e.crash = { detail, how: 'died' };
        e.done = true;
      }
      this.retry.unshift(...queued);
      if (this.next < this.units.length || this.retry.length) this.spawn();
      this.flush();
      this.pump();
    };
    // Let messages the worker posted before it died arrive first (they may finish inputs), then decide.
    const later = (detail: string) => setTimeout(() => die(detail), 50);
    worker.on('error', (e) => later(e.message));
    worker.on('exit', (code) => later(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private entry(index: number) {
    let e = this.buffered.get(index);
    if (!e) this.buffered.set(index, (e = { parts: [], done: false }));
    return e;
  }

  private arrive(index: number, part: UnitPart) {
    if (index === this.head) this.enqueue(() => this.events.consume(index, part));
    else this.entry(index).parts.push(part);
  }

  private enqueue(f: () => Promise<void> | void) {
    this.inChain++;
    this.chain = this.chain
      .then(f)
      .then(() => {
        this.inChain--;
        this.pump();
      })
      .catch((e) => this.fail(e));
  }

  /** Hand over everything that is complete at the head of the input order. */
  private flush() {
    for (;;) {
      const e = this.buffered.get(this.head);
      if (!e) return;
      const index = this.head;
      const parts = e.parts.splice(0);
      for (const p of parts) this.enqueue(() => this.events.consume(index, p));
      if (!e.done) return;
      const crash = e.crash;
      this.buffered.delete(index);
      if (crash !== undefined) this.enqueue(() => this.events.crashed(index, crash.detail, crash.how));
      this.enqueue(() => this.events.done(index));
      this.head++;
      if (this.head >= this.units.length) {
        this.enqueue(() => this.finish());
        return;
      }
    }
  }

  /** Interrupted: stop every worker's JavaScript now (thread-safe, returns at once), without settling the run. */
  stop(): void {
    // (a dead worker's pending decision must not start a new one)
    this.stopped = true;
    for (const s of this.slots.splice(0)) {
      s.worker.removeAllListeners();
      void s.worker.terminate();
    }
  }

  private finish() {
    for (const s of this.slots.splice(0)) {
      s.worker.removeAllListeners('exit');
      s.worker.removeAllListeners('error');
      void s.worker.terminate();
    }
    this.finished();
  }

  private fail(e: unknown) {
    this.stop();
    this.failed(e);
  }

  /** Send more work while workers have room, the reorder buffer is short and consumers keep up. */
  private pump() {
    if (this.inChain > this.ahead) return;
    // Called after every result consumed: nothing is allocated unless a worker has room and there is work (a sorted
    // copy of the slots at every call was the main thread's largest allocation, 1.6 KB per input).
    if (!this.slots.some((s) => s.pending.length <= this.window / 2) || (this.next >= this.units.length && !this.retry.length)) return;
    for (const slot of [...this.slots].sort((a, b) => a.pending.length - b.pending.length)) {
      // Top up in batches (one message for several inputs) once half the window is free.
      if (slot.pending.length > this.window / 2) continue;
      const batch: Unit[] = [];
      while (slot.pending.length < this.window) {
        const index = this.retry.length ? this.retry.shift()! : this.next < this.units.length && this.next - this.head < this.ahead ? this.next++ : undefined;
        if (index === undefined) break;
        slot.pending.push(index);
        this.entry(index);
        batch.push(this.units.at(index));
      }
      if (batch.length) slot.worker.postMessage({ type: 'units', units: batch } satisfies ToWorker);
    }
  }
}
