// `zhizao validate` with consistency checks, plausibility ranges and evidence records, through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

const dir = tempDir('zhizao-checks-');
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const CONTRADICTING = `questionnaire: smart-manufacturing
version: "2"
respondent:
  company: 郑州核对测试有限公司
  industry: discrete
  date: 2026-11-03
answers:
  key_processes_total: 12
  key_processes_cnc: 5
  has_wms: false
  digital_spend_share: 0.8
  equipment_level: key_digital
  warehousing_level: production_linked
`;

interface Problem {
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}
interface Finding {
  check: string;
  kind: string;
  severity: string;
  message: string;
  about: { question: string; line: number; column: number; answer: unknown; shown: string }[];
}

describe('validate: consistency checks and plausibility', () => {
  const file = write('contradicting.yaml', CONTRADICTING);

  it('reports each contradiction as a warning at both answers, and keeps the file valid (exit 0)', () => {
    const r = zhizao(['validate', file]);
    expect(r.code).toBe(0);
    const at = lineOf(CONTRADICTING, 'equipment_level:');
    const line = r.stderr.split('\n').find((l) => l.includes('[check equipment-level-vs-cnc-rate'))!;
    expect(line).toContain(`contradicting.yaml:${at}:`);
    expect(line).toContain('warning');
    expect(line).toContain('only 5 of 12 do');
    expect(line).toContain(`key_processes_cnc ${lineOf(CONTRADICTING, 'key_processes_cnc:')}:`);
    expect(line).toContain(`key_processes_total ${lineOf(CONTRADICTING, 'key_processes_total:')}:`);
    expect(r.stderr).toContain('[check wms-vs-warehousing-level');
    expect(r.stderr).toMatch(/valid \(3 warnings\)/);
  });

  it('a percentage typed as a bare 0.8 is a plausibility warning that offers 0.8 %', () => {
    const r = zhizao(['validate', file]);
    // (the question by its text, as the plant reads it: the id is not in the message)
    const line = r.stderr.split('\n').find((l) => l.includes('“What share of revenue was spent on digitisation last year?”: 80%'))!;
    expect(line).toContain(`:${lineOf(CONTRADICTING, 'digital_spend_share:')}:`);
    expect(line).toContain('80% is outside the usual range (0–10%); please check. If 0.8% was meant, write "0.8%" or 0.008');
  });

  it('JSON output carries the findings with every answer located', () => {
    const r = zhizao(['validate', file, '--json']);
    const out = JSON.parse(r.stdout) as { valid: boolean; files: { warnings: number; problems: Problem[]; findings: Finding[] }[] };
    expect(out.valid).toBe(true);
    const f = out.files[0]!;
    expect(f.warnings).toBe(3);
    expect(f.problems.map((p) => p.code).sort()).toEqual(['checks.finding', 'checks.finding', 'checks.plausibility']);
    const cnc = f.findings.find((x) => x.check === 'equipment-level-vs-cnc-rate')!;
    expect(cnc).toMatchObject({ kind: 'check', severity: 'warning' });
    expect(cnc.about.map((a) => [a.question, a.answer, a.line])).toEqual([
      ['equipment_level', 'key_digital', lineOf(CONTRADICTING, 'equipment_level:')],
      ['key_processes_cnc', 5, lineOf(CONTRADICTING, 'key_processes_cnc:')],
      ['key_processes_total', 12, lineOf(CONTRADICTING, 'key_processes_total:')],
    ]);
    expect(f.findings.find((x) => x.kind === 'plausibility')!.about[0]).toMatchObject({ question: 'digital_spend_share', answer: 0.8, shown: '80%' });
  });

  it('messages follow --lang', () => {
    const r = zhizao(['validate', file, '--lang', 'zh']);
    expect(r.stderr).toContain('关键工序 12 道中只有 5 道');
    expect(r.stderr).toContain('超出通常范围（0–10%）');
  });

  it('a 25-digit count is accepted but flagged as implausible', () => {
    const text = CONTRADICTING.replace('key_processes_total: 12', 'key_processes_total: 1200000000000000000000000');
    const r = zhizao(['validate', write('huge.yaml', text)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('“How many key processes do the main products have?”: 1.2e+24 is outside the usual range (1–200 processes); please check');
  });

  it('a check of severity error fails the file (exit 1)', () => {
    const text = CONTRADICTING + '  cnc_machines_count: 10\n  cnc_machines_networked: 12\n';
    const r = zhizao(['validate', write('error.yaml', text)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error Networked CNC machines \(12\) cannot exceed all CNC machines \(10\)/);
  });

  it('both examples: 100 % complete, with no consistency or plausibility warning', () => {
    const r = zhizao(['validate', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), path.join(EXAMPLES, 'process-food.zhizao.yaml'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { completeness: number; warnings: number; findings: Finding[] }[] };
    for (const f of out.files) {
      expect(f.completeness).toBe(1);
      expect(f.findings).toEqual([]);
      expect(f.warnings).toBe(0);
    }
  });

  it('welding robots beside a key-process list that welds by hand and names no robot: a warning at both answers', () => {
    const text = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8').replace('缸体焊接（环缝由焊接机器人焊，接管和支座焊缝手工焊）', '缸体焊接（手工焊）');
    expect(text).toContain('缸体焊接（手工焊）');
    const r = zhizao(['validate', write('manual-welding.yaml', text), '--lang', 'en']);
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('[check robot-welding-vs-manual-welding-key-process'))!;
    expect(line).toContain(`manual-welding.yaml:${lineOf(text, 'robot_applications:')}:`);
    expect(line).toContain(`key_processes_list ${lineOf(text, 'key_processes_list:')}:`);
    expect(r.stderr).toMatch(/valid \(1 warning\)/);
  });

  it('files of questionnaire version 1 are not checked on questions they were never asked', () => {
    const v1 = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { version: string };
    v1.version = '1';
    const r = zhizao(['validate', write('v1.yaml', stringify(v1)), '--json']);
    const out = JSON.parse(r.stdout) as { files: { findings: Finding[] }[] };
    expect(out.files[0]!.findings).toEqual([]);
  });
});

describe('validate --require-evidence', () => {
  const text = `questionnaire: smart-manufacturing
version: "2"
respondent: {company: 证据测试, industry: discrete}
answers:
  req_maintenance_system: full
  req_oee: mostly
  req_andon: partial
evidence:
  req_maintenance_system: {type: demo, ref: ERP 设备模块保养计划截图 IMG_0831.jpg}
`;
  const file = write('evidence.yaml', text);

  it('warns where a requirement answered fully or mostly has no evidence record', () => {
    const plain = zhizao(['validate', file]);
    expect(plain.stderr).not.toContain('evidence record');
    const r = zhizao(['validate', file, '--require-evidence']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('no evidence record'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`evidence.yaml:${lineOf(text, 'req_oee:')}:`);
    expect(lines[0]).toContain('req_oee is answered "mostly satisfied"');
  });

  it('an evidence record must have a known type and a one-line reference', () => {
    const bad = text.replace('{type: demo, ref: ERP 设备模块保养计划截图 IMG_0831.jpg}', '{type: photo, ref: "a\\nb"}');
    const r = zhizao(['validate', write('bad-evidence.yaml', bad), '--json']);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { files: { problems: Problem[] }[] }).files[0]!.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['schema.enum', 'schema.pattern']);
  });
});

describe('validate --definition of a checks file', () => {
  it('the bundled checks are valid', () => {
    const r = zhizao(['validate', '--definition', 'questionnaires/checks/default.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
  });

  it("a consultant's broken check is reported at file:line:col", () => {
    const text = `kind: checks
id: mine
questionnaire: smart-manufacturing
checks:
  - id: my-check
    when: "level_of('has_mes') >= 2 and nope > 1"
    severity: warning
    about: [has_mes]
    message: {zh: "{has_mes}", en: "{has_mes} {has_wms}"}
  - id: my-other-check
    when: "levle_of('equipment_level') >= (2"
    severity: fatal
    about: [equipment_level]
    message: {zh: x, en: x}
`;
    const file = write('my-checks.yaml', text);
    const shape = JSON.parse(zhizao(['validate', '--definition', file, '--json']).stdout) as { files: { problems: Problem[] }[] };
    expect(shape.files[0]!.problems.map((p) => [p.code, p.line])).toEqual([['schema.enum', lineOf(text, 'severity: fatal')]]);
    const fixed = write('my-checks-2.yaml', text.replace('severity: fatal', 'severity: error'));
    const r = zhizao(['validate', '--definition', fixed, '--json']);
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout) as { files: { problems: Problem[] }[] }).files[0]!.problems;
    const got = problems.map((p) => [p.code, p.line]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['expr.unknown-id', lineOf(text, 'nope > 1')],
        ['checks.placeholder-not-about', lineOf(text, '{has_wms}')],
        ['expr.syntax', lineOf(text, 'levle_of')],
      ]),
    );
    expect(problems.every((p) => p.column > 0)).toBe(true);
  });

  it('a checks file for an unknown questionnaire names it', () => {
    const file = write('other.yaml', 'kind: checks\nid: x\nquestionnaire: no-such-questionnaire\nchecks:\n  - {id: a, when: "true", severity: warning, about: [x], message: {zh: x, en: x}}\n');
    const r = zhizao(['validate', '--definition', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('other.yaml:3:');
    expect(r.stderr).toContain('no-such-questionnaire');
  });
});

describe('validate: an answer to a question another answer makes not apply', () => {
  it('is named by its question and id, kept and not scored (no bare id)', () => {
    const dir = tempDir('zhizao-hidden-');
    const file = path.join(dir, 'no-mes.yaml');
    // the example without its MES: its MES follow-ups stay in the file
    writeFileSync(file, readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8').replace(/^ {2}has_mes: true$/m, '  has_mes: false'));
    const zh = zhizao(['validate', file, '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('警告 “MES 覆盖了多大比例的产量？”（mes_coverage）对本企业不适用（另一题的回答使本题不适用）：答案保留但不计分');
    expect(zh.stderr).not.toMatch(/警告 mes_coverage /);
    const en = zhizao(['validate', file, '--lang', 'en']);
    expect(en.stderr).toContain('warning "What share of output does MES cover?" (mes_coverage) does not apply to this plant');
  });

  it('a typo in the answer that decides it ("has_mes: ture") is the error, and its follow-ups are not said not to apply', () => {
    const dir = tempDir('zhizao-hidden-typo-');
    const file = path.join(dir, 'typo.yaml');
    writeFileSync(file, readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8').replace(/^ {2}has_mes: true$/m, '  has_mes: ture').replace(/^ {2}req_oee: (\w+)$/m, '  req_oee: nnone'));
    const zh = zhizao(['validate', file, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('“是否在用制造执行系统（MES）？”（has_mes）："ture" 不是“是/否”');
    expect(zh.stderr).not.toContain('对本企业不适用');
    // a requirement's allowed answers with the codes the file uses
    expect(zh.stderr).toContain('全部满足（full）、大部分满足（mostly）、部分满足（partial）、不满足（none）');
  });
});

describe('validate: a sector code the key processes contradict', () => {
  it('the hydraulic example coded as a food plant gets a warning to check the code; as it is, none', () => {
    const dir = tempDir('zhizao-sector-');
    const file = path.join(dir, 'c14.yaml');
    const example = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    writeFileSync(file, example.replace(/^ {2}sector: C34$/m, '  sector: C14'));
    const r = zhizao(['validate', file, '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('行业代码是食品行业（C13–C15），但关键工序清单是机械加工或焊接工序');
    expect(zhizao(['validate', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--lang', 'zh']).stderr).not.toContain('行业代码是');
  });
});

describe('validate on a table reads each row as batch does', () => {
  it('the table reader\u2019s own warning about a cell (0.6 in a column in percent) is listed, as a run lists it', () => {
    const dir = tempDir('zhizao-validate-table-');
    writeFileSync(path.join(dir, 't.csv'), 'company,industry,MES覆盖率（%）,date\n甲公司,discrete,0.6,2026-01-05\n乙公司,discrete,85,2026-01-05\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'columns:\n  company: company\n  industry: industry\n  MES覆盖率（%）: mes_coverage\n  date: date\n');
    const r = zhizao(['validate', 't.csv', '--map', 'map.yaml', '--lang', 'zh'], { cwd: dir });
    expect(r.stderr).toContain('“MES覆盖率（%）”列按百分数读取，0.6 读作 0.6%；如果本意是 60%，请填 60（或 60%）');
    const batch = zhizao(['batch', 't.csv', '--map', 'map.yaml', '--lang', 'zh', '--json'], { cwd: dir });
    expect(JSON.parse(batch.stdout).problems.map((p: { message: string }) => p.message)).toContain('“MES覆盖率（%）”列按百分数读取，0.6 读作 0.6%；如果本意是 60%，请填 60（或 60%）');
  });

  it('a sector written in words is warned at its line, with the code its words name; a code is not', () => {
    const example = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8'));
    example.respondent.sector = '汽车零部件加工';
    const text = stringify(example);
    const r = zhizao(['validate', write('sector-words.zhizao.yaml', text)], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain(`sector-words.zhizao.yaml:${lineOf(text, 'sector:')}:`);
    expect(r.stdout + r.stderr).toContain('respondent.sector“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。如属汽车零部件及配件制造，请改填 C3670');
    // a code, alone or followed by its name as copied from the statistics, is no words
    for (const sector of ['C3670', 'C3670 汽车零部件及配件制造']) {
      example.respondent.sector = sector;
      const ok = zhizao(['validate', write('sector-code.zhizao.yaml', stringify(example))], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(ok.stdout + ok.stderr).not.toContain('GB/T 4754');
    }
    // the digits without the section letter: the code with it
    example.respondent.sector = '3670';
    const digits = zhizao(['validate', write('sector-digits.zhizao.yaml', stringify(example))], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(digits.stdout + digits.stderr).toContain('如属汽车零部件及配件制造，请改填 C3670');
  });

  it('a finding makes doubtful only the indicators computed from the answers it doubts: networked machines without a collecting system doubt the networking rates, not the plain "no MES"', () => {
    const example = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8'));
    Object.assign(example.answers, { has_mes: false, has_scada: false, uses_iip_platform: false, erp_interfaces: ['none'] });
    delete example.answers.req_erp_mes_integration;
    const file = write('networked-no-system.zhizao.yaml', stringify(example));
    const v = zhizao(['validate', file, '--json']);
    expect(JSON.parse(v.stdout).files[0].problems.map((d: { message: string }) => d.message).join('\n')).toContain('networked-equipment-without-collecting-system');
    const md = zhizao(['report', file, '--format', 'md', '--lang', 'zh']);
    expect(md.code, md.stderr).toBe(0);
    const row = (name: string) => md.stdout.split('\n').find((l) => l.startsWith(`| ${name} |`))!;
    expect(row('数字化生产设备联网率')).toContain('计算所用的答案之间有矛盾');
    expect(row('制造执行系统（MES）应用')).not.toContain('矛盾');
    expect(row('工业互联网平台应用')).not.toContain('矛盾');
  });

  it('a code naming no division of GB/T 4754-2017 (C9999) is warned at its line, and the report says its plan is the generic one', () => {
    const example = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8'));
    example.respondent.sector = 'C9999';
    const text = stringify(example);
    const file = write('sector-no-division.zhizao.yaml', text);
    const r = zhizao(['validate', file], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain(`sector-no-division.zhizao.yaml:${lineOf(text, 'sector:')}:`);
    expect(r.stdout + r.stderr).toContain('respondent.sector“C9999”：国民经济行业分类（GB/T 4754-2017）C 门类没有 99 大类（该门类为 C13–C43）');
    const report = zhizao(['report', file, '--format', 'md', '--lang', 'en']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('The sector code given, “C9999”, names no division of GB/T 4754-2017 (section C runs from C13 to C43)');
    // every division of manufacturing, and of the other sections at their ends, is one
    for (const sector of ['C13', 'C4320', 'A01', 'T97', 'K70']) {
      example.respondent.sector = sector;
      const ok = zhizao(['validate', write('sector-division.zhizao.yaml', stringify(example))], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(ok.stdout + ok.stderr, sector).not.toContain('门类没有');
    }
  });
});
