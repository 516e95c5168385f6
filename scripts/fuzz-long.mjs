#!/usr/bin/env node
// The long fuzz run (docs/security.md): ≥ 10,000 seeded cases against dist/ in process, spread over worker threads,
// each case under a watchdog (a case that hangs is a failure and its worker is replaced).
//
//   npm run build && node scripts/fuzz-long.mjs [--cases 10000] [--seed 20261129] [--jobs 2] [--time-limit 10000]
//                                               [--kinds answers,expression,definition,template,csv,xlsx] [--out failures.json]
//
// Case kinds and the oracle are in tests/fuzz/lib/fuzz-core.mjs (shared with the in-`npm test` fuzz tests).
// Prints a summary: cases, failures (grouped by signature, known bugs marked), how the cases ended, time.
// Exit 0 when no case failed except with a known, reported bug; 1 otherwise.
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIB = pathToFileURL(path.join(ROOT, 'tests', 'fuzz', 'lib', 'fuzz-core.mjs')).href;
const dist = (m) => import(pathToFileURL(path.join(ROOT, 'dist', `${m}.js`)).href);

async function setup() {
  const lib = await import(LIB);
  const api = await lib.loadApi(dist);
  const ctx = lib.withSample(await lib.createContext(api));
  return { lib, ctx };
}

if (!isMainThread) {
  // Worker: run the cases it is sent.
  const { lib, ctx } = await setup();
  process.on('exit', () => {
    if (ctx.tableDir) rmSync(ctx.tableDir, { recursive: true, force: true });
  });
  parentPort.on('message', async ({ id, c }) => {
    const t = performance.now();
    const { failures, outcome } = await lib.runCase(ctx, c, { timeLimitMs: workerData.timeLimit });
    parentPort.postMessage({ id, failures, outcome, ms: performance.now() - t });
  });
  parentPort.postMessage({ ready: true });
} else {
  await main();
}

function args() {
  const a = process.argv.slice(2);
  const get = (name, def) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 && a[i + 1] !== undefined ? a[i + 1] : def;
  };
  return {
    cases: Number(get('cases', 10_000)),
    seed: Number(get('seed', 20261129)),
    jobs: Math.max(1, Number(get('jobs', Math.min(os.availableParallelism?.() ?? os.cpus().length, 4)))),
    timeLimit: Number(get('time-limit', 10_000)),
    kinds: get('kinds', ''),
    out: get('out', ''),
  };
}

async function main() {
  const opt = args();
  const started = performance.now();
  const { default: fc } = await import('fast-check');
  const { lib, ctx } = await setup();
  const arbitraries = {
    answers: lib.answerCaseArb(ctx),
    expression: lib.expressionArb(ctx),
    definition: lib.definitionCaseArb(ctx),
    template: lib.templateCaseArb(),
  };
  if (ctx.api.readTableInput) {
    arbitraries.csv = lib.tableCaseArb(ctx, 'csv');
    arbitraries.xlsx = lib.tableCaseArb(ctx, 'xlsx');
  } else console.error('fuzz-long: dist/io/tables is not built; CSV and XLSX cases are skipped');
  const chosen = opt.kinds ? opt.kinds.split(',') : null;
  const weights = { answers: 45, expression: 25, definition: 10, template: 5, csv: 12, xlsx: 3 };
  const arb = fc.oneof(...Object.entries(arbitraries).filter(([k]) => !chosen || chosen.includes(k)).map(([k, a]) => ({ weight: weights[k] ?? 5, arbitrary: a })));

  // Cases are generated in seeded batches, so that case #n is the same on every run with the same seed.
  const BATCH = 250;
  let generated = [];
  let nextIndex = 0;
  const nextCase = () => {
    if (nextIndex >= opt.cases) return undefined;
    const b = Math.floor(nextIndex / BATCH);
    if (nextIndex % BATCH === 0) generated = fc.sample(arb, { seed: opt.seed + b, numRuns: Math.min(BATCH, opt.cases - b * BATCH) });
    return { id: nextIndex, c: generated[nextIndex++ % BATCH] };
  };

  const outcomes = {};
  const bySignature = new Map();
  let failedCases = 0;
  let done = 0;
  let slowest = { ms: 0, id: -1, kind: '' };
  const record = (id, c, failures, outcome, ms) => {
    done++;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (ms > slowest.ms) slowest = { ms, id, kind: c.kind };
    if (!failures.length) return;
    failedCases++;
    for (const f of failures) {
      const sig = lib.signature(f);
      const entry = bySignature.get(sig) ?? { count: 0, known: lib.knownBug(f), example: f, caseId: id, case: c };
      entry.count++;
      bySignature.set(sig, entry);
    }
  };

  await new Promise((resolveAll) => {
    let active = 0;
    const startWorker = () => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { timeLimit: opt.timeLimit } });
      active++;
      let current;
      let timer;
      const feed = () => {
        current = nextCase();
        if (!current) {
          w.terminate();
          return;
        }
        const started = performance.now();
        timer = setTimeout(() => {
          // A hang: count it, replace the worker, carry on.
          record(current.id, current.c, [`hang: case took longer than ${opt.timeLimit} ms`], `${current.c.kind}:hang`, performance.now() - started);
          current = undefined;
          w.removeAllListeners('exit');
          w.terminate().then(() => {
            active--;
            startWorker();
          });
        }, opt.timeLimit + 2000);
        w.postMessage(current);
      };
      w.on('message', (m) => {
        if (m.ready) return feed();
        clearTimeout(timer);
        record(m.id, current.c, m.failures, m.outcome, m.ms);
        if (done % 1000 === 0) process.stderr.write(`  ${done}/${opt.cases} cases, ${failedCases} failed, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        feed();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        if (current) record(current.id, current.c, [`worker crashed: ${e?.message ?? e}`], `${current.c.kind}:worker-crash`, 0);
        current = undefined;
      });
      w.on('exit', () => {
        active--;
        if (current) {
          clearTimeout(timer);
          record(current.id, current.c, ['worker exited during the case'], `${current.c.kind}:worker-exit`, 0);
          current = undefined;
          startWorker();
          return;
        }
        if (active === 0) resolveAll();
      });
    };
    for (let i = 0; i < opt.jobs; i++) startWorker();
  });

  const seconds = (performance.now() - started) / 1000;
  const unknown = [...bySignature.values()].filter((e) => !e.known);
  const kinds = {};
  for (const [k, n] of Object.entries(outcomes)) {
    const [kind] = k.split(':');
    kinds[kind] = (kinds[kind] ?? 0) + n;
  }
  const lines = [
    `zhizao fuzz-long: ${done} cases, seed ${opt.seed}, ${opt.jobs} worker(s), node ${process.version}, ${os.cpus().length} CPU(s)`,
    `time: ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} cases/s); slowest case #${slowest.id} (${slowest.kind}) ${slowest.ms.toFixed(0)} ms; limit ${opt.timeLimit} ms`,
    `cases by kind: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `failures: ${failedCases} case(s); ${unknown.length} new signature(s), ${bySignature.size - unknown.length} known bug signature(s)`,
    ...[...bySignature.entries()].sort((a, b) => b[1].count - a[1].count).map(([sig, e]) => `  ${String(e.count).padStart(6)}  ${e.known ? `[known: ${e.known}] ` : '[NEW] '}${sig}`),
    'how cases ended:',
    ...Object.entries(outcomes).sort().map(([k, n]) => `  ${String(n).padStart(6)}  ${k}`),
  ];
  console.log(lines.join('\n'));
  if (opt.out) {
    writeFileSync(opt.out, JSON.stringify({ summary: lines, failures: [...bySignature.entries()].map(([signature, e]) => ({ signature, ...e })) }, null, 2));
    console.log(`failing cases written to ${opt.out}`);
  }
  process.exitCode = unknown.length ? 1 : 0;
}
