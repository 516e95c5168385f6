// Issue #11: a few dozen fuzzed answer files through the real CLI (child processes): exit 0 or 1, never an
// internal error or a stack trace, every refusal located as file:line:col, every score finite and in range.
import fc from 'fast-check';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, zhizao, type RunResult } from '../helpers/cli.js';
import { answerCaseArb, checkResult, type FuzzCase, type FuzzContext } from './lib/fuzz-core.mjs';
import { fuzzContext, runs, SEED } from './setup.js';

let ctx: FuzzContext;
let dir: string;
let files: string[];
beforeAll(async () => {
  ctx = await fuzzContext();
  dir = tempDir('zhizao-cli-fuzz-');
  const cases = fc.sample(answerCaseArb(ctx), { seed: SEED + 7, numRuns: runs(36) }) as Extract<FuzzCase, { kind: 'answers' }>[];
  files = cases.map((c, i) => {
    const f = path.join(dir, `case-${String(i).padStart(2, '0')}${path.extname(c.file)}`);
    writeFileSync(f, c.bytesBase64 ? Buffer.from(c.bytesBase64, 'base64') : c.text);
    return f;
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
function sane(r: RunResult, what: string) {
  expect([0, 1], `${what}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/internal error|内部错误/);
  expect(r.stderr, what).not.toMatch(STACK);
  expect(r.stderr + r.stdout, what).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError): /);
  if (r.code === 1) expect(r.stderr, `${what}: a refusal names file:line:col`).toMatch(/^\S.*:\d+:\d+ (error|错误) /m);
}

describe('fuzzed answer files through the CLI', () => {
  it('validate --json over all of them in one run: every problem located', () => {
    const r = zhizao(['validate', '--json', ...files], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout) as { files: { file: string; valid: boolean; problems: { file: string; line: number; column: number; message: string }[] }[] };
    expect(out.files).toHaveLength(files.length);
    for (const f of out.files) {
      if (!f.valid) expect(f.problems.length).toBeGreaterThan(0);
      for (const p of f.problems) {
        expect(p.file).toBe(f.file);
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
        expect(p.message).not.toMatch(/^[a-z]+\.[a-z-]+ \{/); // a code without a catalogue entry
      }
    }
    // A useful mix: some files valid, some not.
    expect(out.files.some((f) => f.valid)).toBe(true);
    expect(out.files.some((f) => !f.valid)).toBe(true);
  }, 60_000);

  it('score --json, report md, report json --audience office on a dozen of them', () => {
    const commands: [string, string[]][] = [
      ['score', ['score', '--json']],
      ['report md', ['report', '--format', 'md', '--lang', 'zh']],
      ['report json office', ['report', '--format', 'json', '--audience', 'office']],
    ];
    files.slice(0, runs(12)).forEach((f, i) => {
      const [name, args] = commands[i % commands.length]!;
      const r = zhizao([...args, path.basename(f)], { cwd: dir });
      sane(r, `${name} ${path.basename(f)}`);
      if (r.code === 0 && name !== 'report md') {
        const failures: string[] = [];
        checkResult(JSON.parse(r.stdout), failures);
        expect(failures).toEqual([]);
      }
    });
  }, 120_000);
});
