// Shared by the hostile-input, confidentiality and crash-safety tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { BIN, EXAMPLES, ROOT, tempDir as makeTempDir, type RunResult } from '../helpers/cli.js';

export { BIN, EXAMPLES, ROOT };

const made: string[] = [];
/** A fresh temporary folder, removed by removeTempDirs() (call it in afterAll). */
export function tempDir(prefix = 'zhizao-test-'): string {
  const d = makeTempDir(prefix);
  made.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
export const SECURITY = path.join(ROOT, 'tests', 'security');
export const EXAMPLE = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');

/** The example plant as data (a fresh copy each call). */
export const exampleData = (): Record<string, unknown> => parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

export function writeJson(dir: string, name: string, data: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, JSON.stringify(data, null, 2));
  return f;
}

/** Run the CLI with extra node options (preloads) and a timer; English, no colour. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; nodeArgs?: string[]; timeout?: number } = {}): RunResult & { ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: '', ...opts.env },
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), ms: performance.now() - t };
}

/** No stack trace, no "internal error" and no raw JavaScript error names in what the user sees. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
export function expectClean(r: RunResult, expect: (v: unknown, msg?: string) => { not: { toMatch(re: RegExp): void } }) {
  expect(r.stderr, r.stderr).not.toMatch(/internal error|内部错误/);
  expect(r.stderr, r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stderr + r.stdout).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError): /);
}

/** C0/C1 controls (other than tab, newline, carriage return) and bidi controls that can hide or reorder text. */
 
export const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;
