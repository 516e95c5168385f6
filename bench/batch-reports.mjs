// Per-company reports in batch (issue 19), ratios measured in one run as the median of interleaved runs:
//   `batch --reports DIR --format md` and `--format html` ÷ the same batch without reports     target ≤ 3×
//   `--format docx` ÷ without reports                                                           target ≤ 6×
// COUNT full answer files (bench/lib.mjs), the default --jobs.
// Usage: npm run build && node bench/batch-reports.mjs [COUNT=500] [RUNS=3] [JOBS]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, fmt, generate, measure, median, loadavg } from './lib.mjs';

const count = Number(process.argv[2] ?? 500);
const runs = Number(process.argv[3] ?? 3);
const jobs = process.argv[4];
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-reports-'));
try {
  const input = path.join(dir, 'in');
  await generate(input, count, { seed: 46, shape: 'full', format: 'mixed' });
  const env = { env: { ...process.env, LANG: 'en_US.UTF-8' } };
  const batch = (format) => () =>
    measure(process.execPath, [BIN, 'batch', input, '-o', path.join(dir, `out-${format ?? 'none'}.json`), '--force', ...(jobs ? ['--jobs', jobs] : []), ...(format ? ['--reports', path.join(dir, `reports-${format}`), '--format', format] : [])], env);
  const contenders = { none: batch(), md: batch('md'), html: batch('html'), docx: batch('docx') };
  batch()(); // warm the page cache
  const load0 = loadavg();
  const all = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const names = Object.keys(contenders);
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + i) % names.length];
      const r = contenders[name]();
      if (r.status !== 0) console.log(`${name}: exit ${r.status}\n${r.stderr.slice(-600)}`);
      all[name].push(r);
    }
  console.log(`${count} full answer files, ${jobs ? `--jobs ${jobs}` : 'default --jobs'}; load average before ${load0}, after ${loadavg()}`);
  const m = {};
  for (const [k, rs] of Object.entries(all)) {
    m[k] = median(rs.map((r) => r.seconds));
    const files = k === 'none' ? 0 : readdirSync(path.join(dir, `reports-${k}`)).length;
    console.log(`  ${(k === 'none' ? 'without reports' : `--reports --format ${k}`).padEnd(26)} ${fmt(m[k]).padStart(7)} s  cpu ${fmt(median(rs.map((r) => r.cpuSeconds)))} s  peak ${fmt(median(rs.map((r) => r.maxRssMB)), 0)} MB  ${k === 'none' ? '' : `${files} reports`}  [${rs.map((r) => fmt(r.seconds)).join(' ')}]`);
  }
  console.log('');
  console.log(`md   ÷ without reports: ${fmt(m.md / m.none)}   target ≤ 3`);
  console.log(`html ÷ without reports: ${fmt(m.html / m.none)}   target ≤ 3`);
  console.log(`docx ÷ without reports: ${fmt(m.docx / m.none)}   target ≤ 6`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
