/**
 * V8's interrupt budget: how much bytecode a function runs before V8 considers handing it to its optimising
 * compiler. A process-wide flag, set before the code it concerns runs (docs/performance.md).
 *
 * The commands run most of their code cold, once or a few hundred times: optimised early, a broad function (the
 * report pipeline's model, plan and templates) is compiled on a background thread, deoptimised when the next plant's
 * data has another shape, and compiled again. Eight times the default lets it settle first — `report --format html`
 * 199 → 189 ms, batch with 300 Markdown reports 3.55 → 2.76 s (2026-12-07, interleaved, 2 cores). A long batch
 * without reports lives in its steady state, which the default reaches sooner: it keeps the default.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default in Node 20 (66 KB of bytecode). */
const V8_DEFAULT = 67_584;
/**
 * Measured on Node 20's V8 only: another V8 (Node 22 and later) has other defaults and another optimising pipeline,
 * and keeps its own.
 */
const MEASURED = /^11\.3\./.test(process.versions.v8);

/** For code run cold: every command (set with the code cache, whose bytecode is made and used under it), and batch --reports. */
export function patientOptimiser(): void {
  if (MEASURED) setFlagsFromString(`--interrupt-budget=${8 * V8_DEFAULT}`);
}

/** For a long batch without reports, whose speed is its steady state: V8's default. */
export function defaultOptimiser(): void {
  if (MEASURED) setFlagsFromString(`--interrupt-budget=${V8_DEFAULT}`);
}
