import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregateStore, type CompanyAggregate, type SummaryLayout } from '../../src/core/batch/aggregate';
import { pseudonym, scrubText } from '../../src/core/batch/anonymize';
import { safeFileName, UniqueNames } from '../../src/core/batch/filename';
import { dateKey, normaliseName, plantKey } from '../../src/core/batch/identity';
import { summarise } from '../../src/core/batch/summary';
import { PlantRegistry } from '../../src/core/batch/supersede';

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
  values: [cnc, dt, mes],
  met: [cnc === null ? null : cnc > 0.5, dt === null ? null : dt > 0.7, null],
  uses,
  ...extra,
});

describe('plant identity', () => {
  it('uses credit code + site when a code is given, else company + site', () => {
    expect(plantKey({ company: 'A 公司', credit_code: '91410100ma45k7r84q', site: ' 一厂 ' })).toBe('code:91410100MA45K7R84Q|一厂');
    expect(plantKey({ company: ' 郑州（示例）  机械 ', site: undefined })).toBe('name:郑州(示例) 机械|');
    expect(plantKey({ company: 'ＡＢＣ' })).toBe(plantKey({ company: 'abc' }));
    expect(plantKey({ company: '' })).toBeUndefined();
    expect(normaliseName('  Ａ\tB  ')).toBe('a b');
    expect(dateKey('2026-11-29')).toBe(20261129);
    expect(dateKey(undefined)).toBe(0);
    expect(dateKey('29/11/2026')).toBe(0);
  });

  it('keeps the newest assessment by date, then the later input; every other one is superseded', () => {
    const r = new PlantRegistry();
    r.add(0, 'k', 20260101);
    r.add(1, 'other', 20250101);
    r.add(2, 'k', 20250101); // older date, later input: superseded itself
    r.add(3, 'k', 20260101); // same date as 0, later input: wins
    r.add(4, undefined, 0); // no identity: never matched
    r.add(5, 'k', 0); // no date: oldest
    expect([...r.superseded].sort()).toEqual([0, 2, 5]);
    expect(r.currentOf('k')).toBe(3);
    expect([...r.duplicates.values()]).toEqual([[0, 2, 3, 5]]);
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
    expect(cnc).toMatchObject({ value: 0.6, met: true, gap: -0.1, companiesWithValue: 3, companiesMeetingTarget: 2, shareMeetingTarget: 0.6667 });
    // Design tools: share with usesDigitalDesignTools among those that answered: 2 of 3 = 0.6667 ≤ 0.7
    expect(dt).toMatchObject({ method: 'share', value: 0.6667, met: false, companiesWithValue: 3, companiesWithOwnValue: 3, companiesMeetingTarget: 2 });
    // MES (yes/no): share of yes among those with a value: 2 of 3
    expect(mes).toMatchObject({ method: 'share', value: 0.6667, companiesWithValue: 3 });
    expect(mes!.target).toBeUndefined();
  });

  it('merges small groups into "other" and keeps only the count of an "other" that is still too small', () => {
    const xs = [
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(1, 0.5, null, null, null, { group: 'east' }),
      agg(2, 0.9, null, null, null, { group: 'west' }),
      agg(2, 0.1, null, null, null, { group: 'north' }),
    ];
    const s = summarise(layout, xs, { groupBy: 'region', minGroupSize: 3 });
    expect(s.groups!.map((g) => [g.key, g.companies, g.suppressed ?? false])).toEqual([
      ['east', 3, false],
      ['other', 2, true],
    ]);
    expect(s.groups![1]!.indicators).toEqual([]);
    const s1 = summarise(layout, xs, { groupBy: 'region', minGroupSize: 1 });
    expect(s1.groups!.map((g) => g.key)).toEqual(['east', 'north', 'west']);
  });

  it('counts retrofitting per class against all of A and half of B', () => {
    const xs = [
      agg(1, null, null, null, null, { cls: 'A', retrofit: 'done' }),
      agg(1, null, null, null, null, { cls: 'A', retrofit: 'in-progress' }),
      agg(1, null, null, null, null, { cls: 'B', retrofit: 'planned' }),
      agg(1, null, null, null, null, { cls: 'B' }),
      agg(1, null, null, null, null, { cls: 'C', retrofit: 'done' }),
    ];
    const s = summarise(layout, xs, { minGroupSize: 3 });
    expect(s.byClass).toEqual([
      { class: 'A', companies: 2, retrofitting: 2, inProgress: 1, done: 1, planned: 0, none: 0, unknown: 0, share: 1, goal: 1, goalMet: true },
      { class: 'B', companies: 2, retrofitting: 0, inProgress: 0, done: 0, planned: 1, none: 0, unknown: 1, share: 0, goal: 0.5, goalMet: false },
      { class: 'C', companies: 1, retrofitting: 1, inProgress: 0, done: 1, planned: 0, none: 0, unknown: 0, share: 1, goal: null, goalMet: null },
    ]);
  });

  it('the aggregate store gives back what was stored', () => {
    const num = fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: null });
    const bool = fc.option(fc.boolean(), { nil: null });
    const str = fc.option(fc.string({ maxLength: 5 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.record({ level: fc.integer({ min: 0, max: 5 }), score: fc.double({ noNaN: true, min: 0, max: 5 }), s: num, v: fc.tuple(num, num, num), m: fc.tuple(bool, bool, bool), uses: bool, scale: bool, group: str, cls: str }), { maxLength: 30 }),
        (rows) => {
          const store = new AggregateStore(layout);
          const aggs: CompanyAggregate[] = rows.map((r) => ({
            level: r.level,
            score: r.score,
            sections: [r.s],
            values: [...r.v],
            met: [...r.m],
            uses: r.uses,
            ...(r.group !== undefined ? { group: r.group } : {}),
            ...(r.scale !== null ? { scale: r.scale } : {}),
            ...(r.cls !== undefined ? { cls: r.cls } : {}),
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
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName('...')).toBe('company');
    expect(safeFileName('x\u0000y\n')).toBe('x_y');
    expect([...safeFileName('长'.repeat(100))]).toHaveLength(60);
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
