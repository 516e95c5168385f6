// Batch throughput (issue 19), every ratio measured in one run, as the median of interleaved runs:
//   (1) `batch --jobs 1` over FULL full answer files as JSON ÷ reading and JSON.parse-ing the same files     target ≥ 0.25
//   (2) `--jobs 2` ÷ `--jobs 1` (speed-up): FULL full files (half YAML, half JSON); MINIMAL minimal files     target ≥ 1.6
//   (3) the PyYAML (C loader) two-indicator script ÷ zhizao batch (default --jobs): the same two sets        target > 1
//   (4) a small batch (SMALL files): the default --jobs ÷ --jobs 1                                          target ≤ 1 (not slower)
//       A small batch takes half a second, so its pair runs SMALL_PAIRS times per round (first one, then the other
//       first) and the figure is the median of the paired ratios: one pair per round left it to the noise.
// Full files answer every question the plant is asked; minimal files only the facts the regional indicators need
// (bench/lib.mjs generates both, seeded).
// Usage: npm run build && node bench/batch-throughput.mjs [FULL=5000] [MINIMAL=20000] [RUNS=3] [SMALL=100]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, fmt, generate, measure, ROOT, median, loadavg } from './lib.mjs';

const [full, minimal, runs, small] = [5000, 20000, 3, 100].map((d, i) => Number(process.argv[2 + i] ?? d));
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-'));
try {
  const t0 = Date.now();
  const sets = {
    json: path.join(dir, 'full-json'),
    mixed: path.join(dir, 'full-mixed'),
    minimal: path.join(dir, 'minimal'),
    small: path.join(dir, 'small'),
  };
  await generate(sets.json, full, { seed: 42, shape: 'full', format: 'json' });
  await generate(sets.mixed, full, { seed: 43, shape: 'full', format: 'mixed' });
  await generate(sets.minimal, minimal, { seed: 44, shape: 'minimal', format: 'yaml' });
  await generate(sets.small, small, { seed: 45, shape: 'full', format: 'yaml' });
  console.log(`generated ${full} full JSON, ${full} full YAML/JSON, ${minimal} minimal YAML, ${small} full YAML files in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${availableParallelism()} cores`);

  const env = { env: { ...process.env, LANG: 'en_US.UTF-8' } };
  const zhizao = (set, jobs) => () => measure(process.execPath, [BIN, 'batch', sets[set], '-o', path.join(dir, `out-${set}.json`), ...(jobs ? ['--jobs', String(jobs)] : []), '--force'], env);
  const baseline = (set) => () => measure(process.execPath, [path.join(ROOT, 'bench', 'baseline-parse.mjs'), sets[set]]);
  const python = (set) => () => measure('python3', [path.join(ROOT, 'bench', 'regional.py'), sets[set]]);
  const contenders = {
    'JSON.parse baseline, full JSON': baseline('json'),
    'zhizao --jobs 1, full JSON': zhizao('json', 1),
    'zhizao --jobs 1, full mixed': zhizao('mixed', 1),
    'zhizao --jobs 2, full mixed': zhizao('mixed', 2),
    'zhizao default, full mixed': zhizao('mixed'),
    'python, full mixed': python('mixed'),
    'zhizao --jobs 1, minimal': zhizao('minimal', 1),
    'zhizao --jobs 2, minimal': zhizao('minimal', 2),
    'zhizao default, minimal': zhizao('minimal'),
    'python, minimal': python('minimal'),
  };
  const SMALL_PAIRS = 5;
  const smallPair = { 'zhizao --jobs 1, small': zhizao('small', 1), 'zhizao default, small': zhizao('small') };
  const smallRatios = [];
  // Warm the page cache and the compile caches once.
  for (const f of [contenders['JSON.parse baseline, full JSON'], python('mixed'), python('minimal'), zhizao('small', 1)]) f();

  const load0 = loadavg();
  const all = Object.fromEntries([...Object.keys(contenders), ...Object.keys(smallPair)].map((k) => [k, []]));
  const names = Object.keys(contenders);
  for (let i = 0; i < runs; i++) {
    // Rotate the order each round so that a burst of load elsewhere does not always hit the same contender.
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + i) % names.length];
      const r = contenders[name]();
      if (r.status !== 0) console.log(`${name}: exit ${r.status}\n${r.stderr.slice(-800)}`);
      all[name].push(r);
    }
    for (let k = 0; k < SMALL_PAIRS; k++) {
      const order = k % 2 ? ['zhizao default, small', 'zhizao --jobs 1, small'] : ['zhizao --jobs 1, small', 'zhizao default, small'];
      const pair = {};
      for (const name of order) {
        const r = smallPair[name]();
        if (r.status !== 0) console.log(`${name}: exit ${r.status}\n${r.stderr.slice(-800)}`);
        all[name].push(r);
        pair[name] = r.seconds;
      }
      smallRatios.push(pair['zhizao default, small'] / pair['zhizao --jobs 1, small']);
    }
  }
  const m = Object.fromEntries(Object.entries(all).map(([k, rs]) => [k, { seconds: median(rs.map((r) => r.seconds)), cpu: median(rs.map((r) => r.cpuSeconds)), rss: median(rs.map((r) => r.maxRssMB)), all: rs.map((r) => fmt(r.seconds)) }]));
  console.log(`load average before: ${load0}; after: ${loadavg()} (2 cores shared with whatever else runs)`);
  console.log(`medians of ${runs} interleaved runs (wall s, cpu s, peak RSS MB; all wall times):`);
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(32)} ${fmt(v.seconds).padStart(7)} s  cpu ${fmt(v.cpu).padStart(6)} s  ${fmt(v.rss, 0).padStart(4)} MB   [${v.all.join(' ')}]`);
  const s = (k) => m[k].seconds;
  const sets2 = [
    ['full mixed', 'full mixed'],
    ['minimal', 'minimal'],
  ];
  console.log('');
  console.log(`(1) --jobs 1 over ${full} full JSON files ÷ read + JSON.parse:  ${fmt(s('JSON.parse baseline, full JSON') / s('zhizao --jobs 1, full JSON'))}   target ≥ 0.25`);
  for (const [label, key] of sets2) console.log(`(2) --jobs 2 ÷ --jobs 1 speed-up, ${label.padEnd(10)}:              ${fmt(s(`zhizao --jobs 1, ${key}`) / s(`zhizao --jobs 2, ${key}`))}   target ≥ 1.6`);
  for (const [label, key] of sets2) console.log(`(3) python ÷ zhizao (default --jobs), ${label.padEnd(10)}:          ${fmt(s(`python, ${key}`) / s(`zhizao default, ${key}`))}   target > 1`);
  console.log(`(4) ${small} files: default --jobs ÷ --jobs 1 (time):              ${fmt(median(smallRatios))}   target ≤ 1   (median of ${smallRatios.length} paired ratios: ${smallRatios.map((x) => fmt(x)).join(' ')})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
