import { describe, expect, it } from 'vitest';
import type { CompanyAggregate, SummaryLayout } from '../../src/core/batch/aggregate';
import { countPlanTargets, EQUIPMENT_FACTS } from '../../src/core/batch/plan';
import type { CountTargetDef } from '../../src/core/policy';
import { usesDesignTools } from '../../src/core/batch/record';
import type { KpiTargetDef } from '../../src/core/targets';
import { formatMessage } from '../../src/messages/catalogue';
import { policy, questionnaire } from '../helpers/defs';

const T = (zh: string) => ({ zh, en: zh });
const target = (t: Partial<CountTargetDef> & Pick<CountTargetDef, 'id' | 'basis'>): CountTargetDef => ({
  title: T(t.id),
  section: '二',
  quote: '…',
  comparison: '>=',
  value: 10,
  per: 'total',
  by: 2020,
  unit: T('家'),
  population: T('郑州市'),
  measure: T('…'),
  ...t,
});
const KPIS: KpiTargetDef[] = [
  { kpi: 'kpi_output_per_worker', direction: 'up', change: 0.3, source: 's' },
  { kpi: 'kpi_operating_cost', direction: 'down', change: -0.3, source: 's' },
  { kpi: 'kpi_development_cycle_days', direction: 'down', change: -0.3, source: 's' },
  { kpi: 'kpi_defect_rate', direction: 'down', change: -0.2, source: 's' },
  { kpi: 'kpi_energy_per_output', direction: 'down', change: -0.1667, source: 's' },
];
const layout: SummaryLayout = {
  sections: [],
  indicators: [{ id: 'cloud-adoption', kind: 'flag', title: T('上云') }],
  facts: [...KPIS.map((k) => k.kpi), 'robots_count', 'cnc_machines_count'],
  readiness: ['smart-workshop', 'smart-factory'],
};
const agg = (cloud: number | null, extra: Partial<CompanyAggregate> = {}): CompanyAggregate => ({ level: 1, score: 1, sections: [], values: [cloud], met: [null], uses: null, ...extra });
const facts = (kpis: number[], robots: number, cnc: number) => [...kpis, robots, cnc];

describe('plan count targets', () => {
  const targets = [
    target({ id: 'cloud-above-size-total', programme: 'cloud', sizeClass: 'above-designated-size', basis: 'answers', value: 2 }),
    target({ id: 'cloud-sme-per-year', programme: 'cloud', sizeClass: 'sme', basis: 'new-question', per: 'year', years: [2018, 2019, 2020] }),
    target({ id: 'companies-benchmarked', programme: 'benchmarking', basis: 'answers', value: 2 }),
    target({ id: 'benchmark-projects', basis: 'answers', value: 1 }),
    target({ id: 'smart-equipment-applications-total', programme: 'machine-replacement', basis: 'new-question', value: 2000 }),
    target({ id: 'smart-workshops-per-year', programme: 'smart-workshop', basis: 'new-question', per: 'year', years: [2018] }),
    target({ id: 'class-b-retrofit-share', programme: 'enterprise-classification', enterpriseClass: 'B', basis: 'answers', value: 0.5 }),
    target({ id: 'demo-parks', programme: 'demo-park', basis: 'not-from-diagnosis', comparison: 'range', value: { min: 2, max: 3 } }),
    target({ id: 'smart-factories-workshops-total', basis: 'new-question', value: 50 }),
    target({ id: 'national-provincial-factories-workshops', basis: 'new-question', value: 20 }),
  ];
  const current = [
    agg(1, { scale: true, provisional: false, year: 2026, ready: [true, false], facts: facts([130, 70, 70, 0.08, 0.8], 10, 5) }),
    agg(1, { scale: true, provisional: true, year: 2026, ready: [false, false] }),
    agg(1, { scale: false, provisional: false, year: 2025, ready: [true, true] }),
    agg(0, { scale: true }),
  ];
  // plant 1 assessed twice: every KPI gain reached (100 → 130 output, 100 → 70 cost and cycle, .1 → .08 defects, 1 → .8 energy)
  const pairs = [
    { base: agg(0, { facts: facts([100, 100, 100, 0.1, 1], 6, 2) }), follow: current[0]! },
    // another: output +10 % only
    { base: agg(0, { facts: facts([100, 100, 100, 0.1, 1], 1, 0) }), follow: agg(0, { facts: facts([110, 70, 70, 0.08, 0.8], 3, 0) }) },
  ];
  const byClass = [{ class: 'B', companies: 4, retrofitting: 2, unknown: 0, share: 0.5 }];
  const run = (extra: { minGroupSize?: number; surveyYear?: number; pairs?: typeof pairs; current?: CompanyAggregate[] } = {}) =>
    Object.fromEntries(countPlanTargets(targets, [], { layout, current: extra.current ?? current, pairs: extra.pairs ?? pairs, byClass, kpis: KPIS, minGroupSize: extra.minGroupSize ?? 1, ...(extra.surveyYear !== undefined ? { surveyYear: extra.surveyYear } : {}) }).map((x) => [x.id, x]));
  const r = run();

  it('counts what the answers support; a count from a sample never gets a verdict, a class share on enough companies does', () => {
    expect(r['cloud-above-size-total']).toMatchObject({ countable: 'yes', count: 2, met: null, withheld: 'sample' });
    expect(r['cloud-sme-per-year']).toMatchObject({ countable: 'partial', count: 1, met: null });
    expect(r['cloud-sme-per-year']!.withheld).toBeUndefined();
    expect(r['companies-benchmarked']).toMatchObject({ countable: 'yes', count: 2, met: null, withheld: 'sample', byYear: { '2025': 1, '2026': 1 } });
    expect(r['class-b-retrofit-share']).toMatchObject({ countable: 'yes', count: 0.5, met: true });
    expect(run({ minGroupSize: 4 })['class-b-retrofit-share']).toMatchObject({ count: 0.5, met: true });
    // four class B companies are fewer than five: neither the share nor how many retrofit is published
    expect(run({ minGroupSize: 5 })['class-b-retrofit-share']).toMatchObject({ count: null, met: null, withheld: 'small-group', n: 4, how: { code: 'plan.class-withheld', args: { class: 'B', companies: 4, min: 5 } } });
  });

  it('a count over fewer companies than the minimum group size is not published: 规下 in the cloud, plants assessed twice, units in use', () => {
    const three = run({ minGroupSize: 3 });
    // three 规上 companies answered uses_cloud: their count stands; one 规下 company: withheld
    expect(three['cloud-above-size-total']).toMatchObject({ count: 2, withheld: 'sample' });
    expect(three['cloud-sme-per-year']).toMatchObject({ count: null, met: null, withheld: 'small-group', n: 1 });
    // four plants in the batch: benchmarked plants and candidates stand
    expect(three['companies-benchmarked']).toMatchObject({ count: 2, byYear: { '2025': 1, '2026': 1 } });
    expect(three['smart-workshops-per-year']).toMatchObject({ count: 2 });
    // two plants assessed twice: neither the benchmark projects nor the units added between their assessments
    expect(three['benchmark-projects']).toMatchObject({ count: null, withheld: 'small-group', n: 2, how: { args: { pairs: 2, withKpis: 2 } } });
    expect(three['smart-equipment-applications-total']).toMatchObject({ count: null, withheld: 'small-group', n: 2 });
    // one company answered each equipment count: no total
    expect(three['smart-equipment-applications-total']!.also).toEqual([
      { code: 'plan.fact-in-use-withheld', args: { question: 'robots_count', companies: 1, min: 3 } },
      { code: 'plan.fact-in-use-withheld', args: { question: 'cnc_machines_count', companies: 1, min: 3 } },
    ]);
    // a batch of four: nothing over the whole batch either
    const five = run({ minGroupSize: 5 });
    expect(five['companies-benchmarked']).toMatchObject({ count: null, withheld: 'small-group', n: 4 });
    expect(five['companies-benchmarked']!.byYear).toBeUndefined();
    // (the candidates are over the three plants whose answers decide it: the fourth gives no readiness verdict)
    expect(five['smart-workshops-per-year']).toMatchObject({ count: null, withheld: 'small-group', n: 3 });
    // not countable stays not countable
    expect(five['demo-parks']).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.not-countable' } });
    expect(five['demo-parks']!.withheld).toBeUndefined();
  });

  it('targets whose year is before the survey are historical', () => {
    expect(r['cloud-above-size-total']!.historical).toBe(false);
    const later = run({ surveyYear: 2026 });
    expect(later['cloud-above-size-total']).toMatchObject({ targetYear: 2020, historical: true });
    expect(later['smart-workshops-per-year']).toMatchObject({ targetYear: 2018, historical: true });
    expect(run({ surveyYear: 2020 })['cloud-above-size-total']!.historical).toBe(false);
  });

  it('benchmark projects: plants with a baseline and a follow-up whose five KPIs all reach the gains; equipment added between them', () => {
    expect(r['benchmark-projects']).toMatchObject({ countable: 'yes', count: 1, met: null, withheld: 'sample', how: { args: { pairs: 2, withKpis: 2 } } });
    // robots 6 → 10 and 1 → 3, CNC 2 → 5
    expect(r['smart-equipment-applications-total']).toMatchObject({ countable: 'partial', count: 9, met: null });
    // in use at the latest assessments: robots 10 and CNC 5, one company answered each
    expect(r['smart-equipment-applications-total']!.also).toEqual([
      { code: 'plan.fact-in-use', args: { question: 'robots_count', total: 10, companies: 1 } },
      { code: 'plan.fact-in-use', args: { question: 'cnc_machines_count', total: 5, companies: 1 } },
    ]);
  });

  it('without a plant assessed twice nothing added is known (blank, not 0); a question never asked is "not asked", not 0', () => {
    const noPairs = run({ pairs: [], current: [agg(1, { facts: [null, null, null, null, null, 12, null] })] });
    expect(noPairs['smart-equipment-applications-total']).toMatchObject({ count: null, met: null, how: { args: { pairs: 0 } } });
    expect(noPairs['benchmark-projects']).toMatchObject({ count: null, met: null });
    expect(noPairs['benchmark-projects']!.withheld).toBeUndefined();
    expect(noPairs['smart-equipment-applications-total']!.also).toEqual([
      { code: 'plan.fact-in-use', args: { question: 'robots_count', total: 12, companies: 1 } },
      { code: 'plan.fact-not-asked', args: { question: 'cnc_machines_count' } },
    ]);
  });

  it('smart workshops: candidates only; parks: not countable from diagnosis answers', () => {
    // over the three plants whose answers decide it, of four (the fourth: criteria not asked)
    expect(r['smart-workshops-per-year']).toMatchObject({ countable: 'partial', count: 2, met: null, how: { code: 'plan.candidates-workshop-of', args: { judged: 3, companies: 4 } } });
    // a short form that decides no plant's criteria: no count, never "0 candidates"
    const undecided = countPlanTargets(targets, [], { layout, current: current.map((a) => ({ ...a, ready: [null, null] })), pairs: [], byClass: [], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 }).find((x) => x.id === 'smart-workshops-per-year')!;
    expect(undecided).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.candidates-undetermined', args: { companies: 4 } } });
    // every plant decided: the plain wording
    const decided = countPlanTargets(targets, [], { layout, current: current.map((a) => ({ ...a, ready: a.ready ?? [false, false] })), pairs: [], byClass: [], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 }).find((x) => x.id === 'smart-workshops-per-year')!;
    expect(decided).toMatchObject({ count: 2, how: { code: 'plan.candidates-workshop' } });
    expect(r['demo-parks']).toMatchObject({ countable: 'no', count: null, met: null, how: { code: 'plan.not-countable' } });
  });

  it('provincial and national recognitions are not counted by the city criteria (it repeated the city-level candidates: an analyst review)', () => {
    expect(r['smart-factories-workshops-total']).toMatchObject({ countable: 'partial', count: 3 });
    expect(r['national-provincial-factories-workshops']).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.needs-question' } });
  });

  it('companies benchmarked, when no answer set is a complete diagnosis (a short form): no count, never "0"', () => {
    const short = countPlanTargets(targets, [], { layout, current: current.map((a) => ({ ...a, provisional: true })), pairs: [], byClass: [], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 }).find((x) => x.id === 'companies-benchmarked')!;
    expect(short).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.benchmarked-none', args: { companies: 4 } } });
  });
});

describe('the shipped plan data says how zhizao counts', () => {
  const shipped = policy().countTargets;

  it('the class A/B shares: the status at the assessment, whatever the retrofit year — the count applies no year filter', () => {
    const classTargets = shipped.filter((t) => t.programme === 'enterprise-classification');
    expect(classTargets.map((t) => t.id)).toEqual(['class-a-retrofit-share', 'class-b-retrofit-share']);
    for (const t of classTargets) {
      expect(t.measure.zh, t.id).not.toMatch(/不晚于|\d{4}\s*年(以前|之前)/);
      expect(t.measure.en, t.id).not.toMatch(/or earlier|before \d{4}/);
      expect(t.measure.zh, t.id).toContain('不按改造年份筛选');
      expect(t.measure.en, t.id).toContain('whatever the retrofit year');
    }
    // a plant in progress since 2026, counted against the 2020 goal (a historical reference): the count says so
    const [a] = countPlanTargets(classTargets, [], { layout, current: [], pairs: [], byClass: [{ class: 'A', companies: 3, retrofitting: 2, unknown: 0, share: 0.6667 }], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 });
    expect(a).toMatchObject({ count: 0.6667, historical: true });
    expect(formatMessage(a!.how.code, a!.how.args, 'zh')).toBe('A 类：3 家中 2 家在诊断时正在或已完成智能化改造（不论改造年份）');
    // class B: 0 of 6 stated retrofitting, 5 did not state a status — enough to tip it: not judged, and said so
    const b = countPlanTargets(classTargets, [], { layout, current: [], pairs: [], byClass: [{ class: 'B', companies: 6, retrofitting: 0, unknown: 5, share: 0 }], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 }).find((x) => /class-b/.test(x.id))!;
    expect(b.met).toBeNull();
    // not "0 %": the share lies anywhere between 0 and 5 of 6, so no share is given, and the range is said
    expect(b.count).toBeNull();
    expect(formatMessage(b.how.code, b.how.args, 'zh')).toContain('5 家未填写改造状态，比例可能在 0%–83.3% 之间任一处，足以改变判定结果：补齐前不给出比例，也不判定是否达标');
    // one of 12 unstated with 2 retrofitting cannot reach half: missed, the share given with its range
    const b2 = countPlanTargets(classTargets, [], { layout, current: [], pairs: [], byClass: [{ class: 'B', companies: 12, retrofitting: 2, unknown: 1, share: 0.1667 }], kpis: KPIS, minGroupSize: 1, surveyYear: 2026 }).find((x) => /class-b/.test(x.id))!;
    expect(b2).toMatchObject({ count: 0.1667, met: false });
    expect(formatMessage(b2.how.code, b2.how.args, 'zh')).toContain('1 家未填写改造状态（比例在 16.7%–25% 之间），不影响判定');
  });

  it('"all class A companies": missed when one of the batch is not retrofitting, never met on the batch\'s companies alone', () => {
    const classA = shipped.filter((t) => t.enterpriseClass === 'A');
    const run = (c: { companies: number; retrofitting: number; unknown: number }) => countPlanTargets(classA, [], { layout, current: [], pairs: [], byClass: [{ class: 'A', ...c, share: Math.round((c.retrofitting / c.companies) * 1e4) / 1e4 }], kpis: KPIS, minGroupSize: 1, surveyYear: 2020 })[0]!;
    // all six retrofitting: the share is published, the goal is not judged (the class's other companies are not in the batch)
    expect(run({ companies: 6, retrofitting: 6, unknown: 0 })).toMatchObject({ count: 1, met: null, withheld: 'sample-all' });
    // five of six, the sixth stating it is not: the goal for all of them is missed, whoever else there is
    expect(run({ companies: 6, retrofitting: 5, unknown: 0 })).toMatchObject({ count: 0.8333, met: false });
    expect(run({ companies: 6, retrofitting: 5, unknown: 0 }).withheld).toBeUndefined();
    // five of six, the sixth unstated: it could be either, not judged, no share
    expect(run({ companies: 6, retrofitting: 5, unknown: 1 })).toMatchObject({ count: null, met: null });
    // a share goal (half of class B) is judged on the batch's share, as every regional figure
    const classB = shipped.filter((t) => t.enterpriseClass === 'B');
    expect(countPlanTargets(classB, [], { layout, current: [], pairs: [], byClass: [{ class: 'B', companies: 6, retrofitting: 6, unknown: 0, share: 1 }], kpis: KPIS, minGroupSize: 1, surveyYear: 2020 })[0]).toMatchObject({ count: 1, met: true });
  });
});

describe('the shipped plan data and the questionnaire agree', () => {
  it('smart-equipment applications: the method counts robots and CNC machines, both asked; no "the questionnaire does not have it"', () => {
    const q = questionnaire('questionnaires/smart-manufacturing.yaml');
    for (const f of EQUIPMENT_FACTS) expect(q.byId.has(f), f).toBe(true);
    const targets = policy().countTargets.filter((t) => t.programme === 'machine-replacement');
    const total = targets.find((t) => t.id === 'smart-equipment-applications-total')!;
    // what the count adds up (plan.ts EQUIPMENT_FACTS) is what the method names, by the questions' text (the office
    // reads the plan sheet, not question ids)
    for (const f of EQUIPMENT_FACTS) {
      const text = q.byId.get(f)!.text;
      expect(total.measure.zh).toContain(`“${text.zh.replace(/？$/, '')}”`);
      expect(total.measure.en).toContain(`“${text.en}”`);
      expect(total.measure.zh).not.toContain(f);
    }
    for (const t of targets) {
      expect(t.measure.zh, t.id).not.toMatch(/数控设备台数现有问卷没有|问卷没有/);
      expect(t.measure.en, t.id).not.toMatch(/(counts|machines) (are|is) not asked/);
    }
  });
});

describe('design-tool use per company', () => {
  it("reads a share indicator's own 1/0, and an older ratio indicator's flag", () => {
    expect(usesDesignTools({ kind: 'ratio', value: 0.6, flags: { usesDigitalDesignTools: true } })).toBe(true);
    expect(usesDesignTools({ kind: 'ratio', value: 0.6, flags: { usesDigitalDesignTools: null } })).toBeNull();
    expect(usesDesignTools({ kind: 'ratio', value: 0.6 })).toBeNull();
    expect(usesDesignTools({ kind: 'share', value: 1 })).toBe(true);
    expect(usesDesignTools({ kind: 'share', value: 0 })).toBe(false);
    expect(usesDesignTools({ kind: 'share', value: null })).toBeNull();
  });
});
