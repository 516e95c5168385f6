/**
 * The summary as the workbook and the CSV show it (src/app/batch/columns.ts): every figure is over the population its
 * row and its column title name, and agrees with the JSON summary it is taken from.
 */
import { describe, expect, it } from 'vitest';
import { summaryRows, wideSummary } from '../../src/app/batch/columns';
import type { CompanyAggregate, SummaryLayout } from '../../src/core/batch/aggregate';
import { summarise, type BatchSummary } from '../../src/core/batch/summary';

const target = { comparison: '>' as const, value: 0.5, year: 2020, population: { zh: '全市', en: 'city' }, source: 's' };
/** CNC rate and design tools over 规上 (their official population), MES over all companies. */
const layout: SummaryLayout = {
  sections: [],
  indicators: [
    { id: 'cnc-rate', kind: 'ratio', title: { zh: '数控化率', en: 'CNC rate' }, target, population: 'above-designated-size' },
    { id: 'mes-adoption', kind: 'flag', title: { zh: 'MES', en: 'MES' } },
  ],
};
const company = (cnc: number | null, mes: number | null, scale: boolean | undefined, district: string): CompanyAggregate => ({
  level: 1,
  score: 1.5,
  sections: [],
  values: [cnc, mes],
  met: [cnc === null ? null : cnc > 0.5, null],
  uses: null,
  group: district,
  district,
  ...(scale === undefined ? {} : { scale }),
});

function batchSummary(companies: CompanyAggregate[], opts: { groupBy?: string; minGroupSize?: number; merge?: boolean } = {}): BatchSummary {
  return {
    ...summarise(layout, companies, { minGroupSize: opts.minGroupSize ?? 1, merge: opts.merge ?? false, defaultGroups: true, ...(opts.groupBy ? { groupBy: opts.groupBy } : {}) }),
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
    expect(title('cnc-rate.met')).toBe('数控化率（规上企业）达标');
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
    const label = wide.rows.map((r) => String(r[0])).find((l) => l.endsWith('d1'))!;
    expect(cell(label, 'cnc-rate')).toEqual({ value: d1.value, n: d1.n });
    expect(cell(label, 'cnc-rate')).toEqual({ value: 0.6, n: 2 });
    expect(cell(label, 'cnc-rate@all')).toEqual({ value: 0.4667, n: 3 });
  });

  it('the notes say which columns are over 规上 and which one is judged', () => {
    expect(wide.notes.join('\n')).toContain('数控化率的统计口径为规上企业');
  });

  it('汇总长表: a group’s figure is said to be over the companies of the group, not of the batch', () => {
    const rows = summaryRows(s, 'zh', true);
    const popOf = (section: string, item: string) => rows.find((r) => String(r[0]).startsWith(section) && r[2] === item)![16];
    expect(popOf('all', 'cnc-rate')).toBe('本批次中回答该题的规上企业');
    expect(popOf('by_size', 'cnc-rate')).toBe('本组中回答该题的全部企业');
    expect(popOf('group:', 'cnc-rate')).toBe('本组中回答该题的规上企业');
  });
});
