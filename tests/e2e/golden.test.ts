import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, zhizao } from '../helpers/cli';

/** Golden outputs of the built CLI for the example plants; regenerate with UPDATE_GOLDEN=1 npm test. */
const GOLDEN = path.join(ROOT, 'tests', 'golden');
const cases: [string, string[], string][] = [];
for (const name of ['discrete-machinery', 'process-food']) {
  const file = path.join(EXAMPLES, `${name}.zhizao.yaml`);
  cases.push([`${name}.score.json`, ['score', file, '--json'], 'json']);
  cases.push([`${name}.report.json`, ['report', file, '--format', 'json'], 'json']);
  cases.push([`${name}.report.zh.md`, ['report', file, '--lang', 'zh'], 'md']);
  cases.push([`${name}.report.en.md`, ['report', file, '--lang', 'en'], 'md']);
}

describe('golden outputs for the example plants', () => {
  it.each(cases)('%s', (golden, args) => {
    const r = zhizao(args, { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(GOLDEN, golden);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, r.stdout);
    // A missing golden file is a failure, never a pass: it is written only when asked for.
    if (!existsSync(file)) throw new Error(`golden file ${golden} is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('the discrete example misses the CNC target and gets a station-level CNC recommendation', () => {
    const report = JSON.parse(readFileSync(path.join(GOLDEN, 'discrete-machinery.report.json'), 'utf8'));
    expect(report.indicators.find((i: { id: string }) => i.id === 'cnc-rate')).toMatchObject({ met: false });
    const cnc = report.recommendations.find((r: { id: string }) => r.id === 'station-cnc-key-processes');
    // medium effort below priority 60: the second phase for the level-1 plant of the full v2 example
    expect(cnc).toMatchObject({ retrofitLevel: 'station', programme: 'machine-replacement', phase: '6-18m' });
  });
});
