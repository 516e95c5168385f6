#!/usr/bin/env node
// Start-up benchmark: `zhizao --help`, `zhizao score FILE --json` and `zhizao report FILE --format html` as ratios to `node -e 0`,
// measured in the same run, interleaved (so that machine load hits all three alike), median of N runs each.
//
//   npm run build && node bench/startup.mjs [--runs 21] [--json] [--file examples/discrete-machinery.zhizao.yaml]
//                                           [--imports] [--bin path/to/zhizao.js] [--check]
//
// Targets: --help ≤ 1.5×, score --json ≤ 2.5×, report --format html ≤ 3×. Exit code 0 either way (a benchmark reports, CI decides);
// `--check` makes a missed target exit 1.
// `--imports` also prints how long each top-level import of the score path takes in process (where time goes).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
};
// --bin measures another launcher (e.g. a bundled build under evaluation) against the same baseline.
const BIN = path.resolve(opt('bin', path.join(ROOT, 'bin', 'zhizao.js')));
const runs = Math.max(15, Number(opt('runs', 21)));
const file = path.resolve(ROOT, opt('file', 'examples/discrete-machinery.zhizao.yaml'));
const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', NODE_OPTIONS: '' };

const SUBJECTS = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'zhizao --help', args: [BIN, '--help'], target: 1.5 },
  { name: 'zhizao score FILE --json', args: [BIN, 'score', file, '--json'], target: 2.5 },
  { name: 'zhizao report FILE --format html', args: [BIN, 'report', file, '--format', 'html'], target: 3 },
];

function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return ms;
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// Warm the file-system cache, then interleave: every round runs each subject once, in a rotating order.
for (const s of SUBJECTS) time(s.args);
const samples = SUBJECTS.map(() => []);
for (let round = 0; round < runs; round++) {
  for (let k = 0; k < SUBJECTS.length; k++) {
    const i = (round + k) % SUBJECTS.length;
    samples[i].push(time(SUBJECTS[i].args));
  }
}
const base = median(samples[0]);
const results = SUBJECTS.map((s, i) => ({
  name: s.name,
  medianMs: +median(samples[i]).toFixed(1),
  p10Ms: +quantile(samples[i], 0.1).toFixed(1),
  p90Ms: +quantile(samples[i], 0.9).toFixed(1),
  ratio: +(median(samples[i]) / base).toFixed(2),
  ...(s.target ? { target: s.target, met: median(samples[i]) / base <= s.target } : {}),
}));

let imports;
if (argv.includes('--imports')) imports = await importTimes();

const meta = { bin: path.relative(ROOT, BIN) || BIN, node: process.version, platform: `${process.platform} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg().map((x) => +x.toFixed(2)), runs, file: path.relative(ROOT, file) };
if (argv.includes('--json')) console.log(JSON.stringify({ ...meta, results, ...(imports ? { imports } : {}) }, null, 2));
else {
  console.log(`zhizao start-up (${meta.bin}): median of ${runs} interleaved runs each; node ${meta.node}, ${meta.platform}, ${meta.cpus} × ${meta.cpu}; load ${meta.loadavg.join(' ')}`);
  for (const r of results) {
    const verdict = r.target ? `  target ≤ ${r.target}×: ${r.met ? 'met' : 'MISSED'}` : '';
    console.log(`  ${r.name.padEnd(26)} ${String(r.medianMs).padStart(7)} ms  (p10 ${r.p10Ms}, p90 ${r.p90Ms})  ${r.ratio.toFixed(2)}×${verdict}`);
  }
  if (imports) {
    console.log('in-process import and first-use times on the score path (ms, cumulative order):');
    for (const [k, v] of Object.entries(imports)) console.log(`  ${k.padEnd(44)} ${v.toFixed(1)}`);
  }
}
if (argv.includes('--check') && results.some((r) => r.met === false)) process.exitCode = 1;

/** Where the time of `score --json` goes, measured in a fresh process (one run; indicative). */
async function importTimes() {
  const script = `
    const t = {}; let last = performance.now();
    const lap = (k) => { const n = performance.now(); t[k] = n - last; last = n; };
    const d = (m) => import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist')).href)} + '/' + m);
    await import('commander'); lap('import commander');
    await import('yaml'); lap('import yaml');
    await import('chalk'); lap('import chalk');
    await d('cli/main.js'); lap('import dist/cli/main.js (rest)');
    const { Definitions } = await d('io/definitions.js');
    const { loadAnswerFile } = await d('io/answer-file.js');
    const { buildResult } = await d('core/result.js'); lap('import answer-file, result');
    const defs = new Definitions();
    const loaded = await loadAnswerFile(${JSON.stringify(file)}, defs); lap('load + validate answers + questionnaire');
    const profile = await defs.profile(); const targets = await defs.targets(undefined, loaded.questionnaire); lap('load profile + targets');
    const r = buildResult(loaded.questionnaire, loaded.answers, profile, targets); lap('score');
    JSON.stringify(r); lap('JSON');
    console.log(JSON.stringify(t));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr.slice(0, 300) };
  return JSON.parse(r.stdout);
}
