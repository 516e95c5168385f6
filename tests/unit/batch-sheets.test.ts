/**
 * The summary as the workbook and the CSV show it (src/app/batch/columns.ts): every figure is over the population its
 * row and its column title name, and agrees with the JSON summary it is taken from.
 */
import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS, summaryRows } from '../../src/app/batch/columns';
import { classGoalsOf } from '../../src/core/batch/class-retrofit';
import { policy } from '../helpers/defs';

/** A column of the long summary by its id (汇总长表, OUT.summary.csv). */
const C = (id: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(id);
import { wideSummary } from '../../src/app/batch/wide-summary';
import type { CompanyAggregate, SummaryLayout } from '../../src/core/batch/aggregate';
import { summarise, withSampleCounts, type BatchSummary } from '../../src/core/batch/summary';

const target = { comparison: '>' as const, value: 0.5, year: 2020, population: { zh: '全市', en: 'city' }, source: 's' };
/** CNC rate and design tools over 规上 (their official population), MES over all companies. */
const layout: SummaryLayout = {
  sections: [],
  indicators: [
    { id: 'cnc-rate', kind: 'ratio', title: { zh: '数控化率', en: 'CNC rate' }, target, population: 'above-designated-size' },
    { id: 'mes-adoption', kind: 'flag', title: { zh: 'MES', en: 'MES' } },
  ],
};
const REGIONS: Record<string, string> = { d1: '郑州市中原区', d2: '郑州经开区' };
const company = (cnc: number | null, mes: number | null, scale: boolean | undefined, district: string, extra: Partial<CompanyAggregate> = {}): CompanyAggregate => ({
  level: 1,
  score: 1.5,
  sections: [],
  values: [cnc, mes],
  met: [cnc === null ? null : cnc > 0.5, null],
  uses: null,
  group: district,
  district,
  region: REGIONS[district]!,
  ...(scale === undefined ? {} : { scale }),
  ...extra,
});

function batchSummary(companies: CompanyAggregate[], opts: { groupBy?: string; minGroupSize?: number; merge?: boolean } = {}): BatchSummary {
  return {
    ...summarise(layout, companies, { minGroupSize: opts.minGroupSize ?? 1, merge: opts.merge ?? false, defaultGroups: true, classGoals: classGoalsOf(policy()), ...(opts.groupBy ? { groupBy: opts.groupBy } : {}) }),
    scored: companies.length,
    superseded: 0,
    rejected: 0,
    problems: 0,
    conflictWindowDays: 30,
    targets: { id: 't', title: { zh: '目标', en: 'targets' }, source: 's' },
    duplicates: [],
  };
}

// 规上: .8, .4 (and one without a value); 规下: .2, .3; size not stated: .9
const companies = [
  company(0.8, 1, true, 'd1'),
  company(0.4, 0, true, 'd1'),
  company(null, 1, true, 'd2'),
  company(0.2, 1, false, 'd1'),
  company(0.3, 0, false, 'd2'),
  company(0.9, 1, undefined, 'd2'),
];

describe('汇总 (the wide summary): each row, column title, n and verdict agree on the population', () => {
  const s = batchSummary(companies);
  const wide = wideSummary(s, layout, 'zh');
  const at = (label: string, id: string) => {
    const row = wide.rows.find((r) => r[0] === label);
    expect(row, label).toBeDefined();
    const i = wide.columns.findIndex((c) => c.id === id);
    expect(i, id).toBeGreaterThan(0);
    return row![i] ?? null;
  };
  const cell = (label: string, id: string) => ({ value: at(label, id), n: at(label, `${id}.denominator`) });

  it('an indicator over 规上 has its official columns (judged) and the same figure over all the row’s companies (not judged)', () => {
    const title = (id: string) => wide.columns.find((c) => c.id === id)!.title.zh;
    expect(title('cnc-rate')).toBe('数控化率（企业值平均，本行中回答该题的规上企业）');
    expect(title('cnc-rate@all')).toBe('数控化率（企业值平均，本行中回答该题的全部企业）');
    expect(title('cnc-rate.denominator')).toContain('数控化率（规上企业）');
    expect(title('cnc-rate@all.denominator')).toContain('数控化率（全部企业）');
    // the target beside its verdict: comparison, value, year and its document (the layout's target source here is 's')
    expect(title('cnc-rate.met')).toBe('数控化率（规上企业）：样本达到目标（> 50%，2020 年；s）');
    expect(wide.columns.some((c) => c.id === 'cnc-rate@all.met')).toBe(false);
    // an indicator over all companies has one set of columns
    expect(title('mes-adoption')).toBe('MES（企业占比，本行中回答该题的全部企业）');
    expect(wide.columns.some((c) => c.id === 'mes-adoption@all')).toBe(false);
  });

  it('全部企业: the 规上 figure in the 规上 columns, the all-company figure in the all-company columns', () => {
    // 规上: (.8 + .4) / 2 = .6 > .5; all: (.8 + .4 + .2 + .3 + .9) / 5 = .52
    expect(cell('全部企业', 'cnc-rate')).toEqual({ value: 0.6, n: 2 });
    expect(at('全部企业', 'cnc-rate.met')).toBe(true);
    expect(cell('全部企业', 'cnc-rate@all')).toEqual({ value: 0.52, n: 5 });
    // the same numbers as the JSON summary: the headline and its split over all companies
    const cnc = s.indicators.find((i) => i.id === 'cnc-rate')!;
    expect([cnc.value, cnc.n, cnc.met]).toEqual([0.6, 2, true]);
    expect(cnc.splits.find((x) => x.population === 'all')).toMatchObject({ value: 0.52, denominator: 5 });
  });

  it('规下企业: no 规上 company (n = 0, no verdict); its own figure in the all-company columns', () => {
    expect(cell('规下企业', 'cnc-rate')).toEqual({ value: null, n: 0 });
    expect(at('规下企业', 'cnc-rate.met')).toBeNull();
    expect(cell('规下企业', 'cnc-rate@all')).toEqual({ value: 0.25, n: 2 });
    expect(cell('未填写是否规上', 'cnc-rate')).toEqual({ value: null, n: 0 });
    expect(cell('未填写是否规上', 'cnc-rate@all')).toEqual({ value: 0.9, n: 1 });
    // 规上企业: both sets are its 规上 companies
    expect(cell('规上企业', 'cnc-rate')).toEqual({ value: 0.6, n: 2 });
    expect(cell('规上企业', 'cnc-rate@all')).toEqual({ value: 0.6, n: 2 });
    // MES (over all companies): each size class over its own companies, 规下: 1 yes of 2
    expect(cell('规下企业', 'mes-adoption')).toEqual({ value: 0.5, n: 2 });
  });

  it('a group row: the group’s 规上 companies in the 规上 columns, all of them in the all-company columns', () => {
    const d1 = s.groups!.find((g) => g.key === 'd1')!.indicators.find((i) => i.id === 'cnc-rate')!;
    const label = wide.rows.map((r) => String(r[0])).find((l) => l.includes('d1'))!;
    expect(cell(label, 'cnc-rate')).toEqual({ value: d1.value, n: d1.n });
    expect(cell(label, 'cnc-rate')).toEqual({ value: 0.6, n: 2 });
    expect(cell(label, 'cnc-rate@all')).toEqual({ value: 0.4667, n: 3 });
  });

  it('the notes say which columns are over 规上 and which one is judged', () => {
    expect(wide.notes.join('\n')).toContain('数控化率的统计口径为规上企业');
  });

  it('汇总长表: a group’s figure is said to be over the companies of the group, not of the batch', () => {
    const rows = summaryRows(s, 'zh', true);
    // (the workbook names the part and the item in words: the headline row comes first under its indicator's title)
    const popOf = (section: string, item: string) => rows.find((r) => String(r[0]).startsWith(section) && r[2] === item)![C('regional_population')];
    expect(popOf('全部企业', '数控化率')).toBe('本批次中回答该题的规上企业');
    expect(popOf('按是否规上分组', '数控化率')).toBe('本组中回答该题的全部企业');
    expect(popOf('按区划代码分组', '数控化率')).toBe('本组中回答该题的规上企业');
  });

  it('汇总长表 in the workbook: the part and the item in words, no ids; the CSV keeps the ids for scripts', () => {
    const xlsx = summaryRows(s, 'zh', true);
    const parts = [...new Set(xlsx.map((r) => String(r[0])))];
    expect(parts).toEqual(['样本', '计数', '目标', '全部企业', '按区划代码分组', '按是否规上分组']);
    const items = xlsx.map((r) => String(r[2]));
    expect(items).toContain('样本说明');
    expect(items.filter((i) => i === '数控化率').length).toBeGreaterThan(1);
    // no id, no internal notation
    for (const cell of [...parts, ...items]) expect(cell, cell).not.toMatch(/^(sample|counts|all|by_size|group:.*|statement|cnc-rate.*|level\..*|section\..*|no_level|mean_score)$|@/);
    const en = summaryRows(s, 'en', true);
    expect([...new Set(en.map((r) => String(r[0])))]).toEqual(['sample', 'counts', 'target profile', 'all companies', 'by district', 'by size (规上 / 规下)']);
    expect(en.map((r) => r[2])).toContain('what the figures are computed from');
    const csv = summaryRows(s, 'zh');
    expect([...new Set(csv.map((r) => r[0]))]).toEqual(['sample', 'counts', 'targets', 'all', 'group:district', 'by_size']);
    expect(csv.map((r) => r[2])).toContain('cnc-rate@above');
  });

  it('汇总长表 in the workbook leaves out the split its headline already is and splits over no company; the CSV keeps every split', () => {
    // district d1 has no company that leaves its size unstated; cnc-rate's headline is over 规上
    const bySize = batchSummary(companies, { groupBy: 'district' });
    const items = (labels: boolean) => summaryRows(bySize, 'zh', labels).map((r) => [String(r[0]), String(r[1]), String(r[3])]);
    const csv = summaryRows(bySize, 'zh');
    const csvRow = (section: string, group: string, item: string) => csv.find((r) => r[0] === section && r[1] === group && r[2] === item);
    // the CSV: every split, a split over no company without a numerator ("0 of 0")
    expect(csvRow('all', 'all', 'cnc-rate@above')).toBeDefined();
    const empty = csvRow('group:district', 'd1', 'cnc-rate@not-stated')!;
    expect([empty[C('value')], empty[C('numerator')], empty[C('denominator')]]).toEqual([null, null, 0]);
    // the workbook: no 规上 split under the 规上 headline, no split over no company
    const titles = items(true).map((r) => r.join(' | '));
    expect(titles.some((t) => t.startsWith('全部企业 |') && t.endsWith('数控化率 — 规上企业'))).toBe(false);
    expect(titles.some((t) => t.startsWith('全部企业 |') && t.endsWith('数控化率 — 全部企业'))).toBe(true);
    const d1 = titles.filter((t) => t.includes('d1') && t.includes('数控化率 — '));
    expect(d1.map((t) => t.split(' | ')[2])).toEqual(['数控化率 — 规上企业 (企业值平均)', '数控化率 — 全部企业', '数控化率 — 规下企业']);
    // d2's 规上 split (no value, one company that left it unanswered) is its headline again: left out
    expect(titles.filter((t) => t.includes('d2') && t.endsWith('数控化率 — 规上企业'))).toHaveLength(0);
  });

  it('汇总长表 in the workbook: a grouping by a question is named by the question’s text, with its id', () => {
    const byQuestion = batchSummary(companies, { groupBy: 'uses_cloud' });
    const rows = summaryRows(byQuestion, 'zh', true, (id) => (id === 'uses_cloud' ? { zh: '企业是否已上云？', en: 'Has the company moved to the cloud?' } : undefined));
    expect(rows.map((r) => r[0])).toContain('按“企业是否已上云？”（uses_cloud）分组');
  });
});

describe('a figure over fewer companies than the minimum group size: blank in 汇总 and 汇总长表, with why', () => {
  // minimum 3: 规上 2 (d1) + 1 (d2), 规下 2, not stated 1
  const s = batchSummary(companies, { minGroupSize: 3 });
  const wide = wideSummary(s, layout, 'zh');
  const at = (label: string, id: string) => wide.rows.find((r) => String(r[0]).includes(label))![wide.columns.findIndex((c) => c.id === id)] ?? null;

  it('汇总: the 规上 figure of a group over 2 companies is blank, its n stays; so is its all-company figure over 3, which beside the batch’s would give d2’s over 2 away', () => {
    expect([at('d1', 'cnc-rate'), at('d1', 'cnc-rate.numerator'), at('d1', 'cnc-rate.denominator'), at('d1', 'cnc-rate.met')]).toEqual([null, null, 2, null]);
    expect([at('d1', 'cnc-rate@all'), at('d1', 'cnc-rate@all.denominator')]).toEqual([null, 3]);
    expect(s.groups!.find((g) => g.key === 'd1')!.indicators[0]!.splits.find((x) => x.population === 'all')!.withheld).toBe('complementary');
    // the 规下 row (2 companies, not merged here): its figures over 2 are blank
    expect([at('规下企业', 'mes-adoption'), at('规下企业', 'mes-adoption.numerator'), at('规下企业', 'mes-adoption.denominator')]).toEqual([null, null, 2]);
    expect(at('规下企业', 'level.1')).toBeNull();
    expect(wide.notes.join('\n')).toContain('计入企业少于 3 家的数值不单列：数值及其分项家数留空，只列 n，不判定是否达标。');
  });

  it('汇总长表: each blank figure says why, in its row', () => {
    const rows = summaryRows(s, 'zh');
    const row = (section: string, group: string, item: string) => rows.find((r) => r[0] === section && r[1] === group && r[2] === item)!;
    const below = row('all', 'all', 'cnc-rate@below');
    expect([below[C('value')], below[C('numerator')], below[C('denominator')], below[C('unknown')], below[C('verdict_note')]]).toEqual([null, null, 2, null, 'n = 2，少于最小分组规模 3：不单列数值（留空），不判定是否达标']);
    expect(row('all', 'all', 'cnc-rate@all')[C('verdict_note')]).toBeNull();
    expect(row('by_size', 'below', 'level.1').slice(4, 5)).toEqual([null]);
    expect(row('by_size', 'below', 'level.1')[C('verdict_note')]).toBe('n = 2，少于最小分组规模 3：不单列数值（留空），不判定是否达标');
    expect(row('by_size', 'below', 'mean_score')[C('verdict_note')]).toBe('n = 2，少于最小分组规模 3：不单列数值（留空），不判定是否达标');
  });
});

describe('labels an office can hand over', () => {
  // surveyed in 2026: the plan's 2020 class goal is historical
  const dated = companies.map((c, i) => ({ ...c, date: 20261101000000 + i * 1_000_000, cls: i < 2 ? 'A' : 'B', retrofit: i % 2 ? 'done' : 'planned' }));
  const s = {
    ...batchSummary([...dated, company(0.5, 1, true, 'd2', { region: '经开区', date: 20261120000000 })]),
    parkRecommendations: [{ group: 'd1', recommendations: [{ id: 'park-x', title: { zh: '园区诊断', en: 'Park diagnosis' }, programme: 'p', projectType: 'single-application' }] }],
  };

  it('a district group carries the name its companies give, and is shown as name and code', () => {
    expect(s.groups!.map((g) => [g.key, g.name])).toEqual([
      ['d1', '郑州市中原区'],
      // two spellings: the most frequent first
      ['d2', '郑州经开区 / 经开区'],
    ]);
    const wide = wideSummary(s, layout, 'zh');
    expect(wide.rows.map((r) => r[0])).toContain('郑州市中原区（区划代码 d1）');
    const xlsx = summaryRows(s, 'zh', true);
    expect(xlsx.find((r) => r[0] === '按区划代码分组' && r[3] === '名称（企业填写的地区）')!.slice(1, 5)).toEqual(['郑州市中原区（区划代码 d1）', '名称（企业填写的地区）', '名称（企业填写的地区）', '郑州市中原区']);
    // the CSV keeps the code as the group's id, and adds its name
    const csv = summaryRows(s, 'zh');
    expect(csv.find((r) => r[0] === 'group:district' && r[2] === 'name')!.slice(1, 5)).toEqual(['d1', 'name', '名称（企业填写的地区）', '郑州市中原区']);
  });

  it('the Chinese CSV says 「A 类企业」 and 「单项应用型」, not class A and single-application', () => {
    const csv = summaryRows(s, 'zh');
    expect(csv.filter((r) => r[0] === 'by_class').map((r) => r[1])).toContain('A 类企业');
    expect(csv.some((r) => r[0] === 'by_class' && String(r[1]).startsWith('class'))).toBe(false);
    expect(csv.find((r) => r[0] === 'park')![4]).toBe('单项应用型');
    expect(summaryRows(s, 'en').find((r) => r[0] === 'park')![4]).toBe('single application');
  });

  it('the class goal of the 2018–2020 plan is marked historical against a 2026 survey (JSON and long table)', () => {
    expect(s.byClass.map((c) => [c.class, c.goalYear, c.historical])).toEqual([
      ['A', 2020, true],
      ['B', 2020, true],
    ]);
    const share = summaryRows(s, 'zh').find((r) => r[0] === 'by_class' && r[1] === 'A 类企业' && r[2] === 'share')!;
    const col = (id: (typeof SUMMARY_COLUMNS)[number]) => share[SUMMARY_COLUMNS.indexOf(id)];
    // the goal's document and section beside it (the plan's class goals, 四(一))
    expect([col('target'), col('target_year'), col('target_source'), col('historical')]).toEqual([1, 2020, '郑政文〔2018〕168号 四(一)', true]);
    // before the goal's year: not historical
    const early = batchSummary([{ ...dated[0]!, date: 20190301000000 }]);
    expect(early.byClass[0]).toMatchObject({ goalYear: 2020 });
    expect(early.byClass[0]!.historical).toBeUndefined();
  });
});

describe('the sample statement: its counts add up and say what they count', () => {
  // 6 plants in the summary, from 5 files; 8 rows scored (2 superseded), 3 inputs rejected
  const s = { ...batchSummary(companies), scored: 8, superseded: 2, rejected: 3 };
  s.sample = { ...s.sample, files: ['a.yaml', 'b.csv'], fileCount: 5 };

  it('files read, rows scored, superseded, plants in the summary, rejected', () => {
    const done = withSampleCounts(s);
    expect(done.sample).toMatchObject({ companies: 6, fileCount: 5, scored: 8, superseded: 2, rejected: 3 });
    expect(done.sample.statement.zh).toContain('来源：从 5 个文件读取并评分 8 份答卷，其中 2 份被同一工厂较新的评估取代、不计入，计入汇总 6 家；另有 3 项输入被拒收。文件：a.yaml, b.csv, …。');
    expect(done.sample.statement.en).toContain('Source: 8 answer sets read and scored from 5 files, 2 of them superseded by a newer assessment of the same plant and left out, 6 in the summary; 3 inputs rejected.');
    expect(done.sample.statement.zh).not.toContain('来源（');
    // applied twice, the same; every output that shows it (the notes under 汇总, the long table) has it
    expect(withSampleCounts(done)).toEqual(done);
    expect(summaryRows(done, 'zh')[0]![3]).toBe(done.sample.statement.zh);
    expect(wideSummary(done, layout, 'zh').notes[0]).toBe(done.sample.statement.zh);
  });
});
