import { workerData } from 'node:worker_threads';
import { Processor, type ProcessOptions } from './process.js';
import { serveUnits } from './worker-loop.js';

/** Worker thread entry: one Processor (definitions loaded once) serving the inputs the pool sends. */
const data = workerData as ProcessOptions & { announce?: boolean; current: Int32Array };
serveUnits(new Processor(data), data);
