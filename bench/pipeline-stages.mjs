// Where the time of one plant goes, in process (no threads, no I/O after the first read): each stage of the
// batch pipeline timed over the same answer files, repeated, median per stage. Run against dist/ after a build.
// Usage: node bench/pipeline-stages.mjs [COUNT=500] [ROUNDS=5] [full|minimal]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpuMs, distImport as dist, generate, generatedFiles, loadavg } from './lib.mjs';

const [count, rounds] = [500, 5].map((d, i) => Number(process.argv[2 + i] ?? d));
const shape = process.argv[4] ?? 'full';
// ZHIZAO_ROOT: time another build (e.g. a copy of the tree before a change) on the same files (bench/lib.mjs distImport).
const { Definitions } = await dist('io/definitions.js');
const { resolveSource } = await dist('io/answer-file.js');
const { parseQuick } = await dist('core/source.js');
const { buildResult, resultJson } = await dist('core/result.js');
const { recommend } = await dist('core/recommend.js');
const { recordFromResult, companyJson } = await dist('core/batch/record.js');
const { plausibilityFindings, runChecks } = await dist('core/checks.js');

const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-stages-'));
try {
  await generate(dir, count, { seed: 7, shape, format: 'mixed' });
  const files = generatedFiles(dir);
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
  const defs = new Definitions();
  const q = await defs.questionnaire();
  const profile = await defs.profile();
  const targets = await defs.targets();
  const rules = await defs.rules(undefined, q);
  const sectors = await defs.sectorPacks(q);
  const checks = await defs.checksFor(q);
  const stages = ['parse', 'resolve', 'plausibility', 'checks', 'buildResult', 'recommend', 'record+json'];
  const times = Object.fromEntries(stages.map((s) => [s, []]));
  // Each stage runs over all the files before the next one starts, timed in CPU time (process.cpuUsage: time
  // spent waiting for a core while other processes run does not count).
  for (let r = 0; r < rounds; r++) {
    const stage = async (name, f) => {
      const t0 = cpuMs();
      const out = [];
      for (const x of f.inputs) out.push(await f.run(x));
      times[name].push(cpuMs() - t0);
      return out;
    };
    const parsed = await stage('parse', { inputs: texts, run: ([file, text]) => parseQuick(text, file, { json: file.endsWith('.json') }).source });
    const loaded = (await stage('resolve', { inputs: parsed, run: (src) => resolveSource({ file: src.file, data: src.data, locate: () => ({ line: 0, column: 0 }) }, defs) })).filter((l) => l.answers);
    await stage('plausibility', { inputs: loaded, run: (l) => plausibilityFindings(q, l.answers) });
    // the consistency checks batch runs (positions of the findings not looked up here)
    await stage('checks', { inputs: loaded, run: (l) => runChecks(checks, q, l.answers) });
    const results = await stage('buildResult', { inputs: loaded, run: (l) => buildResult(q, l.answers, profile, targets) });
    await stage('recommend', { inputs: loaded.map((l, i) => [l, results[i]]), run: ([l, result]) => recommend({ questionnaire: q, result, answers: l.answers, rules, sectors, overrides: l.answers.file.overrides }) });
    await stage('record+json', { inputs: results, run: (result) => JSON.stringify(companyJson(recordFromResult(resultJson(result), { file: 'x' }, {}))) });
  }
  const med = (xs) => Math.min(...xs);
  let total = 0;
  console.log(`${count} ${shape} files (half YAML, half JSON), ${rounds} rounds, fastest round, CPU µs per file:`);
  for (const s of stages) {
    const us = (med(times[s]) / count) * 1000;
    total += us;
    console.log(`  ${s.padEnd(14)} ${us.toFixed(0).padStart(6)} µs`);
  }
  console.log(`  ${'total'.padEnd(14)} ${total.toFixed(0).padStart(6)} µs   (load ${loadavg()})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
