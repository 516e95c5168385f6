// Benchmark (c) of issue #10: peak memory of zhizao batch at 10,000 and 100,000 answer files (target: flat).
// Peak resident memory of the whole process (main thread + worker threads) from GNU time -v.
// Usage: npm run build && node bench/batch-memory.mjs [SMALL] [LARGE]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, fmt, generate, measure } from './lib.mjs';

const sizes = [Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 100_000)];
const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-bench-mem-'));
try {
  const results = [];
  for (const n of sizes) {
    const input = path.join(dir, `in-${n}`);
    const t0 = Date.now();
    await generate(input, n, 7);
    console.log(`generated ${n} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const fmtOut of ['json', 'csv']) {
      const out = path.join(dir, `out-${n}.${fmtOut}`);
      const r = measure(process.execPath, [BIN, 'batch', input, '-o', out, '--force'], { env: { ...process.env, LANG: 'en_US.UTF-8' } });
      console.log(`${n} files -o .${fmtOut}: ${fmt(r.seconds, 1)} s, ${fmt(n / r.seconds, 0)} files/s, peak RSS ${fmt(r.maxRssMB, 0)} MB (exit ${r.status})`);
      results.push({ n, fmtOut, rss: r.maxRssMB });
    }
    rmSync(input, { recursive: true, force: true });
  }
  for (const f of ['json', 'csv']) {
    const [a, b] = results.filter((r) => r.fmtOut === f);
    console.log(`(c) peak memory ${sizes[1]} / ${sizes[0]} files (${f}): ${fmt(b.rss / a.rss)}  (1.00 = flat)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
