import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, tempDir, zhizao } from '../helpers/cli';

const rel = (name: string) => `tests/fixtures/answers/${name}`;

describe('zhizao --version / --help / usage', () => {
  it('prints the version and help with examples', () => {
    const v = zhizao(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = zhizao(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    for (const cmd of ['validate', 'template', 'questionnaire', 'targets', 'score', 'report', 'assess', 'compare', 'merge', 'batch']) {
      expect(h.stdout).toContain(cmd);
      const sub = zhizao([cmd, '--help']);
      expect(sub.code, cmd).toBe(0);
    }
  });
  it('bare zhizao prints the help on stderr and exits 2 (a usage error); zhizao help exits 0', () => {
    const r = zhizao([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: zhizao');
    expect(r.stdout).toBe('');
    expect(zhizao(['help']).code).toBe(0);
    expect(zhizao(['targets']).code).toBe(2);
  });

  it('help, usage errors and suggestions follow --lang and the locale, with examples in that language', () => {
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    const help = zhizao(['--help'], zh);
    expect(help.code).toBe(0);
    for (const s of ['用法：', '选项：', '命令：', '示例：', '现场访谈', '显示命令帮助', '诊断报告.docx']) expect(help.stdout).toContain(s);
    expect(help.stdout).not.toMatch(/Usage:|display help for command|Examples:/);
    const report = zhizao(['report', '--help'], zh);
    expect(report.stdout).toContain('报告格式（默认按 -o 的扩展名，否则为 md）（可选："md"');
    expect(report.stdout).toContain('report 郑州示例机械-2026-11-29.zhizao.yaml -o 诊断报告.docx');
    expect(zhizao(['--lang', 'en', '--help'], zh).stdout).toContain('Usage: zhizao');
    // the defaults as batch applies them: the table size cap, and the grouping the more companies state
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(flat(help.stdout)).toContain('默认答卷文件 5MB，batch 读取的 CSV/XLSX 表格 64MB');
    expect(flat(zhizao(['batch', '--help'], zh).stdout)).toContain('默认按 district 和 region 中填写的企业较多的一个，一样多时按 district');
    expect(zhizao(['--help', '--lang=zh']).stdout).toContain('用法：');

    const unknown = zhizao(['scroe'], zh);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('错误：没有命令 "scroe"\n（是不是 score？）\n（加 --help 查看用法）');
    const required = zhizao(['merge', 'a.yaml'], zh);
    expect(required.code).toBe(2);
    expect(required.stderr).toContain('错误：必须给出选项 "-o, --output <file>"');
    expect(zhizao(['score'], zh).stderr).toContain('错误：缺少必需的参数 "files"');
    expect(zhizao(['report', 'x.yaml', '--format', 'pdf'], zh).stderr).toContain('错误：选项 "--format <format>" 的取值 "pdf" 无效。可选值：md, html, docx, json。');
    const pdf = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', path.join(tempDir(), '诊断报告.pdf')], zh);
    expect(pdf.code, 'an output name whose extension is no report format is a usage error').toBe(2);
    expect(pdf.stderr).toContain('无法从扩展名“.pdf”判断报告格式');
    expect(zhizao(['batch', 'x', '--jobs', '0'], zh).stderr).toContain('应为正整数');
    expect(zhizao(['score', '--frobnicate'], zh).stderr).toContain('错误：没有选项 "--frobnicate"');
    // English stays commander's own wording
    expect(zhizao(['scroe']).stderr).toContain("error: unknown command 'scroe'\n(Did you mean score?)");
  });

  it('printed commands run where the user is: zhizao on PATH, npx zhizao in a project, node <launcher> elsewhere', () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'zhizao'), '#!/bin/sh\n', { mode: 0o755 });
    const noNpm = { npm_lifecycle_event: '', npm_command: '' };
    const outside = tempDir();
    const hint = (r: { stderr: string }) => /needs an interactive terminal\. To fill in answers offline: (.*?) template/.exec(r.stderr)?.[1];
    expect(hint(zhizao(['assess'], { cwd: outside, env: { ...noNpm, PATH: `${bin}:/usr/bin:/bin` } }))).toBe('zhizao');
    expect(hint(zhizao(['assess'], { cwd: outside, env: { ...noNpm, PATH: '/usr/bin:/bin' } }))).toBe(`node ${BIN}`);
    expect(hint(zhizao(['assess'], { env: { ...noNpm, PATH: '/usr/bin:/bin' } }))).toBe('npx zhizao'); // in the checkout
    expect(hint(zhizao(['assess'], { cwd: outside, env: { PATH: `${path.join(ROOT, 'node_modules', '.bin')}:/usr/bin:/bin`, npm_command: 'exec', npm_lifecycle_event: 'npx' } }))).toBe('npx zhizao');
    const help = zhizao(['score', '--help'], { cwd: outside, env: { ...noNpm, PATH: `${bin}:/usr/bin:/bin` } });
    expect(help.stdout).toContain('$ zhizao score plant.zhizao.yaml');
  });

  it('a missing file is named without a line:col position', () => {
    const r = zhizao(['validate', 'nope.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.yaml: error no such file');
    expect(r.stderr).not.toContain('nope.yaml:1:1');
    expect(zhizao(['validate', 'nope.yaml'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('nope.yaml: 错误 文件不存在');
  });
  it('exits 2 on usage errors without a stack trace', () => {
    const r = zhizao(['score']);
    expect(r.code).toBe(2);
    const u = zhizao(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).not.toMatch(/\n\s+at /);
  });

  it('--lang both writes a report in both languages (messages follow the locale); other commands refuse it (exit 2)', () => {
    const example = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
    const r = zhizao(['report', example, '--lang', 'both']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 智能制造能力成熟度诊断报告 / Smart-manufacturing maturity diagnosis report');
    expect(zhizao(['report', example, '--lang', 'both', '--report-lang', 'en']).stdout).toMatch(/^# Smart-manufacturing maturity diagnosis report\n/);
    const s = zhizao(['score', example, '--lang', 'both']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--lang both is for `report` (a report in both languages); for score, use --lang zh or --lang en');
    expect(s.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('zhizao validate', () => {
  it('accepts both examples (exit 0)', () => {
    const r = zhizao(['validate', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), path.join(EXAMPLES, 'process-food.zhizao.yaml')]);
    expect(r.stderr).toContain('valid');
    expect(r.code).toBe(0);
  });

  it.each([
    ['yaml-syntax.yaml', 7, 'YAML syntax error: this line is indented further than the line above'],
    ['wrong-type.yaml', 6, '"twelve" is not a number: write a number only (e.g. 12 processes), or 不清楚 if it is not known'],
    ['bad-option.yaml', 6, '"cad9" is not an allowed value'],
    ['cnc-over-total.yaml', 6, 'cannot exceed'],
  ])('%s: exit 1 naming line %i', (name, line, text) => {
    const r = zhizao(['validate', rel(name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${rel(name)}:${line}:`);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('points at the exact column of each problem, all at once', () => {
    const r = zhizao(['validate', rel('wrong-type.yaml'), '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.files[0].problems.map((p: { line: number; column: number; code: string }) => [p.line, p.column, p.code])).toEqual([
      [6, 24, 'answer.number'],
      [7, 12, 'answer.boolean'],
    ]);
    const bad = JSON.parse(zhizao(['validate', rel('bad-option.yaml'), '--json']).stdout);
    expect(bad.files[0].problems[0]).toMatchObject({ line: 6, column: 25, code: 'answer.option' });
    // A cross-field check is one problem, counted once, at the answer that comes first, naming both answers.
    const cnc = JSON.parse(zhizao(['validate', rel('cnc-over-total.yaml'), '--json']).stdout);
    expect(cnc.files[0].errors).toBe(1);
    expect(cnc.files[0].problems.map((p: { line: number; path: string }) => `${p.line}:${p.path}`)).toEqual(['6:answers.key_processes_total']);
    // each answer by its question and value; the other's line in words, not an id and a [line:column]
    expect(cnc.files[0].problems[0].message).toContain('("How many of the key processes are done on CNC equipment?": 15 (line 7); "How many key processes do the main products have?": 12)');
    expect(cnc.files[0].problems[0].message).not.toMatch(/key_processes_cnc = |\[\d+:\d+\]/);
    const many = JSON.parse(zhizao(['validate', rel('many-errors.yaml'), '--json']).stdout);
    expect(many.files[0].errors).toBe(3);
  });

  it('lists all ten mistakes of a file in one run, each once, in both languages', () => {
    const r = zhizao(['validate', rel('ten-mistakes.yaml'), '--json']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).files[0].problems as { line: number; code: string; severity: string; message: string }[];
    expect(problems.map((p) => `${p.line} ${p.code}`)).toEqual([
      '5 answers.credit-code-checksum',
      '6 schema.enum',
      '7 value.date-day',
      '9 answer.option',
      '10 answer.integer',
      '11 answers.check',
      '13 answers.misspelt-question',
      '14 answer.boolean',
      '15 answer.range',
      '16 answer.na-not-allowed',
    ]);
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toContain('2026-02-30 is not a day of the calendar: month 2 of 2026 has 28 days');
    expect(text).toContain('did you mean key_processes_list?');
    expect(text).toContain('120% is outside the allowed range 0%–100%'); // the range as typed, not 1.2 in 0–1
    expect(text).not.toMatch(/\^|\[0-9\]|\\d/); // never a regular expression
    const zh = zhizao(['validate', rel('ten-mistakes.yaml')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('2026 年 2 月只有 28 天');
    expect(zh.stderr).toContain('是不是 key_processes_list？');
    // a misspelt answer key is an error (it would silently change the plan), so all ten are errors
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(zh.stderr).toContain('✗ tests/fixtures/answers/ten-mistakes.yaml 10 个错误');
  });

  it('reads dates and numbers as a Chinese user types them, the same in YAML as in CSV', () => {
    const dir = tempDir();
    const file = path.join(dir, 'typed.yaml');
    writeFileSync(
      file,
      'questionnaire: smart-manufacturing\nrespondent:\n  company: 录入习惯公司\n  industry: discrete\n  credit_code: 91350100m000100y43\n  enterprise_class: d\n  date: 2026年11月3日\n' +
        'answers:\n  key_processes_total: １２\n  key_processes_cnc: "5"\n  equipment_total: "1,200"\n  kpi_defect_rate: ２.５％\n',
    );
    const r = zhizao(['score', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.respondent).toMatchObject({ date: '2026-11-03', credit_code: '91350100M000100Y43', enterprise_class: 'D' });
    expect(out.indicators.find((i: { id: string }) => i.id === 'cnc-rate').value).toBeCloseTo(5 / 12, 3);
    for (const [typed, ok] of [['2026/11/3', true], ['2026.11.3', true], ['２０２６－１１－０３', true], ['2026-02-30', false], ['2026-13-01', false], ['3/11/2026', false]] as const) {
      const f = path.join(dir, 'd.yaml');
      writeFileSync(f, `questionnaire: smart-manufacturing\nrespondent: {company: D, industry: discrete, date: "${typed}"}\nanswers: {}\n`);
      const v = zhizao(['validate', f]);
      expect(v.code, `${typed}: ${v.stderr}`).toBe(ok ? 0 : 1);
      expect(v.stderr).not.toContain('pattern');
    }
    // the same value in a CSV row reads the same
    const csv = path.join(dir, 'rows.csv');
    writeFileSync(csv, 'company,industry,date,key_processes_total\nA,discrete,2026/11/3,１２\nB,discrete,2026-02-30,3\n');
    const t = zhizao(['validate', csv, '--json']);
    const problems = JSON.parse(t.stdout).files[0].problems as { line: number; code: string }[];
    expect(problems.map((p) => `${p.line} ${p.code}`)).toEqual(['3 value.date-day']);
  });

  it('--strict makes warnings fail (exit 1); without it they do not', () => {
    const dir = tempDir();
    const file = path.join(dir, 'warn.yaml');
    // an id like no question (no close match) is a warning; a misspelt one is an error (tests/e2e/user-mistakes.test.ts)
    writeFileSync(file, 'questionnaire: smart-manufacturing\nrespondent: {company: W, industry: discrete, date: 2026-11-03}\nanswers:\n  our_own_remark: 车削\n');
    const plain = zhizao(['validate', file]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('warn.yaml:4:3 warning no question "our_own_remark" in this questionnaire: the answer is ignored');
    const strict = zhizao(['validate', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warning (--strict: warnings fail)');
    expect(JSON.parse(zhizao(['validate', file, '--strict', '--json']).stdout).valid).toBe(false);
  });

  it('reads GB18030 and UTF-8-with-BOM files', () => {
    const r = zhizao(['score', rel('gb18030.yaml'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).respondent.company).toBe('郑州国标编码机械有限公司');
    expect(zhizao(['validate', rel('bom.yaml')]).code).toBe(0);
  });

  it('refuses an alias bomb quickly', () => {
    const t = Date.now();
    const r = zhizao(['validate', rel('alias-bomb.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('alias');
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('refuses a questionnaire named by path', () => {
    const r = zhizao(['validate', rel('path-questionnaire.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('path-questionnaire.yaml:1:16');
  });

  it('validates definitions with --definition and reports a duplicated id in a broken copy', () => {
    const ok = zhizao(['validate', '--definition', 'questionnaires/smart-manufacturing.yaml', 'questionnaires/rules/default.yaml', 'questionnaires/targets/zhengzhou-2020.yaml', 'questionnaires/profiles/gbt39117-2020-practice.yaml', 'questionnaires/models/cmmm-2020.yaml', 'questionnaires/readiness/smart-workshop.yaml', 'questionnaires/readiness/smart-factory.yaml']);
    expect(ok.stderr).not.toContain('error');
    expect(ok.code).toBe(0);
    const dir = tempDir();
    const text = readFileSync('questionnaires/smart-manufacturing.yaml', 'utf8');
    const broken = text.replace('- id: designers_total', '- id: designers_digital');
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('- id: designers_digital') ) + 1;
    const r = zhizao(['validate', '--definition', file, '--json']);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).files[0].problems;
    expect(problems.some((p: { code: string; line: number }) => p.code === 'def.duplicate-id')).toBe(true);
    expect(problems.find((p: { code: string }) => p.code === 'def.duplicate-id').line).toBeGreaterThanOrEqual(line);
  });
});

describe('zhizao questionnaire / targets', () => {
  it('show --json prints the contract with every fixed id', () => {
    const r = zhizao(['questionnaire', 'show', 'smart-manufacturing', '--json']);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout);
    expect(q).toMatchObject({ id: 'smart-manufacturing', version: '2', title: { zh: expect.any(String), en: expect.any(String) } });
    expect(q.sections.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['design', 'production', 'management', 'service', 'foundations']));
    const ids = q.sections.flatMap((s: { questions: { id: string }[] }) => s.questions.map((x) => x.id));
    for (const id of ['key_processes_total', 'key_processes_cnc', 'design_tools', 'designers_total', 'designers_digital', 'equipment_total', 'equipment_digital', 'equipment_networked', 'kpi_output_per_worker', 'kpi_operating_cost', 'kpi_development_cycle_days', 'kpi_defect_rate', 'kpi_energy_per_output']) {
      expect(ids).toContain(id);
    }
    expect(q.indicators.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['cnc-rate', 'design-tool-penetration', 'equipment-digitization-rate', 'equipment-networking-rate', 'equipment-networked-share']));
    expect(zhizao(['questionnaire', 'list']).stdout).toContain('smart-manufacturing');
  });
  it('targets list and show', () => {
    expect(zhizao(['targets', 'list']).stdout).toContain('zhengzhou-2020');
    const t = JSON.parse(zhizao(['targets', 'show', 'national-2025', '--json']).stdout);
    expect(t.targets.find((x: { indicator: string }) => x.indicator === 'cnc-rate')).toMatchObject({ comparison: '>=', value: 0.68, year: 2025 });
  });
});

describe('zhizao template', () => {
  it('writes a blank file that validates, and never overwrites without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'blank.yaml');
    const r = zhizao(['template', '-o', out, '--lang', 'zh']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# ');
    expect(text).toContain('key_processes_cnc:');
    const data = parse(text);
    expect(Object.values(data.answers).every((v) => v === null)).toBe(true);
    expect(zhizao(['validate', out]).code).toBe(0);
    const again = zhizao(['template', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(zhizao(['template', '-o', out, '--force', '--lang', 'en']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Fill in the answers');
    expect(existsSync(out)).toBe(true);
  });
  it('says what each option of a level or choice question means, not only its value (a reviewer chose "basic(1)" for "office network only")', () => {
    const zh = zhizao(['template', '--lang', 'zh']).stdout;
    expect(zh).toMatch(/# {5}none \(0\): 办公区联网，车间未联网\n {2}# {5}basic \(1\): 办公网络，车间网络在规划\n(?: {2}# .*\n)* {2}network_level:/);
    expect(zhizao(['template', '--lang', 'en']).stdout).toMatch(/# {5}system \(2\): .+\n(?: {2}# .*\n)* {2}quality_level:/);
  });
  it('--mode express: a short blank file with the express interview\'s questions, which says its mode; tables refuse it', () => {
    const full = zhizao(['template', '--lang', 'zh']).stdout;
    const express = zhizao(['template', '--mode', 'express', '--lang', 'zh']).stdout;
    const keys = (t: string) => Object.keys((parse(t) as { answers: Record<string, unknown> }).answers);
    expect(keys(express).length).toBeGreaterThan(40);
    expect(keys(express).length).toBeLessThan(keys(full).length / 2);
    expect(keys(express)).toContain('equipment_level');
    expect(keys(express)).not.toContain('req_network_topology');
    expect((parse(express) as { progress: { mode: string } }).progress.mode).toBe('express');
    const t = zhizao(['template', '--mode', 'express', '--format', 'csv']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--mode gives a YAML answer file');
  });
  it('writes to stdout without -o', () => {
    const r = zhizao(['template', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /);
  });
  it('enterprise class D: the YAML template offers it, and YAML and CSV accept it alike', () => {
    expect(zhizao(['template', '--lang', 'en']).stdout).toContain('enterprise class A | B | C | D (the comprehensive evaluation: A, B, C under 郑政文〔2018〕168号 section 4 (1), A to D from 郑政〔2020〕8号; optional)');
    expect(zhizao(['template', '--lang', 'zh']).stdout).toContain('企业分类 A | B | C | D（综合评价结果');
    // every respondent field the batch reads is in the template
    const zh = zhizao(['template', '--lang', 'zh']).stdout;
    for (const field of ['retrofit_status:', 'interviewees:', 'assessor:', 'district:', 'park:']) expect(zh).toContain(`\n  ${field}`);
    const dir = tempDir();
    const yaml = path.join(dir, 'd.yaml');
    writeFileSync(yaml, 'questionnaire: smart-manufacturing\nrespondent: {company: D 类公司, industry: discrete, enterprise_class: D}\nanswers: {}\n');
    expect(zhizao(['validate', yaml]).code).toBe(0);
    const csv = path.join(dir, 'd.csv');
    writeFileSync(csv, 'company,industry,enterprise_class\nD 类公司,discrete,D类\n');
    expect(zhizao(['validate', csv]).code).toBe(0);
    writeFileSync(yaml, 'questionnaire: smart-manufacturing\nrespondent: {company: E 类公司, industry: discrete, enterprise_class: E}\nanswers: {}\n');
    expect(zhizao(['validate', yaml]).stderr).toContain('expected one of A, B, C, D');
  });
});

describe('paths a user takes that are otherwise tested only in process', () => {
  const small = ['--questionnaire', 'tests/fixtures/scoring/small.yaml'];
  it('score --profile PATH re-scores a file under another model version (the 2024-draft fixture)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'small.yaml');
    writeFileSync(file, 'questionnaire: small\nversion: "2"\nrespondent: {company: T, industry: discrete}\nanswers: {pd_level: l3, r2: mostly, eq_level: l1, has_x: false, na_req: n/a}\n');
    const r = zhizao(['score', file, ...small, '--profile', 'tests/fixtures/model-2024/draft-profile.yaml', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scoring).toMatchObject({ profile: 'draft-2024-test', model: 'cmmm-2024-draft', verified: false });
    expect(out.subdomains.map((s: { id: string }) => s.id)).toEqual(['equipment-and-lines', 'product-innovation']);
    expect(out.maturity.levelScores[0]).toBeCloseTo(67.5 / 85, 4); // (35 × 0.5 + 50 × 1) / 85, see docs/scoring.md
    expect(zhizao(['score', file, ...small, '--explain', '--profile', 'tests/fixtures/model-2024/draft-profile.yaml']).stdout).toContain('no matching sub-domain');
  });

  it('template --industry process shows the process wording of the CNC question', () => {
    const r = zhizao(['template', '--industry', 'process', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('industry: process');
    expect(r.stdout).toMatch(/自动控制|DCS|PLC/);
    expect(zhizao(['template', '--industry', 'factory']).code).toBe(2);
  });

  it('targets show PATH and report --report-lang both', () => {
    const t = zhizao(['targets', 'show', 'questionnaires/targets/national-2020.yaml']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('national-2020');
    const r = zhizao(['report', path.join(EXAMPLES, 'process-food.zhizao.yaml'), '--report-lang', 'both']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('智能制造能力成熟度诊断报告 / Smart-manufacturing maturity diagnosis report');
  });
});
