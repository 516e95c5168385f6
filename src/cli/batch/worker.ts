import { parentPort, workerData } from 'node:worker_threads';
import { Processor, type ProcessOptions, type Unit, type UnitPart } from './process.js';

/**
 * Worker thread: scores the inputs it is sent, one at a time and in the order received.
 * Before each input it stores the input's index in a shared cell (`current`), so that if the thread dies the pool
 * knows which input killed it without a message per input. Finished answer files are posted back in batches (a
 * message costs more than scoring a small file); table rows stream back in parts as they are read.
 */
const data = workerData as ProcessOptions & { announce?: boolean; current: Int32Array };
const processor = new Processor(data);
if (data.announce)
  void processor.startNote().then(
    (text) => text && parentPort!.postMessage({ type: 'note', detail: text }),
    () => undefined,
  );

interface Done {
  index: number;
  part?: UnitPart;
  failed?: string;
}
const queue: Unit[] = [];
let outbox: Done[] = [];
let busy = false;
const flush = () => {
  if (outbox.length) parentPort!.postMessage({ type: 'done', items: outbox });
  outbox = [];
};

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length) {
    const unit = queue.shift()!;
    Atomics.store(data.current, 0, unit.index);
    const crash = process.env.ZHIZAO_BATCH_CRASH_TEST;
    if (crash && unit.path.includes(crash)) {
      // Test hook: simulate a crash of the worker while it reads this input.
      flush();
      setImmediate(() => {
        throw new Error('simulated worker crash');
      });
      await new Promise(() => undefined);
    }
    const table = unit.kind === 'csv' || unit.kind === 'xlsx';
    if (table) flush();
    const done: Done = { index: unit.index };
    try {
      await processor.run(unit, (part) => {
        if (table) parentPort!.postMessage({ type: 'part', index: unit.index, part });
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

parentPort!.on('message', (msg: { type: 'units'; units: Unit[] }) => {
  if (msg.type === 'units') {
    queue.push(...msg.units);
    void drain();
  }
});
