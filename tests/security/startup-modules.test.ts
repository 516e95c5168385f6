// Issue #11 / product.md §8 start-up: heavy modules are loaded only by the commands that use them. A preload
// (tests/security/preload/module-log.mjs) logs every ESM resolution and CommonJS require of a run. The CLI runs
// from bundled chunks (scripts/bundle.mjs), each holding several modules and maybe packages: a chunk loaded stands
// for every module in it, as listed in dist/bundle/modules.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, runCli, SECURITY, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const PRELOAD = path.join(SECURITY, 'preload', 'module-log.mjs');
let dir: string;
beforeAll(() => {
  dir = tempDir('zhizao-modules-');
});

/** The modules a run loaded: the log's lines, and for each bundled chunk loaded a line `bundled CHUNK /MODULE` per module in it. */
function modulesOf(args: string[]): string[] {
  const log = path.join(dir, `modules-${process.hrtime.bigint()}.log`);
  const r = runCli(args, { cwd: dir, env: { NODE_OPTIONS: `--import=${PRELOAD}`, ZHIZAO_MODULE_LOG: log } });
  expect(r.code, r.stderr).toBe(0);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  rmSync(log, { force: true });
  const chunks = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'bundle', 'modules.json'), 'utf8')) as Record<string, string[]>;
  const loaded = new Set(lines.flatMap((l) => [...l.matchAll(/\/dist\/bundle\/([^/\s]+\.js)/g)].map((m) => m[1]!)));
  for (const chunk of loaded) {
    expect(chunks[chunk], `${chunk} is listed in dist/bundle/modules.json`).toBeDefined();
    lines.push(...chunks[chunk]!.map((m) => `bundled ${chunk} /${m}`));
  }
  return lines;
}
const packages = (lines: string[]) => [...new Set(lines.flatMap((l) => [...l.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1]!)))].sort();
const HEAVY = /^(handlebars|exceljs|@inquirer\/.*|jszip|playwright-core)$/;

describe('start-up: what each command loads', () => {
  it('the log works (positive control): report --format md loads handlebars and the report machinery', () => {
    const lines = modulesOf(['report', EXAMPLE, '--format', 'md']);
    expect(packages(lines)).toContain('handlebars');
    expect(lines.some((l) => l.includes('/dist/report/'))).toBe(true);
    // the bundled chunks are seen and read (a chunk loaded lists its modules)
    expect(lines.some((l) => /^cjs \S+ \S*\/dist\/bundle\/main\.js /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('bundled ') && l.endsWith('/dist/core/scoring.js'))).toBe(true);
  });

  it('the log sees packages loaded from node_modules (positive control): an XLSX template loads exceljs', () => {
    expect(packages(modulesOf(['template', '--format', 'xlsx', '-o', path.join(dir, 't.xlsx')]))).toContain('exceljs');
  });

  it('zhizao --help loads commander only: no handlebars, exceljs, @inquirer/*, ajv, yaml, report code', () => {
    const lines = modulesOf(['--help']);
    const pkgs = packages(lines);
    expect(pkgs.filter((p) => HEAVY.test(p))).toEqual([]);
    expect(pkgs.filter((p) => /^(ajv|yaml|chalk)$/.test(p))).toEqual([]);
    expect(lines.filter((l) => /\/dist\/(report|core\/batch|io\/tables)\//.test(l))).toEqual([]);
  });

  it('zhizao score FILE --json loads no handlebars, exceljs, @inquirer/* and no report code', () => {
    const lines = modulesOf(['score', EXAMPLE, '--json']);
    expect(packages(lines).filter((p) => HEAVY.test(p))).toEqual([]);
    expect(lines.filter((l) => /\/dist\/(report|cli\/interview|core\/batch|io\/tables)\//.test(l))).toEqual([]);
  });

  it('report --format html runs the template precompiled at build time: Handlebars\' compiler is not loaded (a user\'s template is compiled)', () => {
    const compiler = (lines: string[]) => lines.filter((l) => /node_modules\/handlebars\/.*compiler|compiler\/.*node_modules\/handlebars\//.test(l));
    const lines = modulesOf(['report', EXAMPLE, '--format', 'html']);
    expect(lines.some((l) => /templates\/[0-9a-f]{32}\.cjs/.test(l))).toBe(true);
    expect(compiler(lines)).toEqual([]);
    writeFileSync(path.join(dir, 'own.hbs'), '<p>{{t meta.company}}</p>');
    expect(compiler(modulesOf(['report', EXAMPLE, '--format', 'html', '--template', 'own.hbs'])).length).toBeGreaterThan(0);
  });

  it('zhizao validate FILE loads none of the heavy modules either', () => {
    expect(packages(modulesOf(['validate', EXAMPLE])).filter((p) => HEAVY.test(p))).toEqual([]);
  });
});
