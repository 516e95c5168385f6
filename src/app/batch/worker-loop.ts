import { parentPort } from 'node:worker_threads';
import type { Unit, UnitPart } from './parts.js';

/** What the pool sends a worker. */
export type ToWorker = { type: 'units'; units: Unit[] };
/** One finished input: its result (answer files), or why it failed. */
export interface DoneItem {
  index: number;
  part?: UnitPart;
  failed?: string;
}
/** What a worker sends the pool: a note for the whole batch, a part of a table as it is read, finished inputs. */
export type FromWorker = { type: 'note'; detail: string } | { type: 'part'; index: number; part: UnitPart } | { type: 'done'; items: DoneItem[] };

export interface UnitProcessor {
  run(unit: Unit, emit: (part: UnitPart) => void): Promise<void>;
  startNote(): Promise<string | undefined>;
}

/**
 * The worker's loop: scores the inputs it is sent, one at a time and in the order received. Before each input it
 * stores the input's index in a shared cell (`current`), so that if the thread dies the pool knows which input
 * killed it without a message per input. Finished answer files are posted back in batches (a message costs more
 * than scoring a small file); table rows stream back in parts as they are read.
 */
export function serveUnits(processor: UnitProcessor, data: { announce?: boolean; current: Int32Array }): void {
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  if (data.announce)
    processor.startNote().then(
      (text) => text && post({ type: 'note', detail: text }),
      () => undefined,
    );
  const queue: Unit[] = [];
  let outbox: DoneItem[] = [];
  let busy = false;
  const flush = () => {
    if (outbox.length) port.postMessage({ type: 'done', items: outbox } satisfies FromWorker, ownBuffers(outbox));
    outbox = [];
  };
  async function drain(): Promise<void> {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const unit = queue.shift()!;
      Atomics.store(data.current, 0, unit.index);
      const table = unit.kind === 'csv' || unit.kind === 'xlsx';
      if (table) flush();
      const done: DoneItem = { index: unit.index };
      try {
        await processor.run(unit, (part) => {
          if (table) port.postMessage({ type: 'part', index: unit.index, part } satisfies FromWorker, ownBuffers([{ index: unit.index, part }]));
          else done.part = part;
        });
      } catch (e) {
        done.failed = (e as Error).message;
      }
      outbox.push(done);
      if (table || outbox.length >= 32 || queue.length === 0) flush();
    }
    Atomics.store(data.current, 0, -1);
    busy = false;
  }
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'units') {
      queue.push(...msg.units);
      void drain();
    }
  });
}

/**
 * The bytes the finished inputs carry, each in a buffer of its own — the companies' spool lines, aggregates and reports,
 * the problems' lines:
 * moved to the main thread, not copied (a batch of HTML reports posts some 40 MB for 300 companies). A view into a
 * shared or larger buffer is copied as usual.
 */
function ownBuffers(items: readonly DoneItem[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const own = (bytes: unknown) => {
    if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !out.includes(bytes.buffer)) out.push(bytes.buffer);
  };
  for (const item of items) {
    own(item.part?.problems?.bytes);
    for (const c of item.part?.companies ?? []) {
      own(c.line);
      own(c.agg.row);
      own(c.report?.content);
    }
  }
  return out;
}
