// The batch worker's own per-file cost, in process: the same Processor a worker thread runs (read, parse, resolve,
// score, checks, recommendations, the batch record and its aggregate), over a folder of answer files, CPU µs per
// file, fastest of ROUNDS. No threads, no main-thread bookkeeping: what --jobs can at best divide.
// Usage: npm run build && node bench/worker-inprocess.mjs [COUNT=500] [ROUNDS=5] [full|minimal] [md|html|docx]
// With a format, each file's report is also built and rendered (what `batch --reports DIR --format F` adds; not written).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpuMs, distImport as dist, generate, generatedFiles, loadavg } from './lib.mjs';

const [count, rounds] = [500, 5].map((d, i) => Number(process.argv[2 + i] ?? d));
const shape = process.argv[4] ?? 'full';
const reports = process.argv[5];
const { Processor } = await dist('app/batch/process.js');
const { summaryLayout } = await dist('app/batch/layout.js');
const { Definitions } = await dist('io/definitions.js');
const { DEFAULT_LIMITS } = await dist('core/limits.js');
const { DEFAULT_TABLE_LIMITS } = await dist('io/tables/limits.js');

const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-worker-'));
try {
  // DIR: an existing folder of answer files (its part-* sub-folders) instead of generated ones
  const from = process.env.DIR || dir;
  if (!process.env.DIR) await generate(dir, count, { seed: 7, shape, format: 'mixed' });
  const files = generatedFiles(from);
  files.length = Math.min(files.length, count);
  const defs = new Definitions();
  const q = await defs.questionnaire();
  const targets = await defs.targets();
  const layout = summaryLayout(q, targets, { plan: true });
  const p = new Processor({ lang: 'zh', cmd: 'zhizao', limits: DEFAULT_LIMITS, tableLimits: DEFAULT_TABLE_LIMITS, anonymize: false, anonKey: 'k', layout, onBadCell: 'reject', includeAnswers: false, ...(reports ? { reports } : {}) });
  const units = files.map((f, index) => ({ index, path: f, shown: f, kind: 'answer' }));
  let sink = 0;
  const times = [];
  for (let r = 0; r < rounds + 1; r++) {
    const t0 = cpuMs();
    for (const u of units) await p.run(u, (part) => (sink += part.companies.length + part.rejected.length));
    if (r > 0) times.push(cpuMs() - t0); // round 0 warms up (definitions, JIT)
  }
  const best = Math.min(...times);
  console.log(`${count} ${shape} files${reports ? ` with ${reports} reports` : ''}, worker Processor in process: ${((best / count) * 1000).toFixed(0)} µs CPU per file (fastest of ${rounds}; all ${times.map((t) => ((t / count) * 1000).toFixed(0)).join(' ')}) · ${sink / (rounds + 1)} companies · load ${loadavg()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
