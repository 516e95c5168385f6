// The bytecode the build keeps for the bundled CLI (src/cli/code-cache.ts, scripts/code-cache.mjs): runs use it, a
// file changed since the build is never run with it, and what the CLI prints is the same with or without it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExpression, type Node } from '../../src/core/expression/parse.js';
import { BUNDLED_ENCODING } from '../../src/io/definitions.js';
import { EXAMPLE, ROOT, removeTempDirs, runCli, tempDir } from './helpers.js';

afterAll(removeTempDirs);

/** As runCli runs the CLI: English, no colour, no preloads. */
const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: '' };

/** Run the CLI's launcher steps in one process under `root` (a package folder) and report how each file compiled. */
function runWithCache(root: string, args: string[]): { out: string; use: Record<string, string> } {
  const script = `
    const path = require('node:path');
    const dist = path.join(${JSON.stringify(root)}, 'dist');
    const use = require(path.join(dist, 'bundle', 'launch.js')).useCodeCache(dist);
    const out = [];
    process.stdout.write = (s) => (out.push(String(s)), true);
    require(path.join(dist, 'bundle', 'main.js')).main(${JSON.stringify(args)}).then((code) => {
      process.stderr.write(JSON.stringify({ code, out: out.join(''), use: Object.fromEntries(use) }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: ENV });
  const last = r.stderr.slice(r.stderr.lastIndexOf('{"code"'));
  const parsed = JSON.parse(last) as { code: number; out: string; use: Record<string, string> };
  expect(parsed.code, r.stderr).toBe(0);
  return parsed;
}

/** A copy of the built package (modification times kept, to the millisecond), with or without its code cache. */
function copyOfPackage(prefix: string, withCache: boolean): string {
  const root = tempDir(prefix);
  const skip = `${path.sep}dist${path.sep}code-cache`;
  for (const part of ['package.json', 'bin', 'dist', 'questionnaires', 'report-templates', 'schemas']) {
    cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true, preserveTimestamps: true, filter: (src) => withCache || !src.includes(skip) });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  return root;
}

const index = () => JSON.parse(readFileSync(path.join(ROOT, 'dist', 'code-cache', 'index.json'), 'utf8')) as Record<string, { sha256: string; cache: string }>;

describe('code cache: the bytecode the build kept for the bundled CLI', () => {
  it('the build kept bytecode for the entry, the chunks of an HTML report, its precompiled template and the answers validator', () => {
    const kept = index();
    const files = Object.keys(kept);
    expect(files).toContain('bundle/main.js');
    expect(files.some((f) => /^bundle\/run-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^bundle\/report-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^templates\/[0-9a-f]{32}\.cjs$/.test(f))).toBe(true);
    expect(files).toContain('validators/answers.cjs');
    for (const [file, entry] of Object.entries(kept)) {
      expect(createHash('sha256').update(readFileSync(path.join(ROOT, 'dist', file), 'utf8')).digest('hex'), file).toBe(entry.sha256);
      expect(statSync(path.join(ROOT, 'dist', 'code-cache', entry.cache)).size, entry.cache).toBeGreaterThan(100);
    }
  });

  it('an HTML report compiles every chunk it loads with that bytecode, and V8 accepts it', () => {
    const { use } = runWithCache(ROOT, ['report', EXAMPLE, '--format', 'html']);
    const chunks = Object.entries(use).filter(([f]) => f.startsWith('bundle/'));
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.filter(([, how]) => how !== 'used')).toEqual([]);
    expect(Object.entries(use).filter(([f]) => f.startsWith('templates/'))).toEqual([[expect.stringMatching(/\.cjs$/), 'used']]);
  });

  it('a chunk changed since the build is compiled from its text, not with the old bytecode; the others still use theirs, whatever their modification time', () => {
    const root = copyOfPackage('zhizao-code-cache-', true);
    // a copy as an install makes it: every file newer than the build
    const now = new Date();
    for (const f of Object.keys(index())) utimesSync(path.join(root, 'dist', f), now, now);
    const run = Object.keys(index()).find((f) => /^bundle\/run-.*\.js$/.test(f))!;
    appendFileSync(path.join(root, 'dist', run), '\n// edited after the build\n');
    const { out, use } = runWithCache(root, ['score', EXAMPLE, '--json']);
    expect(use[run]).toBe('stale');
    expect(use['bundle/main.js']).toBe('used');
    expect(JSON.parse(out)).toEqual(JSON.parse(runCli(['score', EXAMPLE, '--json']).stdout));
  });

  it('a damaged index (not an object) is no cache: the command runs', () => {
    const root = copyOfPackage('zhizao-bad-index-', true);
    writeFileSync(path.join(root, 'dist', 'code-cache', 'index.json'), 'null\n');
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'zhizao.js'), 'score', EXAMPLE, '--json'], { cwd: ROOT, encoding: 'utf8', env: ENV });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(runCli(['score', EXAMPLE, '--json']).stdout));
  });

  it('what a command prints is the same without the cache (the launcher with no dist/code-cache)', () => {
    const root = copyOfPackage('zhizao-no-code-cache-', false);
    expect(existsSync(path.join(root, 'dist', 'code-cache'))).toBe(false);
    const without = spawnSync(process.execPath, [path.join(root, 'bin', 'zhizao.js'), 'report', EXAMPLE, '--format', 'md'], { cwd: ROOT, encoding: 'utf8', env: ENV });
    expect(without.status, without.stderr).toBe(0);
    expect(without.stdout).toBe(runCli(['report', EXAMPLE, '--format', 'md']).stdout);
    expect(runWithCache(root, ['--version']).use['bundle/main.js']).toBeUndefined();
  });

  it('a bundled definition edited after the build is read from its text, not from the copy the build kept (dist/bundled)', () => {
    const root = copyOfPackage('zhizao-edited-definition-', true);
    const targets = path.join(root, 'questionnaires', 'targets', 'zhengzhou-2020.yaml');
    const text = readFileSync(targets, 'utf8');
    expect(text).toContain('    value: 0.5\n    year: 2020');
    // one byte longer and newer: the size and time no longer match the build's, so the text is read and hashed
    writeFileSync(targets, text.replace('    value: 0.5\n    year: 2020', '    value: 0.65\n    year: 2020'));
    const { out } = runWithCache(root, ['score', EXAMPLE, '--json']);
    const cnc = (JSON.parse(out) as { indicators: { id: string; target?: number }[] }).indicators.find((i) => i.id === 'cnc-rate')!;
    expect(cnc.target).toBe(0.65);
    // the same edit of the same length, with the file's time put back to the build's, is still read from its text
    writeFileSync(targets, text.replace('    value: 0.5\n    year: 2020', '    value: 0.6\n    year: 2020'));
    const built = statSync(path.join(ROOT, 'questionnaires', 'targets', 'zhengzhou-2020.yaml'));
    utimesSync(targets, built.atime, built.mtime);
    const again = (JSON.parse(runWithCache(root, ['score', EXAMPLE, '--json']).out) as { indicators: { id: string; target?: number }[] }).indicators.find((i) => i.id === 'cnc-rate')!;
    expect(again.target).toBe(0.6);
  });
});

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
type BundledFile = { sha256: string; data: unknown; expressions?: [string, Node][] };

describe('what else the build keeps for start-up: parsed expressions, ASCII code', () => {
  it('each bundled definition keeps the trees of expressions written in it, each the parser\'s own tree of its text', () => {
    let kept = 0;
    for (const file of filesUnder(path.join(ROOT, 'dist', 'bundled'))) {
      const entry = JSON.parse(readFileSync(file, BUNDLED_ENCODING)) as BundledFile;
      const strings = new Set<string>();
      const visit = (v: unknown): void => {
        if (typeof v === 'string') strings.add(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(visit);
      };
      visit(entry.data);
      for (const [text, tree] of entry.expressions ?? []) {
        // an expression as written, or a rule's `raises` value `=expr`
        expect(strings.has(text) || strings.has(`=${text}`), `${file}: ${text}`).toBe(true);
        expect(tree, `${file}: ${text}`).toEqual(parseExpression(text));
        kept++;
      }
    }
    // the rules, sector packs, questionnaire and checks: several hundred conditions
    expect(kept).toBeGreaterThan(500);
  });

  it('a report is the same when the build kept no trees (every expression parsed from its text)', () => {
    const root = copyOfPackage('zhizao-no-trees-', true);
    let stripped = 0;
    for (const file of filesUnder(path.join(root, 'dist', 'bundled'))) {
      const entry = JSON.parse(readFileSync(file, BUNDLED_ENCODING)) as BundledFile;
      if (!entry.expressions) continue;
      delete entry.expressions;
      writeFileSync(file, JSON.stringify(entry), BUNDLED_ENCODING);
      stripped++;
    }
    expect(stripped).toBeGreaterThan(10);
    for (const format of ['json', 'md']) {
      const without = spawnSync(process.execPath, [path.join(root, 'bin', 'zhizao.js'), 'report', EXAMPLE, '--format', format], { cwd: ROOT, encoding: 'utf8', env: ENV });
      expect(without.status, without.stderr).toBe(0);
      expect(without.stdout, format).toBe(runCli(['report', EXAMPLE, '--format', format]).stdout);
    }
  });

  it('a run uses the trees the build kept: a rule\'s condition replaced by `false` in dist/bundled drops its project', () => {
    const report = (root: string) => {
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'zhizao.js'), 'report', EXAMPLE, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: ENV });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { recommendations: { id: string }[] }).recommendations.map((x) => x.id);
    };
    const root = copyOfPackage('zhizao-swapped-tree-', true);
    const file = path.join(root, 'dist', 'bundled', 'questionnaires', 'rules', 'default.yaml.json');
    const entry = JSON.parse(readFileSync(file, BUNDLED_ENCODING)) as BundledFile & { data: { rules: { id: string; when: string }[] } };
    const before = report(root);
    const rule = entry.data.rules.find((r) => r.id === before[0])!;
    const kept = entry.expressions!.find(([text]) => text === rule.when)!;
    kept[1] = { t: 'lit', v: false };
    writeFileSync(file, JSON.stringify(entry), BUNDLED_ENCODING);
    const after = report(root);
    expect(before).toContain(rule.id);
    expect(after).not.toContain(rule.id);
  });

  it('the chunks, precompiled templates and validators are ASCII text (read faster at every start), Chinese included as escapes', () => {
    const code = ['bundle', 'templates', 'validators'].flatMap((d) => filesUnder(path.join(ROOT, 'dist', d))).filter((f) => /\.c?js$/.test(f));
    expect(code.length).toBeGreaterThan(10);
    for (const f of code) expect(/[^\x00-\x7f]/.test(readFileSync(f, 'latin1')), f).toBe(false);
    // the messages are still Chinese when printed
    expect(runCli(['--help'], { env: { ...ENV, LANG: 'zh_CN.UTF-8' } }).stdout).toContain('智造诊断');
  });
});
