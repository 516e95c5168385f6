// A module of its own, without imports: `--help` states the figures, and must not load the batch machinery for them.
/**
 * Answer files one more worker must have before it pays for its start-up: a worker loads the code and compiles the
 * definitions before it scores its first file, and its optimising compiler warms up on the first few hundred
 * plants, so a small batch is read by one worker. Measured (2026-12-05, quiet machine, three runs each): 1,000 full
 * files 1.69 s with one worker, 1.73 s with two; 2,000 files 2.79 s against 2.54 s (docs/performance.md). Below
 * this many, and with no table, the batch is scored on the main thread (no worker to start: 100 full files 0.74 →
 * 0.58 s, one file 0.37 → 0.20 s, 2026-12-06).
 */
export const FILES_PER_WORKER = 600;

/**
 * The same with `--reports`: a report costs several times a plant's scoring, and a worker renders the next reports
 * while the main thread writes the last ones. Measured (2026-12-07, five runs each, Markdown reports of full files,
 * with the report pipeline's interrupt budget, workers.ts; medians): 15 files 0.49 s on the main thread against
 * 0.61–0.64 s with one or two workers; 30 files 1.01 s on the main thread, 1.07 s with one worker, 0.98 s with two;
 * 60 files (four runs) 1.04 / 1.07 / 0.96 s; 150 files (four runs) 1.90 s with one worker, 1.58 s with two; 300 files
 * (four runs) 3.1 s with one, 2.4 s with two.
 */
export const REPORT_FILES_PER_WORKER = 30;
