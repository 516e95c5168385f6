// Issue #11: a custom report template (--template) cannot reach prototype properties, cannot output unescaped
// text, and a broken template is a located input error (exit 1), never an internal error.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResult } from '../../src/core/result.js';
import { loadAnswerFile } from '../../src/io/answer-file.js';
import { Definitions } from '../../src/io/definitions.js';
import type { ReportModel } from '../../src/report/model.js';
import { buildReportData } from '../../src/report/report-data.js';
import { renderTemplate } from '../../src/report/render.js';
import { EXAMPLE, expectClean, ROOT, runCli, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

let dir: string;
let model: ReportModel;
beforeAll(async () => {
  dir = tempDir('zhizao-template-');
  const defs = new Definitions();
  const loaded = await loadAnswerFile(EXAMPLE, defs, undefined, 'report');
  if (!('answers' in loaded) || !loaded.answers) throw new Error('example does not load');
  const q = loaded.questionnaire;
  const result = buildResult(q, loaded.answers, await defs.profile(), await defs.targets());
  const readiness = await Promise.all(['smart-workshop', 'smart-factory'].map((id) => defs.readiness(id, q)));
  model = buildReportData({ questionnaire: q, answers: loaded.answers, result, rules: await defs.rules('default', q), readiness, wording: await defs.wording(), policy: await defs.policy(), audience: 'client', tool: 'test' }).model;
}, 60_000);
function render(name: string, template: string, extra: string[] = []) {
  writeFileSync(path.join(dir, name), template);
  return runCli(['report', EXAMPLE, '--template', name, ...extra], { cwd: dir });
}

describe('custom templates cannot reach prototypes', () => {
  const PROBES = [
    '{{constructor}}',
    '{{__proto__}}',
    '{{lookup this "constructor"}}',
    '{{lookup this "__proto__"}}',
    '{{lookup plant "constructor"}}',
    '{{plant.constructor}}',
    '{{plant.company.constructor}}',
    '{{plant.__proto__.constructor}}',
    '{{constructor.name}}',
    '{{constructor.constructor}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{#with constructor}}{{name}}{{/with}}',
    '{{#each constructor}}{{this}}{{/each}}',
    '{{#with plant}}{{constructor.name}}{{/with}}',
    '{{toString}}',
    '{{valueOf}}',
    '{{hasOwnProperty}}',
    '{{__defineGetter__}}',
    '{{@root.constructor}}',
    '{{labels.constructor}}',
  ];
  it.each(PROBES)('%s renders empty (in process, Markdown engine)', (probe) => {
    const out = renderTemplate(model, 'md', { lang: 'en', template: `[${probe}]` }, 'report.md.hbs');
    expect(out.trim()).toBe('[]');
  });

  it('through the CLI: every probe on its own line renders empty', () => {
    const r = render('all.hbs', PROBES.map((p) => `[${p}]`).join('\n') + '\n');
    expect(r.code, r.stderr).toBe(0);
    expectClean(r, expect);
    expect(r.stdout.trim().split('\n')).toEqual(PROBES.map(() => '[]'));
  });
});

describe('custom templates cannot print unescaped text', () => {
  it.each([
    ['{{{plant.company}}}', 2, 3],
    ['{{& plant.company}}', 3, 1],
    ['{{{ constructor }}}', 1, 1],
  ])('%s is refused with exit 1 at file:line:col', (tpl, line, col) => {
    const r = render('unescaped.hbs', `${'x\n'.repeat(line - 1)}${' '.repeat(col - 1)}${tpl}\n`);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^unescaped\\.hbs:${line}:${col} error report template: triple-stash`, 'm'));
    expectClean(r, expect);
  });

  it('triple-stash inside a block or partial-block is found too', () => {
    const r = render('nested.hbs', '{{#each sections}}\n  {{#if score}}{{{title.zh}}}{{/if}}\n{{/each}}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nested\.hbs:2:\d+ error /m);
  });

  it('a block call of a value helper ({{#lookup}}, written as it stands) and {{log}} (printed on the console) are refused, in the user\'s language', () => {
    const block = render('block.hbs', 'x\n  {{#lookup plant "company"}}{{/lookup}}\n');
    expect(block.code).toBe(1);
    expect(block.stdout).toBe('');
    expect(block.stderr).toMatch(/^block\.hbs:2:3 error report template: \{\{#lookup\}\} is not a block: only \{\{#each\}\}/m);
    const zh = render('block.hbs', 'x\n  {{#lookup plant "company"}}{{/lookup}}\n', ['--lang', 'zh']);
    expect(zh.stderr).toMatch(/^block\.hbs:2:3 错误 报告模板：\{\{#lookup\}\} 不能作为块使用/m);
    const log = render('log.hbs', '{{log plant.company}}\n', ['-o', '-']);
    expect(log.code).toBe(1);
    expect(log.stdout).toBe('');
    expect(log.stderr).toMatch(/^log\.hbs:1:1 error report template: \{\{log …\}\} is not allowed/m);
  });

  it("a hostile company name through a custom template: as join's separator and through t twice, escaped once (Markdown and HTML)", () => {
    const hostile = path.join(ROOT, 'tests', 'fixtures', 'hostile', 'script-names.zhizao.yaml');
    const template = '[{{t (t plant.company)}}]\n[{{#each plan.phases}}{{#each items}}{{#if measures.length}}{{join measures @root.plant.company}}{{/if}}{{/each}}{{/each}}]\n';
    writeFileSync(path.join(dir, 'hostile.md.hbs'), template);
    writeFileSync(path.join(dir, 'hostile.html.hbs'), template);
    const md = runCli(['report', hostile, '--template', 'hostile.md.hbs', '-o', '-'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    // (a tag only behind Markdown's backslash, never a backslash escaped again)
    expect(md.stdout).not.toMatch(/(^|[^\\])<\/?script>/m);
    expect(md.stdout).not.toContain('\\\\<');
    expect(md.stdout.split('\n')[0]).toBe('[\\<script>alert(1)\\</script>]');
    expect(md.stdout.split('\n')[1]).toContain('CNC target.\\<script>alert(1)\\</script>Select equipment');
    const html = runCli(['report', hostile, '--format', 'html', '--template', 'hostile.html.hbs', '-o', '-'], { cwd: dir });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).not.toContain('<script>');
    expect(html.stdout).not.toContain('&amp;lt;');
    expect(html.stdout.split('\n')[0]).toBe('[&lt;script&gt;alert(1)&lt;/script&gt;]');
    expect(html.stdout.split('\n')[1]).toContain('CNC target.&lt;script&gt;alert(1)&lt;/script&gt;Select equipment');
    expectClean(md, expect);
  });

  it('a missing template file is exit 1 with its name', () => {
    const r = runCli(['report', EXAMPLE, '--template', 'nope.hbs'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nope\.hbs: error no such file/m); // a missing file has no line:col
  });
});

// Regression (found by fuzzing/review, fixed; src/report/handlebars-env.ts compile, src/cli/commands/report.ts): only triple-stash becomes a
// TemplateError. A Handlebars syntax error (hbs.parse throws a plain Error whose message has "Parse error on
// line N"), an unknown helper (thrown lazily at the first render because hbs.compile is lazy: "You specified
// knownHelpersOnly, but used the unknown helper x - 1:2"), and a partial ("The partial p could not be found")
// all end as "internal error: …" with exit 2. Fix: in createEnv().compile, call `hbs.precompile(source, opts)`
// (or compile then invoke once inside the try) so errors happen at compile time; catch Handlebars errors and
// rethrow `new TemplateError(message, line, column)` — Handlebars' Exception carries lineNumber/column (0-based
// column) for parse and compile errors, and the "- L:C" suffix for knownHelpersOnly; refuse partials
// (`{{> x}}`) in findUnescaped's AST walk (PartialStatement/PartialBlockStatement) with a located TemplateError.
describe('template syntax errors, unknown helpers and missing partials are exit 1 with file:line:col', () => {
  it.each([
    ['syntax error', 'ok\n{{#each sections}\n', '2'],
    ['unclosed block (reported where the file ends)', 'ok\n\n{{#if plant}}x\n', '[34]'],
    ['unknown helper', 'ok\n{{evil 1}}\n', '2'],
    ['partial', 'ok\n{{> secret}}\n', '2'],
  ])('%s', (_, tpl, line) => {
    const r = render('broken.hbs', tpl);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^broken\\.hbs:${line}:\\d+ error report template: `, 'm'));
  });
});
