/**
 * No figure over fewer companies than the minimum group size is published, wherever it would appear (built CLI).
 * Eight plants made from the example answer file, all in 郑州经开区 (410171), so the district is broken out: three
 * class A plants (two in progress, dated 2026 and 2027, one planned), three class B, all six 规上; two 规下 class C
 * plants (one not retrofitting, one planned). The two 规下 plants are merged into "other" by size — and must not
 * reappear as the 规下 split of the batch or of the district, nor as class C with its status counts — nor be worked
 * out as all companies minus 规上 (complementary withholding).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyRecord } from '../../src/core/batch/record';
import type { BatchSummary } from '../../src/core/batch/summary';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Out {
  companies: CompanyRecord[];
  summary: BatchSummary;
}

const EXAMPLE = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');

/** The example plant under another name (no credit code: each is its own plant), with its size, class and retrofit status. */
function plant(o: { company: string; above: boolean; cls: string; retrofit: string }): string {
  return EXAMPLE.replace(/^ {2}company: .*$/m, `  company: ${o.company}`)
    .replace(/^ {2}credit_code: .*\n/m, '')
    .replace(/^ {2}above_designated_size: .*$/m, `  above_designated_size: ${o.above}`)
    .replace(/^ {2}enterprise_class: .*$/m, `  enterprise_class: ${o.cls}`)
    .replace(/^ {2}retrofit_status: .*$/m, `  retrofit_status: ${o.retrofit}`);
}

const PLANTS = [
  { company: '甲一', above: true, cls: 'A', retrofit: '{status: in-progress, year: 2026}' },
  { company: '甲二', above: true, cls: 'A', retrofit: '{status: in-progress, year: 2027}' },
  { company: '甲三', above: true, cls: 'A', retrofit: '{status: planned, year: 2027}' },
  { company: '乙一', above: true, cls: 'B', retrofit: '{status: planned, year: 2027}' },
  { company: '乙二', above: true, cls: 'B', retrofit: '{status: planned, year: 2027}' },
  { company: '乙三', above: true, cls: 'B', retrofit: '{status: planned, year: 2027}' },
  { company: '丙一', above: false, cls: 'C', retrofit: '{status: none}' },
  { company: '丙二', above: false, cls: 'C', retrofit: '{status: planned, year: 2027}' },
];

let dir: string;
beforeAll(() => {
  dir = tempDir('zhizao-batch-withheld-');
  mkdirSync(path.join(dir, 'in'));
  PLANTS.forEach((p, i) => writeFileSync(path.join(dir, 'in', `p${i}.zhizao.yaml`), plant(p)));
  // three plants only: every figure of the batch is over fewer than five
  mkdirSync(path.join(dir, 'three'));
  PLANTS.slice(0, 3).forEach((p, i) => writeFileSync(path.join(dir, 'three', `p${i}.zhizao.yaml`), plant(p)));
});

/** The long summary (OUT.summary.csv) as records by column id. */
function longCsv(file: string): Record<string, string>[] {
  const [ids, , ...data] = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  return data.map((d) => Object.fromEntries(ids!.map((id, i) => [id, d[i] ?? ''])));
}

describe('batch: figures over fewer companies than the minimum group size are withheld in every output', { timeout: 180_000 }, () => {
  let out: Out;
  let csv: Record<string, string>[];
  let plan: Record<string, string>[];
  beforeAll(() => {
    const r = zhizao(['batch', 'in', '--json', '--anonymize', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    out = JSON.parse(r.stdout) as Out;
    expect(zhizao(['batch', 'in', '-o', 'out.csv', '--lang', 'zh'], { cwd: dir }).code).toBe(0);
    csv = longCsv(path.join(dir, 'out.summary.csv'));
    plan = longCsv(path.join(dir, 'out.plan.csv'));
  });

  it('CSV: the plan sheet says how each target is counted in words, without field ids (office review 10, m1)', () => {
    const text = readFileSync(path.join(dir, 'out.plan.csv'), 'utf8');
    expect(text).not.toMatch(/uses_cloud|enterprise_class|retrofit_status|above_designated_size/);
    expect(text).toContain('“企业是否已上云”');
  });

  it('JSON: the 规下 split of the batch and of the district keeps its n only', () => {
    const s = out.summary;
    expect(s.bySize.map((g) => [g.key, g.companies, g.suppressed ?? false])).toEqual([
      ['above', 6, false],
      ['other', 2, true],
    ]);
    const district = s.groups!.find((g) => g.key === '410171')!;
    expect(district.companies).toBe(8);
    for (const figures of [s, district]) {
      for (const i of figures.indicators) {
        const below = i.splits.find((x) => x.population === 'below')!;
        expect(below, i.id).toMatchObject({ value: null, numerator: null, unknown: null, withheld: 'small-group', companies: 2 });
        expect(below.denominator, i.id).toBeLessThanOrEqual(2);
      }
    }
    // the 规上 figure over six plants is published
    expect(s.indicators.find((i) => i.id === 'cnc-rate')!.splits.find((x) => x.population === 'above')).toMatchObject({ denominator: 6 });
    expect(s.indicators.find((i) => i.id === 'cnc-rate')!.splits.find((x) => x.population === 'above')!.value).not.toBeNull();
  });

  it('JSON: no two published figures give the withheld 规下 one away (all − 规上); the size classes withhold the same', () => {
    const s = out.summary;
    const district = s.groups!.find((g) => g.key === '410171')!;
    for (const figures of [s, district]) {
      for (const i of figures.indicators) {
        const split = (p: string) => i.splits.find((x) => x.population === p)!;
        // nobody left the size unstated: all = 规上 + 规下, so one of all and 规上 is withheld with 规下 — never the headline
        expect(split('not-stated').denominator, i.id).toBe(0);
        expect([split('all').withheld, split('above').withheld].filter((w) => w === 'complementary'), i.id).toHaveLength(1);
        const headline = i.regionalPopulation === 'above-designated-size' ? 'above' : 'all';
        expect(split(headline).withheld, i.id).toBeUndefined();
        expect(split(headline === 'above' ? 'all' : 'above'), i.id).toMatchObject({ value: null, numerator: null, withheld: 'complementary' });
      }
    }
    // the 规上 class beside the total and the suppressed "other" (2 plants): its level counts and mean would give
    // the two plants' away; its indicators follow the splits above
    const above = s.bySize.find((g) => g.key === 'above')!;
    expect(above).toMatchObject({ levelsWithheld: 'complementary', noLevel: null, meanScore: null, meanScoreWithheld: 'complementary' });
    for (const [k, i] of above.indicators.entries()) {
      const split = s.indicators[k]!.splits.find((x) => x.population === 'above')!;
      expect(i.withheld !== undefined, i.id).toBe(split.withheld !== undefined);
    }
  });

  it('CSV: a figure withheld so as not to give another away says so', () => {
    const cnc = csv.find((r) => r.section === 'all' && r.group === 'all' && r.item === 'cnc-rate@all')!;
    expect(cnc).toMatchObject({ value: '', numerator: '', denominator: '8', verdict_note: 'n = 8：与已公布的合计或其他部分相加减，可推算出不足 5 家企业的数值，因此留空、不判定是否达标' });
  });

  it('JSON: a class of fewer companies keeps its number of companies, no status count, share or verdict', () => {
    expect(out.summary.byClass).toEqual([
      expect.objectContaining({ class: 'A', companies: 3, retrofitting: null, inProgress: null, done: null, planned: null, none: null, unknown: null, share: null, goalMet: null, withheld: 'small-group' }),
      expect.objectContaining({ class: 'B', companies: 3, retrofitting: null, planned: null, share: null, goalMet: null, withheld: 'small-group' }),
      expect.objectContaining({ class: 'C', companies: 2, retrofitting: null, planned: null, none: null, share: null, withheld: 'small-group' }),
    ]);
    const a = out.summary.plan!.targets.find((t) => t.id === 'class-a-retrofit-share')!;
    expect(a).toMatchObject({ count: null, met: null, withheld: 'small-group', how: { code: 'plan.class-withheld', args: { class: 'A', companies: 3 } } });
  });

  it('CSV: the withheld rows are blank and say why', () => {
    const row = (section: string, group: string, item: string) => csv.find((r) => r.section === section && r.group === group && r.item === item)!;
    const why2 = 'n = 2，少于最小分组规模 5：不单列数值（留空），不判定是否达标';
    for (const group of ['all', '410171']) {
      const section = group === 'all' ? 'all' : 'group:district';
      expect(row(section, group, 'cnc-rate@below')).toMatchObject({ value: '', numerator: '', denominator: '2', unknown: '', verdict_note: why2 });
      expect(row(section, group, 'cloud-adoption@below')).toMatchObject({ value: '', numerator: '', verdict_note: why2 });
    }
    expect(row('by_size', 'other', 'companies')).toMatchObject({ value: '2' });
    expect(row('by_class', 'C 类企业', 'companies')).toMatchObject({ value: '2' });
    for (const item of ['retrofitting', 'planned', 'none', 'unknown', 'share']) expect(row('by_class', 'C 类企业', item), item).toMatchObject({ value: '', verdict_note: why2 });
    expect(row('by_class', 'A 类企业', 'share')).toMatchObject({ value: '', met: '', verdict_note: 'n = 3，少于最小分组规模 5：不单列数值（留空），不判定是否达标' });
    expect(plan.find((t) => t.id === 'class-a-retrofit-share')).toMatchObject({ count: '', how: 'A 类：3 家，少于最小分组规模 5：不列改造家数和比例' });
    // the plan's count of 规下 companies in the cloud is over the same two plants
    expect(plan.find((t) => t.id === 'cloud-sme-total')).toMatchObject({ count: '', verdict_note: why2 });
    // and the 规上 count with it: the 6 规上 plants' count beside all 8 plants' would give the 2 规下 plants' away
    // (the regional cloud figure is over all companies: its 规上 split is the one withheld, and the plan follows it)
    expect(plan.find((t) => t.id === 'cloud-above-size-total')).toMatchObject({ count: '', verdict_note: 'n = 6：与已公布的合计或其他部分相加减，可推算出不足 5 家企业的数值，因此留空、不判定是否达标' });
  });

  it('the plan’s smart-equipment row does not say the questionnaire lacks the CNC machine count it reports', () => {
    const eq = plan.find((t) => t.id === 'smart-equipment-applications-total')!;
    expect(eq.how).toMatch(/最近一次诊断时在用（“在用的数控机床和其他数控加工、成形设备有多少台？”）：\d+（8 家企业作答）/);
    expect(eq.measure).not.toMatch(/问卷没有|问卷尚未包含|需要新增/);
    // the questions by their text, as the bureau reads them, not their ids
    expect(eq.measure).toContain('“在用的数控机床和其他数控加工、成形设备有多少台”');
    expect(eq.measure).not.toContain('cnc_machines_count');
  });

  it('XLSX: the long summary sheet withholds the same figures', async () => {
    expect(zhizao(['batch', 'in', '-o', 'out.xlsx', '--lang', 'zh'], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out.xlsx'));
    const long = wb.getWorksheet('汇总长表')!;
    const head = (long.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: long.rowCount - 1 }, (_, i) => long.getRow(i + 2));
    const cell = (r: ExcelJS.Row, title: string) => r.getCell(head.indexOf(title) + 1).value;
    const find = (group: string, item: string) => rows.find((r) => cell(r, '分组') === group && cell(r, '项目') === item)!;
    // (the item in words: an indicator's headline and splits under its title, told apart by 名称)
    const below = rows.find((r) => cell(r, '分组') === '全部企业' && cell(r, '名称') === '关键工序数控化率 — 规下企业')!;
    expect([cell(below, '数值（单位见下一列）'), cell(below, '分子'), cell(below, 'n（分母：计入的企业数）')]).toEqual([null, null, 2]);
    expect(cell(below, '不判定是否达标的原因')).toBe('n = 2，少于最小分组规模 5：不单列数值（留空），不判定是否达标');
    expect(cell(find('C 类企业', '未改造'), '数值（单位见下一列）')).toBeNull();
    expect(cell(find('C 类企业', '企业数'), '数值（单位见下一列）')).toBe(2);
    // the wide summary has no 规下 row (merged into "other", count only)
    const wide = wb.getWorksheet('汇总')!;
    // and its notes say why some figures over five or more companies are blank too
    const texts: string[] = [];
    wide.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes('另有部分数值虽计入企业不少于 5 家，也留空'))).toBe(true);
    expect((wide.getColumn(1).values as unknown[]).slice(1, 4)).toEqual(['分组', '全部企业', '规上企业']);
  });

  it('--min-group-size 1 still shows every figure', () => {
    const s = (JSON.parse(zhizao(['batch', 'in', '--json', '--min-group-size', '1'], { cwd: dir }).stdout) as Out).summary;
    expect(s.indicators.find((i) => i.id === 'cloud-adoption')!.splits.find((x) => x.population === 'below')).toMatchObject({ companies: 2, denominator: 2 });
    expect(s.indicators.find((i) => i.id === 'cnc-rate')!.splits.find((x) => x.population === 'below')!.value).not.toBeNull();
    expect(s.byClass.find((c) => c.class === 'C')).toMatchObject({ companies: 2, retrofitting: 0, planned: 1, none: 1, share: 0 });
    expect(s.byClass.find((c) => c.class === 'A')).toMatchObject({ companies: 3, retrofitting: 2, share: 0.6667 });
    expect(s.byClass.some((c) => c.withheld)).toBe(false);
  });

  it('the plan’s class A share counts the two plants in progress (2026, 2027), and its method says so: no year filter', () => {
    expect(zhizao(['batch', 'in', '-o', 'all.csv', '--lang', 'zh', '--min-group-size', '1'], { cwd: dir }).code).toBe(0);
    const a = longCsv(path.join(dir, 'all.plan.csv')).find((t) => t.id === 'class-a-retrofit-share')!;
    expect(a).toMatchObject({ count: '0.6667', historical: 'true', how: 'A 类：3 家中 2 家在诊断时正在或已完成智能化改造（不论改造年份）' });
    expect(a.measure).not.toContain('不晚于');
    expect(a.measure).toContain('诊断时智能化改造状态为“进行中”或“已完成”的比例，不按改造年份筛选');
  });

  it('a batch of three plants: the level counts, mean score and every figure keep only their n; stdout says so', () => {
    const r = zhizao(['batch', 'three', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('成熟度等级分布：不列数值，不判定（n < 5）');
    expect(r.stdout).toContain('平均成熟度得分：不列数值，不判定（n < 5）');
    expect(r.stdout).not.toContain('null');
    const s = (JSON.parse(zhizao(['batch', 'three', '--json'], { cwd: dir }).stdout) as Out).summary;
    expect(s).toMatchObject({ companies: 3, levelsWithheld: 'small-group', noLevel: null, meanScore: null, meanScoreN: null, meanScoreWithheld: 'small-group' });
    expect(Object.values(s.levels).every((n) => n === null)).toBe(true);
    expect(s.sections.every((x) => x.mean === null && x.withheld === 'small-group')).toBe(true);
    expect(s.indicators.find((i) => i.id === 'cnc-rate')).toMatchObject({ value: null, numerator: null, n: 3, met: null, gap: null, companiesMeetingTarget: null, withheld: 'small-group' });
  });
});
