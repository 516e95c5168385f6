import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

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
  it('exits 2 on usage errors without a stack trace', () => {
    const r = zhizao(['score']);
    expect(r.code).toBe(2);
    const u = zhizao(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('zhizao validate', () => {
  it('accepts both examples (exit 0)', () => {
    const r = zhizao(['validate', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), path.join(EXAMPLES, 'process-food.zhizao.yaml')]);
    expect(r.stderr).toContain('valid');
    expect(r.code).toBe(0);
  });

  it.each([
    ['yaml-syntax.yaml', 6, 'YAML syntax error'],
    ['wrong-type.yaml', 6, '"twelve" is not a number'],
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
    const cnc = JSON.parse(zhizao(['validate', rel('cnc-over-total.yaml'), '--json']).stdout);
    expect(cnc.files[0].problems.map((p: { line: number; path: string }) => `${p.line}:${p.path}`)).toEqual(['6:answers.key_processes_total', '7:answers.key_processes_cnc']);
    const many = JSON.parse(zhizao(['validate', rel('many-errors.yaml'), '--json']).stdout);
    expect(many.files[0].errors).toBe(3);
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
  it('writes to stdout without -o', () => {
    const r = zhizao(['template', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /);
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
