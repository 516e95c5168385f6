/**
 * `zhizao batch` as a programme-office analyst reads it (built CLI): no internal ids or notation where a person's
 * words exist — a missing field by its name, a contradiction by its questions, values and cells, what
 * --on-bad-cell blank left unanswered, a source sentence when nothing was scored, the workbook's column titles and
 * long-summary parts in words — and a dry run that finds the cells the run rejects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DryRunResult } from '../../src/app/batch/dry-run';
import type { CellProblem, Rejected } from '../../src/app/batch/parts';
import type { CompanyRecord } from '../../src/core/batch/record';
import type { BatchSummary } from '../../src/core/batch/summary';
import { tempDir, zhizao } from '../helpers/cli';

interface Out {
  companies: CompanyRecord[];
  rejected: Rejected[];
  problems: CellProblem[];
  summary: BatchSummary & { blanked?: { cells: number; companies: number } };
}

/** The brief's tables: no industry column (t.csv), with one (t2.csv), and an empty industry cell (t3.csv). */
const NO_INDUSTRY = 'company,sector,key_processes_total,key_processes_cnc,date\n甲公司,C34,12,abc,2026-01-05\n乙公司,C34,10,20,2026-01-05\n';
const WITH_INDUSTRY = 'company,sector,industry,key_processes_total,key_processes_cnc,date\n甲公司,C34,discrete,12,abc,2026-01-05\n乙公司,C34,discrete,10,20,2026-01-05\n';
const EMPTY_INDUSTRY = 'company,sector,industry,key_processes_total,key_processes_cnc,date\n甲公司,C34,,12,5,2026-01-05\n';

let dir: string;
const run = (args: string[], lang = 'zh') => zhizao(['batch', ...args, '--lang', lang], { cwd: dir });
const json = (args: string[], lang = 'zh') => JSON.parse(run([...args, '--json'], lang).stdout) as Out;

beforeAll(() => {
  dir = tempDir('zhizao-batch-wording-');
  writeFileSync(path.join(dir, 't.csv'), NO_INDUSTRY);
  writeFileSync(path.join(dir, 't2.csv'), WITH_INDUSTRY);
  writeFileSync(path.join(dir, 't3.csv'), EMPTY_INDUSTRY);
});

describe('batch in an analyst’s words (built CLI)', { timeout: 180_000 }, () => {
  it('a required respondent field a table lacks is named as a person names it, with the column to add or fill', () => {
    const zh = run(['t.csv', '-o', 'out.xlsx', '--force']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('甲公司：缺少必填项“行业类型”（表格中没有 industry 列），请补上');
    expect(zh.stderr).not.toContain('respondent：');
    expect(zh.stderr).not.toContain('"industry"');
    const en = run(['t.csv'], 'en');
    expect(en.stderr).toContain('甲公司: the required field "industry type" is missing (the table has no industry column); add it');
    // the column is there, the cell empty: said beside the column, as every cell problem
    const empty = run(['t3.csv']);
    expect(empty.stderr).toContain('甲公司：“industry”列：必填项“行业类型”为空，请补上');
    // the rejected list's problems and the problems list say it the same way
    const out = json(['t.csv']);
    expect(out.rejected[0]!.problems[0]!.message).toBe('缺少必填项“行业类型”（表格中没有 industry 列），请补上');
    expect(out.problems.find((p) => p.code === 'schema.required-field')!.message).toBe('缺少必填项“行业类型”（表格中没有 industry 列），请补上');
  });

  it('validate names a missing field of an answer file the same way, with its key', () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'questionnaire: smart-manufacturing\nrespondent:\n  company: 甲公司\nanswers:\n  key_processes_total: 10\n');
    const zh = zhizao(['validate', 'a.yaml', '--lang', 'zh'], { cwd: dir });
    expect(zh.stdout + zh.stderr).toContain('a.yaml:3:3 错误 respondent：缺少必填项“行业类型”（industry），请补上');
    const en = zhizao(['validate', 'a.yaml'], { cwd: dir });
    expect(en.stdout + en.stderr).toContain('respondent: the required field "industry type" (industry) is missing; add it');
  });

  it('two answers that contradict each other: each by its question and value, with its cell — no ids, no [row:col]', () => {
    const r = run(['t2.csv', '-o', 'out2.xlsx', '--force']);
    const line = r.stderr.split('\n').find((l) => l.includes('乙公司'))!;
    expect(line).toContain('（“其中由数控设备完成的关键工序有多少道？”填 20（单元格 E3）；“主要产品的关键工序共有多少道？”填 10（单元格 D3））');
    expect(line).not.toMatch(/key_processes_cnc = |\[\d+:\d+\]/);
    // not filed under one of its two columns
    expect(line).not.toContain('“key_processes_total”列');
    const en = run(['t2.csv'], 'en').stderr;
    expect(en).toContain('("How many of the key processes are done on CNC equipment?": 20 (cell E3); "How many key processes do the main products have?": 10 (cell D3))');
    // the problems list says the same, at the cell of the first answer
    const p = json(['t2.csv']).problems.find((x) => x.code === 'answers.check')!;
    expect([p.cell, p.action]).toEqual(['D3', 'rejected']);
    expect(p.message).toContain('填 20（单元格 E3）');
  });

  it('validate words the same check of an answer file by question and line', () => {
    writeFileSync(path.join(dir, 'b.yaml'), 'questionnaire: smart-manufacturing\nrespondent:\n  company: 甲公司\n  industry: discrete\nanswers:\n  key_processes_total: 10\n  key_processes_cnc: 20\n');
    const zh = zhizao(['validate', 'b.yaml', '--lang', 'zh'], { cwd: dir });
    const said = zh.stdout + zh.stderr;
    expect(said).toContain('b.yaml:6:24 错误');
    expect(said).toContain('（“其中由数控设备完成的关键工序有多少道？”填 20（第 7 行）；“主要产品的关键工序共有多少道？”填 10）');
    expect(said).not.toMatch(/key_processes_cnc = |\[\d+:\d+\]/);
    const en = zhizao(['validate', 'b.yaml'], { cwd: dir });
    expect(en.stdout + en.stderr).toContain('("How many of the key processes are done on CNC equipment?": 20 (line 7); "How many key processes do the main products have?": 10)');
  });

  it('--on-bad-cell blank: one stderr line says how many cells in how many companies were left unanswered, where they are listed, and the first ones', () => {
    const xlsx = run(['t2.csv', '-o', 'out3.xlsx', '--force', '--on-bad-cell', 'blank']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toContain('2 家企业的 2 个单元格按未作答处理（--on-bad-cell blank），列在 out3.xlsx 的“问题”工作表中：t2.csv E2（甲公司）、t2.csv D3（乙公司）');
    const csv = run(['t2.csv', '-o', 'out3.csv', '--force', '--on-bad-cell', 'blank'], 'en');
    expect(csv.stderr).toContain('2 cells in 2 companies left unanswered (--on-bad-cell blank), listed in out3.problems.csv: t2.csv E2 (甲公司), t2.csv D3 (乙公司)');
    // with --json: said on stderr, and counted in the summary
    const j = run(['t2.csv', '--json', '--on-bad-cell', 'blank']);
    expect(j.stderr).toContain('列在 JSON 输出的 problems 中');
    const out = JSON.parse(j.stdout) as Out;
    expect(out.summary.blanked).toEqual({ cells: 2, companies: 2 });
    expect(out.problems.filter((p) => p.action === 'blanked').map((p) => p.cell)).toEqual(['E2', 'D3']);
    // nothing blanked, nothing said; rejecting runs carry no count
    expect(run(['t2.csv', '-o', 'out4.xlsx', '--force']).stderr).not.toContain('按未作答处理（--on-bad-cell blank），列在');
    expect(json(['t2.csv']).summary.blanked).toBeUndefined();
  });

  it('nothing scored: the source sentence says so, instead of "文件：。"', () => {
    const zh = run(['t.csv']);
    expect(zh.stdout).toContain('来源：没有可评分的答卷，2 项输入被拒收。');
    expect(zh.stdout).not.toContain('文件：。');
    const en = json(['t.csv'], 'en').summary.sample.statement.en;
    expect(en).toContain('Source: no answer set could be scored; 2 inputs were rejected.');
    expect(en).not.toContain('Files: .');
  });

  it('the workbook and the CSV: numerator and denominator by their questions, the long summary’s parts and items in words', async () => {
    expect(run(['t2.csv', '-o', 'wb.xlsx', '--force', '--on-bad-cell', 'blank']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'wb.xlsx'));
    const head = (wb.getWorksheet('明细')!.getRow(1).values as unknown[]).map(String);
    expect(head).toContain('关键工序数控化率：分子，即“其中由数控设备完成的关键工序有多少道？”的回答，流程型企业为“其中由 DCS/PLC 自动控制的关键工序有多少道？”的回答，混合型企业为“其中由数控设备或 DCS/PLC 自动控制的关键工序有多少道？”的回答（key_processes_cnc）');
    expect(head).toContain('关键工序数控化率：分母，即“主要产品的关键工序共有多少道？”的回答，流程型企业为“主要产品的关键工序（装置、单元）共有多少道？”的回答（key_processes_total）');
    expect(head.some((h) => h.includes('分子（key_processes_cnc）'))).toBe(false);
    // a share of companies: one company's value is whether it counts as yes, not a "penetration rate" of 100 %
    expect(head).toContain('数字化研发设计工具普及率：本企业是否计为“是”（是／否／不清楚；区域占比按规上企业统计）');
    expect(head).not.toContain('数字化研发设计工具普及率');
    const long = wb.getWorksheet('汇总长表')!;
    const parts = new Set<string>();
    const items = new Set<string>();
    long.eachRow((r, i) => {
      if (i === 1) return;
      parts.add(String(r.getCell(1).value));
      items.add(String(r.getCell(3).value));
    });
    expect([...parts]).toEqual(['样本', '计数', '目标', '全部企业', '按是否规上分组']);
    expect(items).toContain('样本说明');
    expect(items).toContain('关键工序数控化率');
    for (const x of [...parts, ...items]) expect(x).not.toMatch(/^(sample|counts|targets|all|by_size|statement|companies|no_level|mean_score)$|@|^level\.|^section\.|^cnc-rate/);
    // the CSV: row 2 titles the same way; the long summary keeps its ids for scripts
    expect(run(['t2.csv', '-o', 'wb.csv', '--force', '--on-bad-cell', 'blank']).code).toBe(0);
    const titles = readFileSync(path.join(dir, 'wb.csv'), 'utf8').split('\r\n')[1]!;
    expect(titles).toContain('关键工序数控化率：分子，即“其中由数控设备完成的关键工序有多少道？”的回答，流程型企业为“其中由 DCS/PLC 自动控制的关键工序有多少道？”的回答，混合型企业为“其中由数控设备或 DCS/PLC 自动控制的关键工序有多少道？”的回答（key_processes_cnc）');
    const summary = readFileSync(path.join(dir, 'wb.summary.csv'), 'utf8');
    expect(summary).toContain('\r\nall,all,cnc-rate@above,');
  });

  it('--dry-run finds the cells the real run rejects, by the same rule and in the same words; exit 1', () => {
    const dry = run(['t2.csv', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('  E2 甲公司：“key_processes_cnc”列：“其中由数控设备完成的关键工序有多少道？”："abc" 不是数字：请只填数字（如 12 道），不知道的填“不清楚”（正式运行时整行拒收）');
    expect(dry.stdout).toContain('  D3 乙公司：数控化（自动控制）关键工序数');
    expect(dry.stdout).toContain('  正式运行时将因单元格问题拒收 2 行，按未作答处理 0 个单元格');
    // the dry run's cells are the real run's problems (code, cell, message, what is done)
    const pick = (ps: readonly CellProblem[]) => ps.map((p) => [p.code, p.cell, p.company, p.message, p.action]);
    const dryJson = JSON.parse(run(['t2.csv', '--dry-run', '--json']).stdout) as DryRunResult;
    expect(pick(dryJson.tables[0]!.cells!)).toEqual(pick(json(['t2.csv']).problems));
    expect(dryJson.tables[0]!.rejectedRows).toBe(2);
    // with --on-bad-cell blank: the same cells, left unanswered; nothing rejected, exit 0
    const blank = run(['t2.csv', '--dry-run', '--on-bad-cell', 'blank'], 'en');
    expect(blank.code).toBe(0);
    expect(blank.stdout).toContain('E2 甲公司: column “key_processes_cnc”: "How many of the key processes are done on CNC equipment?": "abc" is not a number');
    expect(blank.stdout).toContain('(a real run: left unanswered)');
    expect(blank.stdout).toContain('a real run would reject 0 rows for their cells, leave 2 cells unanswered, leave 0 values outside the plausible range out of the regional figures, and list 0 contradictions between answers (the rows kept)');
    const blankJson = JSON.parse(run(['t2.csv', '--dry-run', '--json', '--on-bad-cell', 'blank']).stdout) as DryRunResult;
    expect(pick(blankJson.tables[0]!.cells!)).toEqual(pick(json(['t2.csv', '--on-bad-cell', 'blank']).problems.filter((p) => p.action === 'blanked')));
    // a missing column and an empty required cell are found too
    expect(run(['t.csv', '--dry-run']).stdout).toContain('  第 2 行 甲公司：缺少必填项“行业类型”（表格中没有 industry 列），请补上（正式运行时整行拒收）');
    expect(run(['t3.csv', '--dry-run']).stdout).toContain('  C2 甲公司：“industry”列：必填项“行业类型”为空，请补上（正式运行时整行拒收）');
  });

  it('--dry-run lists the contradictions between answers the real run lists (the consistency checks), in the same words; exit 0', () => {
    // 甲: five key processes on CNC, yet no CNC machine and no robot; 乙: the same with twelve CNC machines
    writeFileSync(path.join(dir, 'c.csv'), 'company,industry,key_processes_total,key_processes_cnc,cnc_machines_count,robots_count,date\n甲公司,discrete,10,5,0,0,2026-01-05\n乙公司,discrete,10,5,12,0,2026-01-05\n');
    const dry = run(['c.csv', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('  D2 甲公司：“key_processes_cnc”列：有 5 道关键工序记为数控化，但数控设备为 0 台、工业机器人为 0 台。请核实这些工序用的是什么设备。（正式运行时保留）');
    expect(dry.stdout).not.toContain('乙公司');
    expect(dry.stdout).toContain('列出 1 处答案之间的矛盾（整行保留）');
    expect(dry.stdout).not.toContain('所有单元格均可按正式运行的规则读取');
    const pick = (ps: readonly CellProblem[]) => ps.map((p) => [p.code, p.cell, p.company, p.message, p.action]);
    const dryJson = JSON.parse(run(['c.csv', '--dry-run', '--json']).stdout) as DryRunResult;
    const real = json(['c.csv']).problems;
    expect(real.map((p) => p.code)).toEqual(['checks.finding']);
    expect(pick(dryJson.tables[0]!.cells!)).toEqual(pick(real));
  });

  it('--dry-run of a clean table says every cell reads, and exits 0', () => {
    writeFileSync(path.join(dir, 'ok.csv'), 'company,industry,key_processes_total,key_processes_cnc,date\n甲公司,discrete,12,5,2026-01-05\n');
    const dry = run(['ok.csv', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('所有单元格均可按正式运行的规则读取');
  });
});

describe('groups in an analyst’s words (built CLI)', { timeout: 180_000 }, () => {
  const rows = (sector: (i: number) => string, industry: (i: number) => string) =>
    ['company,sector,industry,key_processes_total,key_processes_cnc,date', ...Array.from({ length: 8 }, (_, i) => `公司${i},${sector(i)},${industry(i)},10,${i},2026-01-0${1 + (i % 9)}`)].join('\n') + '\n';

  it('an industry type or a retrofit status is named by its word in a Chinese run, never by its code', () => {
    writeFileSync(path.join(dir, 'g.csv'), rows(() => 'C34', (i) => (i < 7 ? 'discrete' : 'process')));
    const r = run(['g.csv', '--group-by', 'industry', '-o', 'g.json', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('并入的分组：流程型');
    expect(r.stderr).not.toMatch(/\bprocess\b|\bdiscrete\b/);
    const en = run(['g.csv', '--group-by', 'industry', '-o', 'g.json', '--force'], 'en');
    expect(en.stderr).toContain('the groups merged: process');
  });

  it('an industry code and one of its subclasses are two levels of one classification, not one place written two ways', () => {
    writeFileSync(path.join(dir, 's.csv'), rows((i) => (i < 4 ? 'C35' : 'C3511'), () => 'discrete'));
    const r = run(['s.csv', '--group-by', 'sector', '--min-group-size', '1', '-o', 's.json', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('分组“C35”和“C3511”是同一行业分类的两个层级（GB/T 4754：C3511 属于 C35）');
    expect(r.stderr).not.toContain('地区');
  });
});
