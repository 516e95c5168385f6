/** How many workers a batch gets, and the V8 settings it runs under (heap growth, inlining, collection, the optimiser's budget). */
import { setFlagsFromString } from 'node:v8';
import { FILES_PER_WORKER } from './files-per-worker.js';
import { defaultOptimiser, patientOptimiser } from '../v8-budget.js';

/**
 * The default --jobs: one worker per `perWorker` answer files (FILES_PER_WORKER, or REPORT_FILES_PER_WORKER with
 * --reports; a table, read whole by one worker, counts as one worker's work), never more than the CPUs; 0 — scored
 * on the main thread (MainThreadPool) — for fewer answer files than one worker's worth and no table.
 */
export function defaultJobs(units: Iterable<{ kind: string }>, cpus: number, perWorker: number = FILES_PER_WORKER): number {
  let tables = 0;
  let files = 0;
  for (const u of units) {
    if (u.kind === 'csv' || u.kind === 'xlsx') tables++;
    else if (u.kind === 'answer') files++;
  }
  if (tables === 0 && files < perWorker) return 0;
  return Math.max(1, Math.min(cpus, tables + Math.floor(files / perWorker)));
}

/**
 * V8's settings for a batch; they are process-wide, so they are set before the workers start.
 *
 * Heap growth: workers make short-lived garbage at every file, and V8 lets each thread's heap grow by up to ×4 of
 * what is live before a full collection: the resident memory of a long batch rose for tens of seconds, to ~240 MB
 * at 30,000 files against ~180 MB early on. Growing by at most 50 % keeps it flat (measured CPU cost about 3 %).
 */
export function tuneV8ForBatch(opts: { reports: boolean }): void {
  setFlagsFromString('--heap-growing-percent=50');
  // Each worker compiles the scoring pipeline's hot functions with V8's optimising compiler on background threads,
  // and again whenever a new shape of plant deoptimises them; with the default inlining budget a big function
  // (the worker's scoreSource, recommend, planRoadmap) takes 0.1–0.5 s per compile. A smaller budget halves that
  // background work for a steady-state speed per plant within 4 %: 5,000 full files, quiet machine, three runs each,
  // --jobs 2 5.38 → 4.81 s (CPU −12 %), --jobs 1 6.20 → 6.09 s (CPU −6 %) (docs/performance.md). Both flags exist in
  // the V8 of Node 20 to 24; a V8 without one prints one line on stderr and batch runs as before.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  // The young generation is collected on the worker's own thread: V8's parallel scavenge puts helper threads beside
  // the workers, and with as many workers as cores they only compete with them. Measured (2026-12-06, 2 cores, five
  // interleaved pairs): 5,000 full files --jobs 2, median 4.78 → 4.32 s with this and --no-concurrent-marking; this
  // alone did as well within the spread (four pairs); --jobs 1 unchanged within the spread (docs/performance.md).
  // --no-concurrent-marking is not set: it raised the peak memory of a 100,000-file batch (100k ÷ 10k 1.10 → 1.16).
  // --single-threaded-gc, which would also stop parallel marking, aborts the process when set after start-up.
  setFlagsFromString('--no-parallel-scavenge');
  // With per-company reports each worker runs the whole report pipeline cold, a few hundred times: V8's optimising
  // compiler is left to wait until it settles (v8-budget.ts). Measured (2026-12-07, 2 cores, interleaved, the default
  // --jobs): 300 full files with Markdown reports, five runs, median 3.55 → 2.76 s; HTML 3.70 → 2.99 s; DOCX 5.02 →
  // 4.22 s; 1,000 Markdown reports, two runs, 8.9 / 7.6 → 6.4 / 6.3 s. Without reports the steady state of a long
  // batch decides, and the default was as fast or faster (5,000 full files, three runs each, --jobs 1 13.3–16.4 s
  // against 14.9–21.2 s).
  if (opts.reports) patientOptimiser();
  else defaultOptimiser();
}
