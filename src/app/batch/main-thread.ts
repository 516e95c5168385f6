import type { UnitSource } from './inputs.js';
import type { UnitPart } from './parts.js';
import type { PoolEvents } from './pool.js';
import type { UnitProcessor } from './worker-loop.js';

/**
 * A small batch scored on the main thread, under the worker pool's contract (PoolEvents: each input's parts, then
 * the input done, in input order). A worker thread pays for Node's start-up of a thread, the code and the
 * definitions compiled again before its first plant; below a worker's worth of answer files (defaultJobs) that is
 * more than scoring them here, where the definitions are already loaded. An input that throws is reported as
 * `crashed` (it threw), as in a worker, and the batch goes on.
 */
export class MainThreadPool {
  private stopped = false;

  constructor(
    private readonly units: UnitSource,
    private readonly processor: UnitProcessor,
    private readonly events: PoolEvents,
  ) {}

  async run(): Promise<void> {
    // what a first worker announces (recommendations unavailable for this questionnaire…), said once
    const note = await this.processor.startNote().catch(() => undefined);
    if (note) this.events.note?.(note);
    for (let index = 0; index < this.units.length && !this.stopped; index++) {
      const parts: UnitPart[] = [];
      let failed: string | undefined;
      try {
        await this.processor.run(this.units.at(index), (part) => parts.push(part));
      } catch (e) {
        failed = (e as Error).message;
      }
      for (const part of parts) await this.events.consume(index, part);
      if (failed !== undefined) await this.events.crashed(index, failed, 'threw');
      await this.events.done(index);
    }
  }

  /** Interrupted: no further input is started (the one in progress finishes within milliseconds). */
  stop(): void {
    this.stopped = true;
  }
}
