// Where each figure a programme office publishes comes from, through the built CLI: the document and section of every
// target beside its figure (the class A/B goals from the action plan's data, 四(一)), the plan's targets by name, the
// 不清楚 answers counted in the wide summary, the source files of a figure that holds superseded answer sets, and a
// warning when anonymised rows can still single a company out.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../src/core/credit-code';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';
import { csvTable } from '../helpers/csv-table';

type Plant = { respondent: Record<string, unknown>; answers: Record<string, unknown> };

describe('batch: the sources and counts behind each figure', () => {
  const dir = tempDir('zhizao-office-sources-');
  /** A CSV output as rows by column id (row 1 the ids, a "#" line of titles skipped). */
  const table = (file: string) => csvTable(path.join(dir, file));
  let summary: Record<string, string>[];
  let plan: Record<string, string>[];
  let stderr: string;
  let plainStderr: string;
  const wb = new ExcelJS.Workbook();

  beforeAll(async () => {
    const base = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as Plant;
    // a credit code with its check character (GB 32100-2015)
    const code = (n: number) => {
      const first17 = `91410100MA45K7R${String(n).padStart(2, '0')}`;
      return first17 + creditCodeCheckChar(first17)!;
    };
    const plant = (name: string, file: string, n: number, edit: (p: Plant) => void): string => {
      const p = structuredClone(base);
      p.respondent.company = name;
      p.respondent.credit_code = code(n);
      edit(p);
      writeFileSync(path.join(dir, file), stringify(p));
      return file;
    };
    const files = [
      // class B, retrofitting; does not know whether it uses design tools
      plant('郑州甲机械有限公司', 'a.zhizao.yaml', 1, (p) => {
        p.respondent.retrofit_status = { status: 'in-progress', year: 2026 };
        p.answers.design_tools = 'unknown';
      }),
      // class B in the same park, sector and size as the first, retrofitting since the same year, assessed the same day
      plant('郑州乙机械有限公司', 'b.zhizao.yaml', 2, (p) => {
        p.respondent.retrofit_status = { status: 'in-progress', year: 2026 };
      }),
      // the same plant as the second, assessed again a year earlier: superseded by the newer diagnosis
      plant('郑州乙机械有限公司', 'b-2025.zhizao.yaml', 2, (p) => {
        p.respondent.date = '2025-10-20';
      }),
      // class A in another park: the only company with its park, class and so on
      plant('郑州丙机械有限公司', 'c.zhizao.yaml', 3, (p) => {
        p.respondent.enterprise_class = 'A';
        p.respondent.park = '郑州高新区智能装备产业园（示例）';
      }),
    ];
    const run = (out: string, ...extra: string[]) => {
      const r = zhizao(['batch', ...files, '-o', out, '--min-group-size', '1', '--lang', 'zh', '--force', ...extra], { cwd: dir, env: { ZHIZAO_ANONYMIZE_KEY: 'test-key-of-this-office' } });
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    plainStderr = run('out.csv').stderr;
    run('out.xlsx');
    stderr = run('anon.csv', '--anonymize').stderr;
    summary = table('out.summary.csv');
    plan = table('out.plan.csv');
    await wb.xlsx.readFile(path.join(dir, 'out.xlsx'));
  });

  it('every target in the long table names the document and section that set it; the class A/B goals cite 四(一)', () => {
    const cnc = summary.find((r) => r.section === 'all' && r.item === 'cnc-rate')!;
    expect(cnc.target_source).toBe('郑政文〔2018〕168号 二');
    const classB = summary.find((r) => r.section === 'by_class' && r.group === 'B 类企业' && r.item === 'share')!;
    expect(classB).toMatchObject({ target: '0.5', target_year: '2020', target_source: '郑政文〔2018〕168号 四(一)' });
    expect(summary.find((r) => r.section === 'by_class' && r.group === 'A 类企业' && r.item === 'share')!.target_source).toBe('郑政文〔2018〕168号 四(一)');
    // the workbook's column says what it is
    const long = wb.getWorksheet('汇总长表')!;
    const head = Array.from(long.getRow(1).values as unknown[], (v) => String(v ?? ''));
    expect(head).toContain('目标出处（文件及条款）');
  });

  it('the plan sheet names each target in words; the CSV keeps its id beside the name', () => {
    expect(plan.find((r) => r.id === 'class-b-retrofit-share')!.plan_target).toBe('实施智能化改造的 B 类企业比例');
    const sheet = wb.getWorksheet('规划目标')!;
    const first = (sheet.getColumn(1).values as unknown[]).filter((v) => v !== undefined && v !== null).map(String);
    expect(first[0]).toBe('规划目标');
    expect(first).toContain('实施智能化改造的 A 类企业比例');
    // no target's English id anywhere in the sheet's first column
    expect(first.some((v) => /^[a-z0-9-]+$/.test(v))).toBe(false);
  });

  it('the wide summary counts the companies that answered 不清楚, beside n', () => {
    const wide = wb.getWorksheet('汇总')!;
    const head = Array.from(wide.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const at = head.findIndex((t) => t.startsWith('数字化研发设计工具普及率') && t.includes('回答“不清楚”的企业数') && t.includes('规上'));
    expect(at, head.join(' | ')).toBeGreaterThan(0);
    const all = wide.getRow(2);
    expect(all.getCell(1).value).toBe('全部企业');
    // one of the three current companies does not know (the superseded row is not counted)
    expect(all.getCell(at).value).toBe(1);
  });

  it('the source beside a figure says that some answer sets in its files were superseded and not counted', () => {
    const cnc = summary.find((r) => r.section === 'all' && r.item === 'cnc-rate')!;
    expect(cnc.source).toMatch(/^4 个输入文件：.*；其中 1 份答卷被同一工厂较新的评估取代，不计入$/);
    // nothing rejected: no pointer to the rejected list
    const statement = summary.find((r) => r.item === 'statement')!;
    expect(statement.title).not.toContain('拒收清单');
    // the dates are the counted answer sets' (the superseded one of 2025-10-20 is not in the range), and said so
    expect(statement.title).toMatch(/计入汇总的答卷提交日期 2026-\d\d-\d\d 至 2026-\d\d-\d\d。/);
    expect(cnc.survey_dates).not.toContain('2025');
  });

  it('a group\'s figure names its own companies as its source, where each is listed, and their dates', () => {
    const group = summary.filter((r) => r.section.startsWith('group:') && r.item === 'cnc-rate');
    expect(group.length).toBeGreaterThan(0);
    for (const r of group) {
      const n = summary.find((x) => x.section === r.section && x.group === r.group && x.item === 'companies')!.value;
      expect(r.source).toBe(`本组 ${n} 家企业的答卷：各企业及其输入文件见企业明细（按“区划代码”筛选）`);
      expect(r.survey_dates).toMatch(/^2026-\d\d-\d\d – 2026-\d\d-\d\d$/);
    }
    const bySize = summary.find((r) => r.section === 'by_size' && r.item === 'cnc-rate')!;
    expect(bySize.source).toMatch(/^本组 \d+ 家企业的答卷：各企业及其输入文件见企业明细（按“规上企业”筛选）$/);
  });

  it('明细 says 不清楚 where a share counts a company in n without a yes or no; every count without a verdict says why', () => {
    const companies = table('out.csv');
    const jia = companies.find((r) => r.company === '郑州甲机械有限公司')!;
    expect(jia['design-tool-penetration']).toBe('不清楚');
    expect(companies.find((r) => r.company === '郑州丙机械有限公司')!['design-tool-penetration']).toBe('1');
    // a per-year count of the plan (companies moving to the cloud each year) is shown without a verdict, and says why
    const cloud = plan.find((r) => r.id === 'cloud-above-size-per-year')!;
    expect(cloud.count).not.toBe('');
    expect(cloud.verdict_note).toBe('只统计了答卷能说明的部分（按年的目标，或本批次企业的计数）：不判定是否达标');
    // --min-group-size 1: nothing is withheld, and the note says so (not "fewer than 1 company")
    expect(summary.find((r) => r.item === 'min_group_size')!.how).toBe('每个分组、每个数值都单列并判定是否达标，包括只有 1 家企业的（--min-group-size 1）。');
  });

  it('--anonymize warns on stderr how many companies their kept fields still single out', () => {
    // the class A company in its own park; the two class B companies share every kept field
    expect(stderr).toContain('计入汇总的 3 家企业中，有 1 家的地区、区划、园区、行业、行业代码、规模、企业分类、改造状态和年份以及诊断日期的组合在本批次中独一无二');
    expect(plainStderr).not.toContain('独一无二');
  });
});
