#!/usr/bin/env node
// Build step: V8's code cache for the bundled CLI (src/cli/code-cache.ts, docs/performance.md "Start-up"). Runs the
// common commands once, in one child process that records the bytecode of every chunk, precompiled template and
// validator they compiled, into dist/code-cache/. Runs after scripts/bundle.mjs and scripts/build-assets.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const example = path.join(root, 'examples', 'discrete-machinery.zhizao.yaml');
/** What the cache is made from: the commands whose start-up is measured (bench/startup.mjs), and the Markdown report. */
const RUNS = [['--help'], ['validate', example], ['score', example, '--json'], ['report', example, '--format', 'md'], ['report', example, '--format', 'html']];

if (process.argv[2] === '--record') {
  const { useCodeCache } = createRequire(import.meta.url)('../dist/bundle/launch.js');
  useCodeCache(dist, true);
  const { main } = createRequire(import.meta.url)('../dist/bundle/main.js');
  for (const args of RUNS) {
    const code = await main(args);
    if (code !== 0) throw new Error(`code-cache: zhizao ${args.join(' ')} exited with ${code}`);
  }
} else {
  rmSync(path.join(dist, 'code-cache'), { recursive: true, force: true });
  if (!existsSync(example)) {
    console.log('code-cache: no examples/ folder, no code cache (start-up compiles the bundle)');
  } else {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--record'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(r.status ?? 1);
    }
    console.log('code-cache: dist/code-cache/ recorded');
  }
}
