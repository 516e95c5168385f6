import { Worker } from 'node:worker_threads';
import type { ProcessOptions, Unit, UnitPart } from './process.js';

export interface PoolEvents {
  /** Parts of each input, called strictly in input order (awaited: the pool waits for slow consumers). */
  consume(index: number, part: UnitPart): Promise<void> | void;
  /** An input is finished (after all its parts were consumed). */
  done(index: number): Promise<void> | void;
  /** A worker died or threw while reading this input; the input is rejected, the batch goes on. */
  crashed(index: number, detail: string): Promise<void> | void;
}

interface Slot {
  worker: Worker;
  pending: number[];
}

/**
 * Spreads inputs over worker threads and hands their results back in input order, whatever --jobs is.
 * Memory is bounded: at most `window` inputs per worker are in flight and results wait in a reorder buffer
 * that can never be more than `ahead` inputs long.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private head = 0;
  private readonly buffered = new Map<number, { parts: UnitPart[]; done: boolean; crash?: string }>();
  private chain: Promise<void> = Promise.resolve();
  private inChain = 0;
  private finished!: () => void;
  private failed!: (e: unknown) => void;
  private readonly retry: number[] = [];
  private readonly ahead: number;

  constructor(
    private readonly units: readonly Unit[],
    private readonly jobs: number,
    private readonly options: ProcessOptions,
    private readonly events: PoolEvents,
    private readonly window = 4,
  ) {
    this.ahead = Math.max(16, jobs * window * 4);
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
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.options, stdout: false, stderr: false });
    const slot: Slot = { worker, pending: [] };
    worker.on('message', (m: { type: string; index: number; part?: UnitPart; detail?: string }) => {
      if (m.type === 'part') this.arrive(m.index, m.part!);
      else if (m.type === 'failed') this.entry(m.index).crash = m.detail ?? 'error';
      else if (m.type === 'done') {
        slot.pending = slot.pending.filter((i) => i !== m.index);
        this.entry(m.index).done = true;
        this.flush();
        this.pump();
      }
    });
    let dead = false;
    const die = (detail: string) => {
      if (dead) return;
      dead = true;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      // The worker runs its inputs one at a time: the first pending one is the input that killed it.
      const [culprit, ...queued] = slot.pending;
      if (culprit !== undefined) {
        const e = this.entry(culprit);
        e.crash = detail;
        e.done = true;
      }
      this.retry.unshift(...queued);
      if (this.next < this.units.length || this.retry.length) this.spawn();
      this.flush();
      this.pump();
    };
    worker.on('error', (e) => die(e.message));
    worker.on('exit', (code) => die(`exit code ${code}`));
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
      if (crash !== undefined) this.enqueue(() => this.events.crashed(index, crash));
      this.enqueue(() => this.events.done(index));
      this.head++;
      if (this.head >= this.units.length) {
        this.enqueue(() => this.finish());
        return;
      }
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
    for (const s of this.slots.splice(0)) {
      s.worker.removeAllListeners();
      void s.worker.terminate();
    }
    this.failed(e);
  }

  /** Send more work while workers have room, the reorder buffer is short and consumers keep up. */
  private pump() {
    if (this.inChain > this.ahead) return;
    for (const slot of [...this.slots].sort((a, b) => a.pending.length - b.pending.length)) {
      while (slot.pending.length < this.window) {
        const index = this.retry.length ? this.retry.shift()! : this.next < this.units.length && this.next - this.head < this.ahead ? this.next++ : undefined;
        if (index === undefined) return;
        slot.pending.push(index);
        this.entry(index);
        slot.worker.postMessage({ type: 'unit', unit: this.units[index]! });
      }
    }
  }
}
