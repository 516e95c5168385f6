// Benchmarks (a), (b) and (e) of issue #10, measured in one run on the same 10,000 seeded answer files:
//   (a) zhizao batch throughput ÷ a baseline that only reads and parses the files      (target ≥ 0.5)
//   (b) --jobs 2 against --jobs 1                                                      (target ≥ 1.6)
//   (e) a Python/PyYAML (C loader) script computing only the two regional indicators ÷ zhizao batch (zhizao faster: > 1)
// Usage: npm run build && node bench/batch-throughput.mjs [COUNT] [RUNS]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, fmt, generate, measure, ROOT } from './lib.mjs';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-'));
try {
  const t0 = Date.now();
  await generate(path.join(dir, 'in'), count);
  console.log(`generated ${count} answer files in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir}); ${availableParallelism()} cores`);
  const input = path.join(dir, 'in');
  // Warm the page cache so that every contender reads from memory.
  measure(process.execPath, [path.join(ROOT, 'bench', 'baseline-parse.mjs'), input]);
  measure('python3', [path.join(ROOT, 'bench', 'regional.py'), input]);

  const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  // Each contender runs `runs` times, interleaved; the fastest run counts (other load only slows runs down).
  const all = { base: [], baseFast: [], j1: [], j2: [], py: [] };
  const run = (jobs, out) => measure(process.execPath, [BIN, 'batch', input, '-o', path.join(dir, out), '--jobs', String(jobs), '--force'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
  for (let i = 0; i < runs; i++) {
    all.base.push(measure(process.execPath, [path.join(ROOT, 'bench', 'baseline-parse.mjs'), input]));
    all.baseFast.push(measure(process.execPath, [path.join(ROOT, 'bench', 'baseline-parse.mjs'), input, '--fast']));
    all.j1.push(run(1, 'out-j1.json'));
    all.j2.push(run(2, 'out-j2.json'));
    all.py.push(measure('python3', [path.join(ROOT, 'bench', 'regional.py'), input]));
  }
  const min = (xs) => xs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const [base, baseFast, j1, j2, py] = [all.base, all.baseFast, all.j1, all.j2, all.py].map(min);
  if (j1.status !== 0 || j2.status !== 0) console.log('batch exit codes', j1.status, j2.status, j2.stderr.slice(-500));

  console.log(`load average before: ${load0}; after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other processes share the cores)`);
  console.log(`baseline read+parse, yaml package (1 thread):       ${fmt(base.seconds)} s  ${fmt(count / base.seconds, 0)} files/s  peak ${fmt(base.maxRssMB, 0)} MB`);
  console.log(`baseline read+parse, zhizao's fast reader (1 thread): ${fmt(baseFast.seconds)} s  ${fmt(count / baseFast.seconds, 0)} files/s`);
  console.log(`zhizao batch --jobs 1:          ${fmt(j1.seconds)} s  ${fmt(count / j1.seconds, 0)} files/s  peak ${fmt(j1.maxRssMB, 0)} MB  cpu ${fmt(j1.cpuSeconds)} s`);
  console.log(`zhizao batch --jobs 2:          ${fmt(j2.seconds)} s  ${fmt(count / j2.seconds, 0)} files/s  peak ${fmt(j2.maxRssMB, 0)} MB  cpu ${fmt(j2.cpuSeconds)} s`);
  console.log(`(best of ${runs} interleaved runs; all wall times: --jobs 1 ${all.j1.map((r) => fmt(r.seconds, 1)).join(' ')}, --jobs 2 ${all.j2.map((r) => fmt(r.seconds, 1)).join(' ')}, python ${all.py.map((r) => fmt(r.seconds, 1)).join(' ')})`);
  console.log(`python3 regional.py (CLoader):  ${fmt(py.seconds)} s  ${py.stdout.trim()}`);
  console.log('');
  console.log(`(a) batch throughput / read+parse baseline (default --jobs 2): ${fmt(base.seconds / j2.seconds)}   target ≥ 0.5`);
  console.log(`(a') same with --jobs 1:                                       ${fmt(base.seconds / j1.seconds)}`);
  console.log(`(a'') against the fast-reader baseline, --jobs 2 / --jobs 1:   ${fmt(baseFast.seconds / j2.seconds)} / ${fmt(baseFast.seconds / j1.seconds)}`);
  console.log(`(b) --jobs 2 speed-up over --jobs 1:                           ${fmt(j1.seconds / j2.seconds)}   target ≥ 1.6`);
  console.log(`(e) python time / zhizao batch time:                           ${fmt(py.seconds / j2.seconds)}   > 1 means zhizao is faster`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
