import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregateStore, type CompanyAggregate, type SummaryLayout } from '../../src/core/batch/aggregate';
import { pseudonym, quasiIdentifier, scrubText, singledOut } from '../../src/core/batch/anonymize';
import { safeFileName, UniqueNames } from '../../src/core/batch/filename';
import { dateKey, normaliseName, plantKey, plantKeys } from '../../src/core/batch/identity';
import { companyCore, companyNamedIn } from '../../src/core/plant-identity';
import { summarise } from '../../src/core/batch/summary';
import { assessmentSeries, daysBetween, PlantRegistry, resubmissionPairs, settleParts, settleSources, type AssessmentRelation } from '../../src/core/batch/supersede';
import { complementary, judged, percentDigits, withheldBelow } from '../../src/core/batch/verdict';
import { classGoalMet, classGoalsOf } from '../../src/core/batch/class-retrofit';
import { policy } from '../helpers/defs';

const layout: SummaryLayout = {
  sections: [{ id: 'design', title: { zh: '设计', en: 'Design' } }],
  indicators: [
    { id: 'cnc-rate', kind: 'ratio', title: { zh: 'CNC', en: 'CNC' }, target: { comparison: '>', value: 0.5, year: 2020, population: { zh: 'p', en: 'p' }, source: 's' } },
    { id: 'design-tool-penetration', kind: 'ratio', title: { zh: 'DT', en: 'DT' }, target: { comparison: '>', value: 0.7, year: 2020, population: { zh: 'p', en: 'p' }, source: 's' } },
    { id: 'mes-adoption', kind: 'flag', title: { zh: 'MES', en: 'MES' } },
  ],
};
const agg = (level: number, cnc: number | null, dt: number | null, uses: boolean | null, mes: number | null, extra: Partial<CompanyAggregate> = {}): CompanyAggregate => ({
  level,
  score: level + 0.5,
  sections: [level],
  // design-tool penetration is counted from whether the company uses the tools (1/0), never from its own ratio
  values: [cnc, uses === null ? null : uses ? 1 : 0, mes],
  met: [cnc === null ? null : cnc > 0.5, null, null],
  uses,
  ...extra,
});

describe('plant identity', () => {
  it('uses credit code + site when a code is given, else company + site', () => {
    expect(plantKey({ company: 'A 公司', credit_code: '91410100ma45k7r84q', site: ' 一厂 ' })).toBe('code:91410100MA45K7R84Q|一厂');
    // spaces next to a Chinese character do not count (经开区 二厂 is 经开区二厂); between Latin words they do
    expect(plantKey({ company: ' 郑州（示例）  机械 ', site: undefined })).toBe('name:郑州(示例)机械|');
    expect(plantKey({ company: 'A', site: '经开区 二厂' })).toBe(plantKey({ company: 'A', site: '经开区二厂' }));
    expect(normaliseName('ACME  Machinery 二厂')).toBe('acme machinery二厂');
    expect(normaliseName('ACME Machinery')).not.toBe(normaliseName('ACMEMachinery'));
    expect(plantKey({ company: 'ＡＢＣ' })).toBe(plantKey({ company: 'abc' }));
    expect(plantKey({ company: '' })).toBeUndefined();
    expect(normaliseName('  Ａ\tB  ')).toBe('a b');
    expect(dateKey('2026-11-29')).toBe(20261129000000);
    // the time of day orders two submissions of one day
    expect(dateKey('2026-11-29', '15:40:12')).toBeGreaterThan(dateKey('2026-11-29', '09:12:05'));
    expect(dateKey('2026-11-29', '09:12')).toBe(20261129091200);
    expect(dateKey(undefined)).toBe(0);
    expect(dateKey('29/11/2026')).toBe(0);
  });

  it('keeps the newest assessment by date, then the later input; every other one is superseded', () => {
    const r = new PlantRegistry();
    const k = { name: 'k' };
    r.add(0, k, 20260101);
    r.add(1, { name: 'other' }, 20250101);
    r.add(2, k, 20250101); // older date, later input: superseded itself
    r.add(3, k, 20260101); // same date as 0, later input: wins
    r.add(4, undefined, 0); // no identity: never matched
    r.add(5, k, 0); // no date: oldest
    expect([...r.superseded].sort()).toEqual([0, 2, 5]);
    expect(r.currentOf('k')).toBe(3);
    expect([...r.duplicates.values()]).toEqual([[0, 2, 3, 5]]);
  });

  it('one plant given with and without a credit code is one plant (matched by name); two codes under one name are two', () => {
    const r = new PlantRegistry();
    const named = plantKeys({ company: '郑州华夏阀门有限公司' });
    const coded = plantKeys({ company: '郑州华夏阀门有限公司', credit_code: '9141010KBBY0FBGTWP' });
    r.add(0, named, 20261103100000);
    r.add(1, coded, 20261114163000);
    expect([...r.superseded]).toEqual([0]);
    expect([...r.matchedByName]).toHaveLength(1);
    // the code now finds the plant too; a later row without the code as well
    r.add(2, plantKeys({ company: ' 郑州华夏阀门有限公司 ' }), 20261120000000);
    expect([...r.superseded].sort()).toEqual([0, 1]);
    // a different code under the same name is a different plant
    r.add(3, plantKeys({ company: '郑州华夏阀门有限公司', credit_code: '91410100MA45K7R84Q' }), 20261121000000);
    expect(r.superseded.has(3)).toBe(false);
    expect([...r.duplicates.values()]).toEqual([[0, 1, 2]]);
  });
});

describe('one credit code for companies of different names (a wrong code)', () => {
  const code = '91410171MA47AB12CA';
  const row = (company: string, site = '经开区第九大街工厂') => plantKeys({ company, credit_code: code, site });

  it('is not a resubmission: each company is a plant of its own, and the pair is reported', () => {
    const r = new PlantRegistry();
    r.add(0, row('郑州宏驰汽车零部件有限公司'), 20261205000000);
    r.add(1, row('郑州中原铜带有限公司'), 20261205000000);
    expect([...r.superseded]).toEqual([]);
    expect([...r.duplicates.values()]).toEqual([]);
    expect(r.codeOtherName).toEqual([[0, 1]]);
    // a later file of the second company (same wrong code) replaces its own earlier one, not the first company's
    r.add(2, row('郑州中原铜带有限公司'), 20261206000000);
    expect([...r.superseded]).toEqual([1]);
    expect([...r.duplicates.values()]).toEqual([[1, 2]]);
    expect(r.codeOtherName).toEqual([[0, 1]]);
  });

  it('the same company written shorter, or with its legal form, city or brackets, is the same company', () => {
    const r = new PlantRegistry();
    r.add(0, row('郑州示例机械有限公司'), 20261101000000);
    r.add(1, row('示例机械'), 20261102000000);
    r.add(2, row('河南（郑州）示例机械股份有限公司'), 20261103000000);
    r.add(3, row('示例机械有限公司（经开区）'), 20261104000000);
    expect(r.codeOtherName).toEqual([]);
    expect([...r.superseded].sort()).toEqual([0, 1, 2]);
    expect(companyCore('Acme Machinery Co., Ltd.')).toBe(companyCore('ACME machinery'));
    expect(companyCore('郑州宏驰汽车零部件有限公司')).not.toBe(companyCore('郑州中原铜带有限公司'));
  });
});

describe('resubmissions and progress pairs', () => {
  it('counts days between two dateKeys', () => {
    expect(daysBetween(20261112091205, 20261112154012)).toBeCloseTo(0.2695, 3);
    expect(daysBetween(20261103100000, 20261114163000)).toBeCloseTo(11.27, 2);
    expect(daysBetween(20251231000000, 20260130000000)).toBe(30);
    expect(daysBetween(0, 20260130000000)).toBeNull();
  });

  it('submissions less than 30 days apart are one assessment sent twice: the later supersedes, no progress pair', () => {
    // 德信: 09:12 and 15:40 the same day (the later listed first)
    const sameDay = assessmentSeries([{ seq: 0, date: 20261112154012 }, { seq: 1, date: 20261112091205 }], 0);
    expect([...sameDay.relation]).toEqual([[1, 'resubmission'], [0, 'current']]);
    expect(sameDay.baseline).toBeUndefined();
    // 华夏: 11 days apart
    expect(assessmentSeries([{ seq: 3, date: 20261103100000 }, { seq: 4, date: 20261114163000 }], 4).baseline).toBeUndefined();
    // a year apart: a baseline and a follow-up
    const year = assessmentSeries([{ seq: 0, date: 20250501000000 }, { seq: 1, date: 20260501000000 }], 1);
    expect(year).toEqual({ relation: new Map([[0, 'earlier'], [1, 'current']]), baseline: 0 });
    // Jan 1 resubmitted Jan 10, then Jun 1: the baseline is the Jan 10 submission
    const chain = assessmentSeries([{ seq: 0, date: 20260101000000 }, { seq: 1, date: 20260110000000 }, { seq: 2, date: 20260601000000 }], 2);
    expect(chain).toEqual({ relation: new Map([[0, 'resubmission'], [1, 'earlier'], [2, 'current']]), baseline: 1 });
    // undated: the interval is not known, so it is no baseline
    expect(assessmentSeries([{ seq: 0, date: 0 }, { seq: 1, date: 20260601000000 }], 1)).toEqual({ relation: new Map([[0, 'resubmission'], [1, 'current']]) });
  });

  it('names each resubmission with the submission that replaced it, and nothing else', () => {
    // 03-01 is a baseline (184 days before the next); only 09-01 → 09-15 is within 30 days
    const four = [
      { date: '2026-03-01', relation: 'earlier' as const },
      { date: '2026-09-01', relation: 'resubmission' as const },
      { date: '2026-09-15', relation: 'earlier' as const },
      { date: '2026-10-20', relation: 'current' as const },
    ];
    expect(resubmissionPairs(four)).toEqual([[1, 2]]);
    // input order is not date order; the time of day orders one day's submissions; an undated row comes first
    expect(resubmissionPairs([{ date: '2026-11-12 15:40:12', relation: 'current' }, { date: '2026-11-12 09:12:05', relation: 'resubmission' }])).toEqual([[1, 0]]);
    expect(resubmissionPairs([{ date: '2026-11-12', relation: 'current' }, { relation: 'resubmission' }, { date: '2026-11-01 08:00', relation: 'resubmission' }])).toEqual([[1, 2], [2, 0]]);
    expect(resubmissionPairs([{ date: '2026-01-01', relation: 'earlier' }, { date: '2026-06-01', relation: 'current' }])).toEqual([]);
  });
});

describe('summary', () => {
  it('regional figures by their official definitions, against targets (hand computation)', () => {
    const s = summarise(layout, [agg(2, 0.6, 0.8, true, 1), agg(1, 0.4, 0.5, false, 0), agg(0, null, null, true, null), agg(3, 0.8, 0.75, null, 1)], { minGroupSize: 3 });
    expect(s.companies).toBe(4);
    expect(s.levels).toEqual({ '0': 1, '1': 1, '2': 1, '3': 1, '4': 0, '5': 0 });
    // mean score (2.5 + 1.5 + 0.5 + 3.5) / 4 = 2
    expect(s.meanScore).toBe(2);
    const [cnc, dt, mes] = s.indicators;
    // CNC: mean over companies with a value: (.6 + .4 + .8) / 3 = 0.6 > 0.5; own values above .5: .6, .8 → 2 of 3
    expect(cnc).toMatchObject({ value: 0.6, met: true, gap: -0.1, numerator: 1.8, denominator: 3, companiesWithValue: 3, companiesMeetingTarget: 2, shareMeetingTarget: 0.6667 });
    // Design tools: share of companies using digital design tools (their 1/0 value) among those that answered: 2 of 3 ≤ 0.7;
    // never "companies meeting" a share of companies
    expect(dt).toMatchObject({ method: 'share', value: 0.6667, met: false, numerator: 2, denominator: 3 });
    expect(dt!.companiesMeetingTarget).toBeUndefined();
    // MES (yes/no): share of yes among those with a value: 2 of 3
    expect(mes).toMatchObject({ method: 'share', value: 0.6667, companiesWithValue: 3 });
    expect(mes!.target).toBeUndefined();
  });

  it('the headline takes the population of the definition (规上); 不清楚 stays in the denominator of a share, not of a mean', () => {
    const pop: SummaryLayout = { ...layout, indicators: layout.indicators.map((i) => (i.id === 'mes-adoption' ? i : { ...i, population: 'above-designated-size' as const })) };
    const xs = [
      agg(1, 0.8, 1, true, 1, { scale: true }),
      agg(1, 0.4, 0, false, 0, { scale: true }),
      agg(1, null, null, null, null, { scale: true, unknown: [true, true, true] }),
      agg(1, 0.2, 1, true, 1, { scale: false }),
      agg(1, 0.9, 1, true, null, { unknown: [false, false, true] }),
    ];
    const s = summarise(pop, xs, { minGroupSize: 1 });
    const [cnc, dt, mes] = s.indicators;
    // CNC over 规上: (.8 + .4) / 2; the 不清楚 company is left out of a mean
    expect(cnc).toMatchObject({ regionalPopulation: 'above-designated-size', value: 0.6, denominator: 2, unknown: 1, unanswered: 0, companiesInPopulation: 3 });
    expect(cnc!.splits.map((x) => [x.population, x.value, x.denominator])).toEqual([
      ['all', 0.575, 4],
      ['above', 0.6, 2],
      ['below', 0.2, 1],
      ['not-stated', 0.9, 1],
    ]);
    // design tools over 规上: 1 yes of 3 (the 不清楚 one stays in the denominator)
    expect(dt).toMatchObject({ value: 0.3333, numerator: 1, denominator: 3, unknown: 1 });
    // MES over all companies: yes 2, no 1, 不清楚 2 → 2 / 5
    expect(mes).toMatchObject({ regionalPopulation: 'all', value: 0.4, numerator: 2, denominator: 5, unknown: 2 });
  });

  it('a share whose companies all answered 不清楚 has no value and no verdict (never 0 %, "not met")', () => {
    const xs = [agg(1, null, null, null, null, { scale: true, unknown: [true, true, true] }), agg(1, null, null, null, null, { scale: true, unknown: [true, true, true] })];
    const s = summarise(layout, xs, { minGroupSize: 1 });
    const [cnc, dt, mes] = s.indicators;
    for (const x of [dt, mes]) expect(x).toMatchObject({ value: null, denominator: 2, unknown: 2 });
    expect(dt!.met ?? null).toBeNull();
    // a mean leaves 不清楚 out: no company, no value, as before
    expect(cnc).toMatchObject({ value: null, denominator: 0, unknown: 2 });
    // one known answer among them: the share is figured again (1 no of 3 → 0 %, with its verdict)
    const known = summarise(layout, [...xs, agg(1, 0.5, 0, false, 0, { scale: true })], { minGroupSize: 1 }).indicators[1];
    expect(known).toMatchObject({ value: 0, denominator: 3, unknown: 2 });
  });

  it('merges small groups into "other" and keeps only the count of an "other" that is still too small', () => {
    const xs = [
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(2, 0.9, null, null, null, { group: 'west' }),
      agg(2, 0.1, null, null, null, { group: 'north' }),
    ];
    const s = summarise(layout, xs, { groupBy: 'region', minGroupSize: 3, merge: true });
    expect(s.groups!.map((g) => [g.key, g.companies, g.suppressed ?? false])).toEqual([
      ['east', 3, false],
      ['other', 2, true],
    ]);
    expect(s.groups![1]!.indicators).toEqual([]);
    const s1 = summarise(layout, xs, { groupBy: 'region', minGroupSize: 1 });
    expect(s1.groups!.map((g) => g.key)).toEqual(['east', 'north', 'west']);
    // without merging, every group is shown; a figure over fewer than the minimum is withheld: its n only, no verdict
    const s3 = summarise(layout, xs, { groupBy: 'region', minGroupSize: 3 });
    expect(s3.groups!.map((g) => g.key)).toEqual(['east', 'north', 'west']);
    const cncOf = (key: string) => s3.groups!.find((g) => g.key === key)!.indicators[0]!;
    expect(cncOf('west')).toMatchObject({ value: null, numerator: null, n: 1, met: null, gap: null, companiesMeetingTarget: null, shareMeetingTarget: null, withheld: 'small-group' });
    // north and west (1 company each) are withheld; the total over 5 is published, so east's value would give away
    // theirs (5 − 3 = 2 companies, fewer than 3): east is withheld with them, its n only
    expect(cncOf('east')).toMatchObject({ value: null, numerator: null, n: 3, met: null, withheld: 'complementary' });
    expect(s3.groups!.find((g) => g.key === 'east')).toMatchObject({ levelsWithheld: 'complementary', meanScore: null, meanScoreWithheld: 'complementary' });
    expect(s3.indicators[0]).toMatchObject({ value: 0.5, n: 5 });
    // with the groups big enough, nothing more is withheld
    const s2 = summarise(layout, xs, { groupBy: 'region', minGroupSize: 1 });
    expect(s2.groups!.every((g) => g.indicators[0]!.withheld === undefined && g.levelsWithheld === undefined)).toBe(true);
  });

  it('a company with no level stated is in no level and no mean; the mean score says its n', () => {
    const none = (cnc: number | null) => agg(0, cnc, null, null, null, { level: -1, score: null, sections: [0] });
    const s = summarise(layout, [agg(2, 0.6, null, null, null), none(0.2), none(null)], { minGroupSize: 1 });
    expect(s.levels).toEqual({ '0': 0, '1': 0, '2': 1, '3': 0, '4': 0, '5': 0 });
    expect(s.noLevel).toBe(2);
    // only the plant at level 2 (S 2.5, section 2): not (2.5 + 0 + 0) / 3
    expect([s.meanScore, s.meanScoreN]).toEqual([2.5, 1]);
    expect(s.sections[0]).toMatchObject({ mean: 2, companies: 1 });
    // its indicators still count: they are its answers, not its level
    expect(s.indicators[0]).toMatchObject({ value: 0.4, n: 2 });
    const nobody = summarise(layout, [none(0.2)], { minGroupSize: 1 });
    expect([nobody.meanScore, nobody.meanScoreN, nobody.noLevel]).toEqual([null, 0, 1]);
  });

  it('values outside the plausible range are left out of the regional figures and counted', () => {
    const xs = [agg(1, 0.4, null, null, null), agg(1, 0.6, null, null, null), agg(1, null, null, null, null, { excluded: [true, false, false] })];
    const s = summarise(layout, xs, { minGroupSize: 1 });
    expect(s.indicators[0]).toMatchObject({ value: 0.5, n: 2, excluded: 1, unanswered: 0, unknown: 0 });
    expect(s.excluded).toEqual({ reason: 'implausible', values: 1, companies: 1 });
  });

  it('the sample statement: companies, sources, dates, questions covered; targets before the survey are historical', () => {
    const xs = [agg(1, 0.6, null, null, null, { date: 20261116083000 }), agg(1, 0.6, null, null, null, { date: 20261101090000, assessed: true }), agg(1, 0.6, null, null, null)];
    const s = summarise(layout, xs, { minGroupSize: 1, input: { files: ['a.csv'], questions: { covered: 11, total: 100 } } });
    expect(s.sample).toMatchObject({ companies: 3, files: ['a.csv'], fileCount: 1, dates: { from: '2026-11-01', to: '2026-11-16' }, questions: { covered: 11, total: 100, shortForm: true }, selfReported: 2 });
    expect(s.sample.statement.zh).toContain('不是对目标总体的普查');
    expect(s.sample.statement.en).toContain('a sample, not a census of the target population');
    expect(s.sample.statement.en).toContain('Submitted 2026-11-01 to 2026-11-16.');
    expect(s.sample.statement.zh).toContain('其中 2 家为企业自行填报');
    // every company assessed by a named assessor: said so, not "0 of them self-reported"
    const assessed = summarise(layout, [agg(1, 0.6, null, null, null, { assessed: true })], { minGroupSize: 1, input: { files: ['a.yaml'], questions: { covered: 80, total: 100 } } });
    expect(assessed.sample.statement.zh).toContain('（均注明了评估人）');
    expect(assessed.sample.statement.zh).not.toContain('其中 0 家');
    expect(s.indicators[0]).toMatchObject({ targetYear: 2020, historical: true });
    // no dates: nothing is historical, and the statement says the dates are not given
    const undated = summarise(layout, [agg(1, 0.6, null, null, null)], { minGroupSize: 1, input: { files: ['a.yaml'], questions: { covered: 80, total: 100 } } });
    expect(undated.sample).toMatchObject({ dates: null, questions: { shortForm: false } });
    expect(undated.indicators[0]!.historical).toBeUndefined();
  });

  it('one rule: below the minimum group size a figure is withheld, and so is its verdict', () => {
    expect(judged(4, 5, true)).toEqual({ met: null, withheld: 'small-group' });
    expect(judged(5, 5, false)).toEqual({ met: false });
    expect(judged(2, 5, null)).toEqual({ met: null });
    expect([withheldBelow(4, 5), withheldBelow(5, 5), withheldBelow(1, 1), withheldBelow(0, 5)]).toEqual(['small-group', undefined, undefined, undefined]);
  });

  it('complementary withholding: parts that would give a withheld one away, the smallest first, never the kept one', () => {
    expect(complementary([10, 2, 0], [false, true, false], 5)).toEqual({ parts: [0], total: false });
    expect(complementary([10, 2, 7], [false, true, false], 5)).toEqual({ parts: [2], total: false });
    // the headline's part is kept: the total goes instead
    expect(complementary([10, 2, 0], [false, true, false], 5, 0)).toEqual({ parts: [], total: true });
    // withheld parts over enough companies together, or nothing withheld: nothing more
    expect(complementary([10, 2, 4], [false, true, true], 5)).toEqual({ parts: [], total: false });
    expect(complementary([10, 6, 4], [false, false, false], 5)).toEqual({ parts: [], total: false });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), fc.option(fc.nat({ max: 5 }), { nil: undefined }), (sizes, min, keep) => {
        const held = sizes.map((n) => n > 0 && n < min);
        const r = complementary(sizes, held, min, keep);
        const covered = sizes.reduce((a, n, i) => a + (held[i] || r.parts.includes(i) ? n : 0), 0);
        // what is withheld is over enough companies together, or nothing is, or the total is withheld too
        expect(covered === 0 || covered >= min || r.total).toBe(true);
        expect(r.parts.every((i) => i !== keep && sizes[i]! > 0 && !held[i])).toBe(true);
      }),
    );
  });

  it('complementary withholding gives up the unstated and 规下 figures before the 规上 ones, and protects groups split by size', () => {
    const mk = (n: number, extra: Partial<CompanyAggregate>) => Array.from({ length: n }, (_, k) => agg(1, 0.1 + (k % 5) / 10, null, true, 1, extra));
    // 20 规上, 20 规下, one plant that did not say: its figure is given away by all − 规上 − 规下, and 规下 goes with it
    const s = summarise(layout, [...mk(20, { scale: true }), ...mk(20, { scale: false }), ...mk(1, {})], { minGroupSize: 5, merge: true });
    const cnc = s.indicators[0]!;
    expect(cnc.splits.map((x) => [x.population, x.withheld ?? null])).toEqual([
      ['all', null],
      ['above', null],
      ['below', 'complementary'],
      ['not-stated', 'small-group'],
    ]);
    expect(s.bySize.find((g) => g.key === 'above')!.levelsWithheld).toBeUndefined();
    expect(s.bySize.find((g) => g.key === 'above')!.indicators[0]!.value).not.toBeNull();
    expect(s.bySize.find((g) => g.key === 'below')!.indicators[0]).toMatchObject({ value: null, withheld: 'complementary', unanswered: null, companiesWithOwnValue: null });
    // districts of 6 + 5, 6 + 5 and 0 + 3 (规上 + 规下): the third is kept to its count, so each district's 规下 and
    // all-company splits would give it away against the batch's — withheld in one district each, and then its parts
    const xs = [...mk(6, { scale: true, group: 'a' }), ...mk(5, { scale: false, group: 'a' }), ...mk(6, { scale: true, group: 'b' }), ...mk(5, { scale: false, group: 'b' }), ...mk(3, { scale: false, group: 'c' })];
    const g = summarise(layout, xs, { groupBy: 'region', minGroupSize: 5, merge: true });
    expect(g.groups!.map((x) => [x.key, x.companies, x.suppressed ?? false])).toEqual([
      ['a', 11, false],
      ['b', 11, false],
      ['other', 3, true],
    ]);
    expect(g.groups![2]).toMatchObject({ noLevel: null, meanScoreN: null });
    for (const p of ['all', 'below'] as const) {
      const cells = g.groups!.slice(0, 2).map((x) => x.indicators[0]!.splits.find((y) => y.population === p)!);
      const withheld = cells.filter((c) => c.withheld !== undefined);
      // what the published cells leave of the batch's figure is over at least 5 companies
      expect(withheld.reduce((n, c) => n + c.denominator, 3), p).toBeGreaterThanOrEqual(5);
    }
  });

  it('a groups × sizes table too big to audit cell by cell: its groups publish no figure of the indicator, only their n', () => {
    const xs = Array.from({ length: 110 }, (_, d) => [
      ...Array.from({ length: 5 }, () => agg(1, 0.5, null, true, 1, { scale: true, group: `g${d}` })),
      agg(1, 0.2, null, true, 1, { scale: false, group: `g${d}` }),
    ]).flat();
    const s = summarise(layout, xs, { groupBy: 'region', minGroupSize: 5 });
    expect(s.groups).toHaveLength(110);
    for (const g of s.groups!) {
      const cnc = g.indicators[0]!;
      expect(cnc).toMatchObject({ value: null, n: 6 });
      expect(cnc.splits.every((x) => x.value === null)).toBe(true);
    }
    // the batch's own figures stay (660 plants, 110 of them 规下)
    expect(s.indicators[0]!.splits.find((x) => x.population === 'below')).toMatchObject({ denominator: 110 });
    expect(s.indicators[0]!.splits.find((x) => x.population === 'below')!.value).not.toBeNull();
  });

  it('the 规下 group is outside the population of a 规上 target: its figure is given, not judged (no met, no gap)', () => {
    const pop: SummaryLayout = { ...layout, indicators: layout.indicators.map((i) => (i.id === 'mes-adoption' ? i : { ...i, population: 'above-designated-size' as const })) };
    const xs = [...[0.6, 0.7, 0.8].map((c) => agg(2, c, 1, true, 1, { scale: true })), ...[0.2, 0.3, 0.4].map((c) => agg(1, c, 0, false, 0, { scale: false }))];
    const s = summarise(pop, xs, { minGroupSize: 3 });
    const below = s.bySize.find((g) => g.key === 'below')!.indicators[0]!;
    expect(below).toMatchObject({ value: 0.3, target: 0.5, met: null, gap: null, outsideTargetPopulation: true });
    const above = s.bySize.find((g) => g.key === 'above')!.indicators[0]!;
    expect(above).toMatchObject({ value: 0.7, met: true });
    expect(above.outsideTargetPopulation).toBeUndefined();
  });

  it('a figure over fewer companies than the minimum is withheld wherever it appears: splits, levels, means, classes', () => {
    const pop: SummaryLayout = { ...layout, indicators: layout.indicators.map((i) => (i.id === 'mes-adoption' ? i : { ...i, population: 'above-designated-size' as const })) };
    // 4 规上, 2 规下 (the 规下 ones class C, one not retrofitting, one planned)
    const xs = [
      ...[0.6, 0.7, 0.8, 0.5].map((c) => agg(2, c, 1, true, 1, { scale: true, cls: 'B', retrofit: 'done' })),
      agg(1, 0.2, 0, false, 0, { scale: false, cls: 'C', retrofit: 'none' }),
      agg(1, 0.4, 1, true, 1, { scale: false, cls: 'C', retrofit: 'planned' }),
    ];
    const s = summarise(pop, xs, { minGroupSize: 3 });
    const cnc = s.indicators[0]!;
    // the 规上 headline over 4 is shown; the 规下 split over 2 keeps its n only, and so does the all-company split
    // over 6, which with the headline would give the 规下 value away (6 × 0.5333 − 4 × 0.65 = 2 × 0.3)
    expect(cnc).toMatchObject({ value: 0.65, n: 4 });
    expect(cnc.splits.find((x) => x.population === 'all')).toMatchObject({ value: null, numerator: null, denominator: 6, withheld: 'complementary' });
    expect(cnc.splits.find((x) => x.population === 'above')).toMatchObject({ value: 0.65, denominator: 4 });
    // the size classes withhold what the splits withhold
    expect(s.bySize.find((g) => g.key === 'below')!.indicators[0]).toMatchObject({ value: null, withheld: 'small-group' });
    expect(s.bySize.find((g) => g.key === 'above')!.indicators[0]).toMatchObject({ value: 0.65, n: 4 });
    expect(cnc.splits.find((x) => x.population === 'below')).toEqual({ population: 'below', companies: 2, value: null, numerator: null, denominator: 2, unknown: null, excluded: 0, unanswered: null, withheld: 'small-group' });
    // a split without any company is empty, not withheld
    expect(cnc.splits.find((x) => x.population === 'not-stated')!.withheld).toBeUndefined();
    // a share over 2: the yes count is withheld with the value
    expect(s.indicators[2]!.splits.find((x) => x.population === 'below')).toMatchObject({ value: null, numerator: null, denominator: 2, withheld: 'small-group' });
    expect(s.byClass.find((c) => c.class === 'C')).toMatchObject({ companies: 2, retrofitting: null, planned: null, none: null, share: null, withheld: 'small-group' });
    expect(s.byClass.find((c) => c.class === 'B')).toMatchObject({ companies: 4, retrofitting: 4, done: 4, share: 1 });
    // 规下 as a group of its own (not merged): levels, mean score and sections over 2 are withheld too
    const below = summarise(pop, xs.slice(4), { minGroupSize: 3 });
    expect(below).toMatchObject({ companies: 2, levels: { '0': null, '1': null, '2': null, '3': null, '4': null, '5': null }, noLevel: null, levelsWithheld: 'small-group', meanScore: null, meanScoreN: null, meanScoreWithheld: 'small-group' });
    expect(below.sections[0]).toMatchObject({ mean: null, companies: 2, withheld: 'small-group' });
    // --min-group-size 1 shows everything
    const all = summarise(pop, xs, { minGroupSize: 1 });
    expect(all.indicators[0]!.splits.find((x) => x.population === 'below')).toMatchObject({ value: 0.3, numerator: 0.6, denominator: 2 });
    expect(all.byClass.find((c) => c.class === 'C')).toMatchObject({ retrofitting: 0, planned: 1, none: 1, share: 0 });
    expect(all.byClass.some((c) => c.withheld)).toBe(false);
    expect(summarise(pop, xs.slice(4), { minGroupSize: 1 })).toMatchObject({ levels: { '1': 2 }, noLevel: 0, meanScore: 1.5 });
  });

  it('counts retrofitting per class against all of A and half of B', () => {
    const xs = [
      agg(1, null, null, null, null, { cls: 'A', retrofit: 'done' }),
      agg(1, null, null, null, null, { cls: 'A', retrofit: 'in-progress' }),
      agg(1, null, null, null, null, { cls: 'B', retrofit: 'planned' }),
      agg(1, null, null, null, null, { cls: 'B' }),
      agg(1, null, null, null, null, { cls: 'C', retrofit: 'done' }),
    ];
    // the goals are the bundled action plan's (郑政文〔2018〕168号 四(一)), as data
    const classGoals = classGoalsOf(policy());
    expect(classGoals).toMatchObject([
      { class: 'A', value: 1, year: 2020, source: '郑政文〔2018〕168号 四(一)', title: { zh: '实施智能化改造的 A 类企业比例' }, population: { zh: '产业集聚区 A 类制造业企业' } },
      { class: 'B', value: 0.5, year: 2020, source: '郑政文〔2018〕168号 四(一)', title: { zh: '实施智能化改造的 B 类企业比例' } },
    ]);
    const [a, b] = classGoals;
    const goal = (g: typeof a) => ({ goalSource: g!.source, goalTitle: g!.title, goalPopulation: g!.population });
    const s = summarise(layout, xs, { minGroupSize: 1, classGoals });
    expect(s.byClass).toEqual([
      // the goal is the plan's for 2020; undated answers: not known to be later, so not historical
      // "all class A companies": the batch's two all retrofitting says nothing of the others — not judged (sample-all)
      { class: 'A', companies: 2, retrofitting: 2, inProgress: 1, done: 1, planned: 0, none: 0, unknown: 0, share: 1, goal: 1, goalMet: null, goalWithheld: 'sample-all', ...goal(a), goalYear: 2020 },
      // one of the two did not state its status: if it retrofits, half do — not judged, and no share (0–50 %) given
      { class: 'B', companies: 2, retrofitting: 0, inProgress: 0, done: 0, planned: 1, none: 0, unknown: 1, share: null, goal: 0.5, goalMet: null, undetermined: true, ...goal(b), goalYear: 2020 },
      { class: 'C', companies: 1, retrofitting: 1, inProgress: 0, done: 1, planned: 0, none: 0, unknown: 0, share: 1, goal: null, goalMet: null },
    ]);
    // two class A companies are too few to publish or judge "all of class A" on: only their number is given
    expect(summarise(layout, xs, { minGroupSize: 3, classGoals }).byClass[0]).toEqual({ class: 'A', companies: 2, retrofitting: null, inProgress: null, done: null, planned: null, none: null, unknown: null, share: null, goal: 1, goalMet: null, withheld: 'small-group', ...goal(a), goalYear: 2020 });
    // without an action plan no class has a goal: the counts, no verdict
    expect(summarise(layout, xs, { minGroupSize: 1 }).byClass.map((c) => [c.goal, c.goalMet])).toEqual([[null, null], [null, null], [null, null]]);
  });

  it('the aggregate store gives back what was stored', () => {
    const num = fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: null });
    const bool = fc.option(fc.boolean(), { nil: null });
    const str = fc.option(fc.string({ maxLength: 5 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ level: fc.integer({ min: -1, max: 5 }), score: fc.double({ noNaN: true, min: 0, max: 5 }), s: num, v: fc.tuple(num, num, num), m: fc.tuple(bool, bool, bool), uses: bool, scale: bool, group: str, cls: str, x: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), date: fc.option(fc.integer({ min: 20180101000000, max: 20301231235959 }), { nil: undefined }), assessed: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 30 }),
        (rows) => {
          const store = new AggregateStore(layout);
          const aggs: CompanyAggregate[] = rows.map((r) => ({
            level: r.level,
            score: r.level < 0 ? null : r.score,
            sections: [r.s],
            values: [...r.v],
            met: [...r.m],
            unknown: r.v.map((v) => v === null && r.uses === true),
            uses: r.uses,
            ...(r.group !== undefined ? { group: r.group } : {}),
            ...(r.scale !== null ? { scale: r.scale } : {}),
            ...(r.cls !== undefined ? { cls: r.cls } : {}),
            ...(r.x.some(Boolean) ? { excluded: [...r.x] } : {}),
            ...(r.date !== undefined ? { date: r.date } : {}),
            ...(r.assessed !== undefined ? { assessed: r.assessed } : {}),
          }));
          aggs.forEach((a) => store.push(a));
          expect([...store.entries()]).toEqual(aggs);
        },
      ),
    );
  });
});

describe('anonymisation and file names', () => {
  it('pseudonyms are stable, language-prefixed, keyed, and keep a file extension', () => {
    expect(pseudonym('company', '郑州示例机械', 'zh')).toBe(pseudonym('company', ' 郑州示例机械 ', 'zh'));
    expect(pseudonym('company', '郑州示例机械', 'zh')).toMatch(/^企业-[0-9a-f]{10}$/);
    expect(pseudonym('company', '郑州示例机械', 'en')).toMatch(/^company-[0-9a-f]{10}$/);
    expect(pseudonym('company', 'A', 'en', 'k1')).not.toBe(pseudonym('company', 'A', 'en', 'k2'));
    expect(pseudonym('file', 'in/甲.yaml', 'en')).toMatch(/^file-[0-9a-f]{10}\.yaml$/);
    expect(pseudonym('code', '91410100ma45k7r84q', 'en')).toBe(pseudonym('code', '91410100MA45K7R84Q', 'en'));
    expect(scrubText('in/a.yaml:3:1 bad in/a.yaml', new Map([['in/a.yaml', 'file-x.yaml']]))).toBe('file-x.yaml:3:1 bad file-x.yaml');
  });

  it('safe file names cannot escape the folder or name a device', () => {
    // the interview's rule (src/core/file-names.ts): separators, reserved punctuation and spaces become '-'
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName('...')).toBe('company');
    expect(safeFileName('x\u0000y\n')).toBe('x-y');
    expect(safeFileName('ACME Co., Ltd.')).toBe('ACME-Co.-Ltd');
    expect([...safeFileName('长'.repeat(100))]).toHaveLength(40); // 120 UTF-8 bytes
    expect(safeFileName('a'.repeat(100))).toHaveLength(60);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = safeFileName(s);
        expect(n).not.toMatch(/[/\\\u0000<>:"|?*]/);
        expect(n.startsWith('.')).toBe(false);
        expect(n.length).toBeGreaterThan(0);
      }),
    );
    const u = new UniqueNames();
    expect([u.take('A', 'md'), u.take('a', 'md'), u.take('A', 'md')]).toEqual(['A.md', 'a-2.md', 'A-3.md']);
  });
});

describe('settleParts: files that each cover some sections of one assessment', () => {
  const rel = (m: Record<number, AssessmentRelation>) => new Map(Object.entries(m).map(([k, v]) => [Number(k), v]));
  const partial = (set: number[]) => (x: number) => set.includes(x);
  it('two or more parts and no complete file: none is current', () => {
    expect(settleParts([0, 1, 2], rel({ 0: 'resubmission', 1: 'resubmission', 2: 'current' }), 2, partial([0, 1, 2]))).toEqual({ current: undefined, parts: [0, 1, 2] });
  });
  it('a complete file among them, newest or not, is current; the parts are parts', () => {
    expect(settleParts([0, 1, 2], rel({ 0: 'resubmission', 1: 'resubmission', 2: 'current' }), 2, partial([1, 2]))).toEqual({ current: 0, parts: [1, 2] });
    expect(settleParts([0, 1, 2], rel({ 0: 'resubmission', 1: 'resubmission', 2: 'current' }), 2, partial([0, 1]))).toEqual({ current: 2, parts: [0, 1] });
  });
  it('an older assessment’s rows are not parts of the current one, even a part resubmitted by its merged file', () => {
    // 2025: a part, then the merged file (the part reads "resubmission"); 2026: one partial file alone
    expect(settleParts([0, 1, 2], rel({ 0: 'resubmission', 1: 'earlier', 2: 'current' }), 2, partial([0, 2]))).toEqual({ current: 2, parts: [] });
  });
  it('an earlier assessment (a baseline) is not part of the current one; one partial file alone is left as it is', () => {
    expect(settleParts([0, 1], rel({ 0: 'earlier', 1: 'current' }), 1, partial([0, 1]))).toEqual({ current: 1, parts: [] });
    expect(settleParts([0, 1], rel({ 0: 'resubmission', 1: 'current' }), 1, partial([1]))).toEqual({ current: 0, parts: [1] });
    expect(settleParts([0], rel({ 0: 'current' }), 0, partial([0]))).toEqual({ current: 0, parts: [] });
  });
});

describe('settleSources: a company\'s own answers sent within the window after an assessor\'s diagnosis', () => {
  const rel = (m: Record<number, AssessmentRelation>) => new Map(Object.entries(m).map(([k, v]) => [Number(k), v]));
  const own = (set: number[]) => (x: number) => set.includes(x);
  it('the diagnosis stays current; the self-reports after it are left out', () => {
    expect(settleSources([0, 1], rel({ 0: 'resubmission', 1: 'current' }), 1, own([1]))).toEqual({ current: 0, selfReports: [1] });
    // two diagnoses, then a self-report: the newer diagnosis counts, the older stays a resubmission
    expect(settleSources([0, 1, 2], rel({ 0: 'resubmission', 1: 'resubmission', 2: 'current' }), 2, own([2]))).toEqual({ current: 1, selfReports: [2] });
  });
  it('a diagnosis after a self-report, two self-reports, or an older assessment: nothing changes', () => {
    expect(settleSources([0, 1], rel({ 0: 'resubmission', 1: 'current' }), 1, own([0]))).toEqual({ current: 1, selfReports: [] });
    expect(settleSources([0, 1], rel({ 0: 'resubmission', 1: 'current' }), 1, own([0, 1]))).toEqual({ current: 1, selfReports: [] });
    // the diagnosis is a baseline at least the window before: the self-report is the current assessment
    expect(settleSources([0, 1], rel({ 0: 'earlier', 1: 'current' }), 1, own([1]))).toEqual({ current: 1, selfReports: [] });
  });
});

describe('summarise: the default grouping', () => {
  const with_ = (district?: string, region?: string): CompanyAggregate => ({ ...agg(1, 0.5, 0.6, true, 1), ...(district ? { district } : {}), ...(region ? { region } : {}) });
  it('groups by the default field most companies state: the region when more state it than a district code', () => {
    const s = summarise(layout, [with_('410102', '郑州'), with_(undefined, '郑州'), with_(undefined, '开封')], { minGroupSize: 1, defaultGroups: true });
    expect(s.groupBy).toBe('region');
    expect(s.groupByUnstated).toBeUndefined();
  });
  it('the district code when as many state it as a region, and says how many state none when most do not', () => {
    expect(summarise(layout, [with_('410102', '郑州'), with_('410103', '郑州')], { minGroupSize: 1, defaultGroups: true }).groupBy).toBe('district');
    const s = summarise(layout, [with_('410102'), with_(), with_()], { minGroupSize: 1, defaultGroups: true });
    expect(s.groupBy).toBe('district');
    expect(s.groupByUnstated).toEqual({ companies: 2, regionStated: 0 });
  });
});

describe('percentDigits: a value shown apart from its target', () => {
  it('0.1 % as usual; more decimals only where the rounded value would read as equal to a target it differs from', () => {
    expect(percentDigits(0.5271, 0.5)).toBe(1);
    expect(percentDigits(0.5003, 0.5)).toBe(2); // 50.03 %, not "50.0 % > 50.0 % met"
    expect(percentDigits(0.50003, 0.5)).toBe(3);
    expect(percentDigits(0.500000001, 0.5)).toBe(3); // at most 3
    expect(percentDigits(0.5, 0.5)).toBe(1); // equal: 50.0 %, the verdict says "exactly at the target"
    expect(percentDigits(null, 0.5)).toBe(1);
    expect(percentDigits(0.42, undefined)).toBe(1);
  });
});

describe('classGoalMet: a class goal judged only where the unstated companies cannot tip it', () => {
  it('met even if none of the unstated retrofits, missed even if all do, else not judged', () => {
    expect(classGoalMet(3, 1, 6, 0.5)).toBe(true);
    expect(classGoalMet(1, 1, 6, 0.5)).toBe(false);
    expect(classGoalMet(0, 5, 6, 0.5)).toBeNull(); // the review's case: 0 of 6 stated retrofitting, 5 unstated
    expect(classGoalMet(5, 0, 6, 1)).toBe(false);
    expect(classGoalMet(0, 0, 0, 0.5)).toBeNull();
  });
});

describe('companyNamedIn: whose answer file it is, when the file does not parse', () => {
  it('reads the company from YAML or JSON text, quoted or not, with a comment after it; nothing when none is named', () => {
    expect(companyNamedIn('respondent:\n  company: 郑州坏文件机械有限公司\nanswers:\n  x: [1, 2\n')).toBe('郑州坏文件机械有限公司');
    expect(companyNamedIn("respondent:\n  company: '郑州示例机械有限公司'  # the registered name\n")).toBe('郑州示例机械有限公司');
    expect(companyNamedIn('{"respondent": {"company": "Acme Machinery", "industry": "discrete",')).toBe('Acme Machinery');
    expect(companyNamedIn('respondent:\n  industry: discrete\n')).toBeUndefined();
  });
});

describe('quasiIdentifier and singledOut: the companies anonymised rows can still single out', () => {
  const row = (park: string, extra: Partial<Parameters<typeof quasiIdentifier>[0]> = {}) => quasiIdentifier({ region: '郑州经开区', district: '410171', park, sector: 'C34', industry: 'discrete', aboveDesignatedSize: true, enterpriseClass: 'B', ...extra });
  it('counts the keys that occur once', () => {
    expect(singledOut([row('p1'), row('p1'), row('p2')])).toBe(1);
    expect(singledOut([row('p1'), row('p1')])).toBe(0);
    expect(singledOut([])).toBe(0);
  });
  it('every kept field tells companies apart; a field not given is not a value', () => {
    expect(row('p1', { aboveDesignatedSize: false })).not.toBe(row('p1'));
    expect(row('p1', { enterpriseClass: 'A' })).not.toBe(row('p1'));
    expect(row('p1', { industry: 'process' })).not.toBe(row('p1'));
    // the date and the retrofit columns are kept in anonymised rows too: they tell companies apart as well
    expect(row('p1', { date: '2026-11-20' })).not.toBe(row('p1', { date: '2026-11-21' }));
    expect(row('p1', { retrofitStatus: 'done' })).not.toBe(row('p1', { retrofitStatus: 'planned' }));
    expect(row('p1', { retrofitYear: 2026 })).not.toBe(row('p1', { retrofitYear: 2027 }));
    expect(row('p1', { sector: undefined })).not.toBe(row('p1', { sector: 'undefined' }));
    // fields joined without a separator a value could contain: 「ab」+「c」 is not 「a」+「bc」
    expect(row('ab', { sector: 'c' })).not.toBe(row('a', { sector: 'bc' }));
  });
});
