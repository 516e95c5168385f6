/**
 * What a programme office hands over from `zhizao batch` (built CLI): what stderr says about duplicates, small
 * groups not broken out by default, a sample statement whose counts add up, labels fit to hand over.
 * The input is a small folder made from the example answer file: six plants in 郑州经开区 (410171), one alone in
 * 郑州市中原区 (410102), and one of the 经开区 plants submitted four times (three times with its credit code, once
 * without; two of the submissions less than 30 days apart).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CompanyRecord } from '../../src/core/batch/record';
import type { BatchSummary } from '../../src/core/batch/summary';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Out {
  companies: CompanyRecord[];
  summary: BatchSummary;
}

const EXAMPLE = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
const CODE = '91410100MA45K7R84Q';

/** The example plant under another name, district and date; the credit code only with `code: true`. */
function plant(o: { company: string; district: string; region: string; date: string; code?: boolean }): string {
  let y = EXAMPLE.replace(/^ {2}company: .*$/m, `  company: ${o.company}`)
    .replace(/^ {2}district: .*$/m, `  district: "${o.district}"`)
    .replace(/^ {2}region: .*$/m, `  region: ${o.region}`)
    .replace(/^ {2}date: .*$/m, `  date: ${o.date}`);
  if (!o.code) y = y.replace(/^ {2}credit_code: .*\n/m, '');
  return y;
}

let dir: string;
let inDir: string;
beforeAll(() => {
  dir = tempDir('zhizao-batch-figures-');
  inDir = path.join(dir, 'in');
  mkdirSync(inDir);
  const jk = { district: '410171', region: '郑州经开区' };
  for (let i = 1; i <= 5; i++) writeFileSync(path.join(inDir, `p${i}.zhizao.yaml`), plant({ company: `经开区企业${i}`, ...jk, date: '2026-11-20' }));
  // the only plant of 410102: its figures must not be published as a district's
  writeFileSync(path.join(inDir, 'solo.zhizao.yaml'), plant({ company: '中原区独家企业', district: '410102', region: '郑州市中原区', date: '2026-11-20' }));
  // one plant four times: 03-01 (a baseline: 184 days before the next), 09-01 → 09-15 (14 days: a resubmission), 10-20 without its code
  const dup = { company: '郑州示例机械有限公司', ...jk };
  writeFileSync(path.join(inDir, 'dup-0.zhizao.yaml'), plant({ ...dup, date: '2026-03-01', code: true }));
  writeFileSync(path.join(inDir, 'dup-1.zhizao.yaml'), plant({ ...dup, date: '2026-09-01', code: true }));
  writeFileSync(path.join(inDir, 'dup-2.zhizao.yaml'), plant({ ...dup, date: '2026-09-15', code: true }));
  writeFileSync(path.join(inDir, 'dup-nocode.zhizao.yaml'), plant({ ...dup, date: '2026-10-20', code: false }));
  expect(readFileSync(path.join(inDir, 'dup-0.zhizao.yaml'), 'utf8')).toContain(CODE);
  expect(readFileSync(path.join(inDir, 'dup-nocode.zhizao.yaml'), 'utf8')).not.toContain(CODE);
});

describe('batch: what stderr says about a plant submitted several times', { timeout: 120_000 }, () => {
  it('lists every submission with its date, and as resubmissions only the pairs less than 30 days apart', () => {
    const r = zhizao(['batch', 'in', '-o', 'dups.json', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('同一工厂'));
    expect(lines).toEqual([
      '同一工厂（91410100MA45K7R84Q / 郑州示例机械有限公司 / 经开区二厂）出现 4 次，其中 3 次填写了统一社会信用代码、1 次没有填写：按企业名称和厂区视为同一工厂；较早的评估标记为已被取代（✓ 为保留的一次）：' +
        'in/dup-0.zhizao.yaml (2026-03-01), in/dup-1.zhizao.yaml (2026-09-01), in/dup-2.zhizao.yaml (2026-09-15), in/dup-nocode.zhizao.yaml (2026-10-20) ✓',
      '同一工厂（91410100MA45K7R84Q / 郑州示例机械有限公司 / 经开区二厂）有 1 次在 30 天内再次提交（或未注明日期）：视为同一次评估的重复提交，不是基线和复评；以较晚的提交为准，两者之间不计算进展：' +
        'in/dup-1.zhizao.yaml (2026-09-01) → in/dup-2.zhizao.yaml (2026-09-15)',
    ]);
    // the JSON relations say the same
    const out = JSON.parse(readFileSync(path.join(dir, 'dups.json'), 'utf8')) as Out;
    expect(out.summary.duplicates[0]!.members.map((m) => [m.file, m.relation])).toEqual([
      ['in/dup-0.zhizao.yaml', 'earlier'],
      ['in/dup-1.zhizao.yaml', 'resubmission'],
      ['in/dup-2.zhizao.yaml', 'earlier'],
      ['in/dup-nocode.zhizao.yaml', 'current'],
    ]);
  });
});

describe('batch: two submissions of a plant on the same date', { timeout: 120_000 }, () => {
  it('are not called earlier and later: the one read later counts, and stderr and the 明细 label say it was input order', async () => {
    const tie = path.join(dir, 'tie');
    mkdirSync(tie, { recursive: true });
    const p = { company: '同日企业', district: '410171', region: '郑州经开区', date: '2026-11-22', code: true };
    writeFileSync(path.join(tie, 'a.zhizao.yaml'), plant(p));
    writeFileSync(path.join(tie, 'b.zhizao.yaml'), plant(p));
    const r = zhizao(['batch', 'tie', '-o', 'tie.json', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('同一工厂（91410100MA45K7R84Q / 同日企业 / 经开区二厂）有 1 对答卷日期相同（或都未注明日期）：无法判断哪份在后，按读入顺序以后读入的一份计入；请核对哪份正确，更正或删除另一份，或在日期中写明时间：tie/a.zhizao.yaml (2026-11-22) → tie/b.zhizao.yaml (2026-11-22)');
    expect(r.stderr).not.toContain('以较晚的提交为准');
    const out = JSON.parse(readFileSync(path.join(dir, 'tie.json'), 'utf8')) as Out;
    expect(out.companies.map((c) => c.superseded)).toEqual([true, false]);
    const xlsx = zhizao(['batch', 'tie', '-o', 'tie.xlsx', '--lang', 'zh'], { cwd: dir });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tie.xlsx'));
    const cells: string[] = [];
    wb.getWorksheet('明细')!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('短期内重复提交（以日期较晚的为准；日期相同的以后读入的为准）');
  });
});

describe('batch: small groups are not broken out by default; the sample statement', { timeout: 120_000 }, () => {
  let out: Out;
  let stderr: string;
  beforeAll(() => {
    const r = zhizao(['batch', 'in', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    out = JSON.parse(r.stdout) as Out;
    stderr = r.stderr;
    // the same batch written as CSV
    expect(zhizao(['batch', 'in', '-o', 'figures.csv', '--lang', 'zh'], { cwd: dir }).code).toBe(0);
  });

  it('a district with fewer companies than the minimum group size (5) is merged into "other", and stderr says how to change it', () => {
    const s = out.summary;
    expect([s.companies, s.minGroupSize, s.mergeSmallGroups, s.groupBy]).toEqual([7, 5, true, 'district']);
    expect(s.groups!.map((g) => [g.key, g.companies, g.suppressed ?? false])).toEqual([
      ['410171', 6, false],
      ['other', 1, true],
    ]);
    // the lone company's figures appear in no group: "other" keeps only its count
    expect(s.groups!.find((g) => g.key === 'other')!.indicators).toEqual([]);
    expect(stderr).toContain('by district: 1 group of fewer than 5 companies is not broken out, merged into "other", which has only 1 company and shows only its count; change with --min-group-size N (1 shows every group)');
  });

  it('the sample statement: 10 files, 10 answer sets scored, 3 superseded, 7 plants in the summary (JSON, CSV and stderr alike)', () => {
    const zh = '来源：从 10 个文件读取并评分 10 份答卷，其中 3 份被同一工厂较新的评估取代、不计入，计入汇总 7 家；另有 0 项输入被拒收。';
    expect(out.summary.sample).toMatchObject({ companies: 7, fileCount: 10, scored: 10, superseded: 3, rejected: 0 });
    expect(out.summary.sample.statement.zh).toContain(zh);
    expect(stderr).toContain('Source: 10 answer sets read and scored from 10 files, 3 of them superseded by a newer assessment of the same plant and left out, 7 in the summary; 0 inputs rejected.');
    const csv = readFileSync(path.join(dir, 'figures.summary.csv'), 'utf8');
    expect(csv).toContain(zh);
  });

  it('--min-group-size 1 shows every group', () => {
    const r = zhizao(['batch', 'in', '--json', '--min-group-size', '1'], { cwd: dir });
    const s = (JSON.parse(r.stdout) as Out).summary;
    expect(s.groups!.map((g) => g.key)).toEqual(['410102', '410171']);
    expect(r.stderr).not.toContain('not broken out');
  });
});

describe('batch: labels in the Chinese CSV', { timeout: 120_000 }, () => {
  let rows: Record<string, string>[];
  let out: Out;
  beforeAll(() => {
    const r = zhizao(['batch', 'in', '-o', 'zh.csv', '--lang', 'zh', '--min-group-size', '1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const [ids, , ...data] = parse(readFileSync(path.join(dir, 'zh.summary.csv'), 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    rows = data.map((d) => Object.fromEntries(ids!.map((id, i) => [id, d[i] ?? ''])));
    out = JSON.parse(zhizao(['batch', 'in', '--json', '--min-group-size', '1'], { cwd: dir }).stdout) as Out;
  });

  it('a district has its name beside its code', () => {
    expect(rows.find((r) => r.group === '410102' && r.item === 'name')).toMatchObject({ title: '名称（企业填写的地区）', value: '郑州市中原区' });
    expect(out.summary.groups!.map((g) => [g.key, g.name])).toEqual([
      ['410102', '郑州市中原区'],
      ['410171', '郑州经开区'],
    ]);
  });

  it('class groups, project types and duplicate relations are words; the 2020 class goal is historical', () => {
    const share = rows.find((r) => r.section === 'by_class' && r.item === 'share')!;
    expect(share).toMatchObject({ group: 'B 类企业', target: '0.5', target_year: '2020', historical: 'true' });
    expect(out.summary.byClass[0]).toMatchObject({ class: 'B', goalYear: 2020, historical: true });
    const park = rows.filter((r) => r.section === 'park');
    expect(park.length).toBeGreaterThan(0);
    for (const r of park) expect(['行业引领型', '集成提升型', '单项应用型']).toContain(r.value);
    expect(rows.filter((r) => r.section === 'duplicates').map((r) => r.value)).toEqual([
      '较早的评估（与下一次提交相隔至少 30 天；最早的一次为基线）',
      '30 天内再次提交或未注明日期：已被取代，不作为基线',
      '较早的评估（与下一次提交相隔至少 30 天；最早的一次为基线）',
      '当前',
    ]);
  });
});

describe('batch: a regional figure beside its city-wide target', { timeout: 120_000 }, () => {
  it('says the sample meets it (a reference), not that the target is met', () => {
    const r = zhizao(['batch', 'in', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const cnc = r.stdout.split('\n').find((l) => l.trim().startsWith('关键工序数控化率:'))!;
    expect(cnc).toMatch(/ 样本(未)?达到（参考）/);
    expect(cnc).not.toMatch(/ (未)?达标$/);
    const en = zhizao(['batch', 'in', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toMatch(/(not )?met by the sample \(a reference\)/);
  });
});

describe('batch: the groups merged into 其他', { timeout: 120_000 }, () => {
  it('name the companies without a district by a label, not by the internal key "(none)"', () => {
    const at = path.join(dir, 'nodistrict');
    mkdirSync(at, { recursive: true });
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(at, `p${i}.zhizao.yaml`), plant({ company: `经开区企业${i}`, district: '410171', region: '郑州经开区', date: '2026-11-20' }));
    writeFileSync(path.join(at, 'none.zhizao.yaml'), plant({ company: '未填区县企业', district: '410171', region: '郑州经开区', date: '2026-11-20' }).replace(/^ {2}district: .*\n/m, ''));
    const r = zhizao(['batch', 'nodistrict', '-o', 'nodistrict.json', '--lang', 'zh', '--group-by', 'district'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('并入的分组：未填写');
    expect(r.stderr).not.toContain('(none)');
  });
});
