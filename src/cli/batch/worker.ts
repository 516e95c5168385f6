import { parentPort, workerData } from 'node:worker_threads';
import { Processor, type ProcessOptions, type Unit } from './process.js';

/** Worker thread: scores the inputs it is sent, one at a time, streaming parts back in order. */
const processor = new Processor(workerData as ProcessOptions);
const queue: Unit[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length) {
    const unit = queue.shift()!;
    const crash = process.env.ZHIZAO_BATCH_CRASH_TEST;
    if (crash && unit.path.includes(crash)) {
      // Test hook: simulate a crash of the worker while it reads this input.
      setImmediate(() => {
        throw new Error('simulated worker crash');
      });
      await new Promise(() => undefined);
    }
    try {
      await processor.run(unit, (part) => parentPort!.postMessage({ type: 'part', index: unit.index, part }));
    } catch (e) {
      parentPort!.postMessage({ type: 'failed', index: unit.index, detail: (e as Error).message });
    }
    parentPort!.postMessage({ type: 'done', index: unit.index });
  }
  busy = false;
}

parentPort!.on('message', (msg: { type: 'unit'; unit: Unit }) => {
  if (msg.type === 'unit') {
    queue.push(msg.unit);
    void drain();
  }
});
