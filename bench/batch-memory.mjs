// Flat memory (issue 19): peak resident memory of `zhizao batch` at SMALL and LARGE answer files, and the ratio
// (target: LARGE ÷ SMALL ≤ 1.15 for 10,000 → 100,000). Peak RSS of the whole process (main thread and worker
// threads) from GNU time -v. Minimal (facts-only) files by default: what a company costs in memory does not depend
// on the size of its file, and they keep a 100,000-file run short; `full` for full interviews.
// Usage: npm run build && node bench/batch-memory.mjs [SMALL=10000] [LARGE=100000] [minimal|full] [json,csv]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, fmt, generate, measure, loadavg } from './lib.mjs';

const sizes = [Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 100_000)];
const shape = process.argv[4] ?? 'minimal';
const outputs = (process.argv[5] ?? 'json,csv').split(',');
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-mem-'));
try {
  const results = [];
  for (const n of sizes) {
    const input = path.join(dir, `in-${n}`);
    const t0 = Date.now();
    await generate(input, n, { seed: 7, shape, format: 'mixed' });
    console.log(`generated ${n} ${shape} files (half YAML, half JSON) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const fmtOut of outputs) {
      const out = path.join(dir, `out-${n}.${fmtOut}`);
      const load = loadavg();
      const r = measure(process.execPath, [BIN, 'batch', input, '-o', out, '--force'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
      console.log(`${n} files -o .${fmtOut}: ${fmt(r.seconds, 1)} s, ${fmt(n / r.seconds, 0)} files/s, peak RSS ${fmt(r.maxRssMB, 0)} MB, cpu ${fmt(r.cpuSeconds, 1)} s (exit ${r.status}; load before ${load})`);
      if (r.status !== 0) console.log(r.stderr.split('\n').slice(-6).join('\n'));
      results.push({ n, fmtOut, rss: r.maxRssMB });
    }
    rmSync(input, { recursive: true, force: true });
  }
  for (const f of outputs) {
    const [a, b] = results.filter((r) => r.fmtOut === f);
    console.log(`peak RSS ${sizes[1]} ÷ ${sizes[0]} files (-o .${f}): ${fmt(b.rss / a.rss)}   target ≤ 1.15 (1.00 = flat)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
