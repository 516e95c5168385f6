import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  compareResults,
  effectiveKpiTarget,
  kpiGainsMet,
  kpiMet,
  parseKpiValue,
  relativeChange,
  type Comparison,
  type KpiComparison,
} from '../../src/core/compare';
import { parsePeriod, periodStatus } from '../../src/core/kpi-period';
import { samePlant } from '../../src/core/plant-identity';
import { buildResult } from '../../src/core/result';
import { compileTargets, type KpiTargetDef } from '../../src/core/targets';
import type { AnswerFile } from '../../src/core/types';
import { flatAverageProfile, mustAnswers, questionnaire, read, targets } from '../helpers/defs';

const q = questionnaire('tests/fixtures/compare/kpi-questionnaire.yaml');
// The compare tests are about comparing: the first release's flat method keeps their hand-known levels.
const p = flatAverageProfile();
const zz = targets('zhengzhou-2020');
const baseFile = parse(read('tests/fixtures/compare/baseline.yaml')) as AnswerFile;
const followFile = parse(read('tests/fixtures/compare/followup.yaml')) as AnswerFile;
const units = Object.fromEntries(['kpi_output_per_worker', 'kpi_operating_cost', 'kpi_development_cycle_days', 'kpi_energy_per_output'].map((id) => [id, q.byId.get(id)!.unit!]));

type Patch = { answers?: Record<string, unknown>; kpis?: AnswerFile['kpis']; respondent?: Partial<AnswerFile['respondent']>; version?: string };
function withPatch(f: AnswerFile, patch: Patch = {}): AnswerFile {
  const out: AnswerFile = { ...f, respondent: { ...f.respondent, ...patch.respondent }, answers: { ...f.answers, ...(patch.answers as AnswerFile['answers']) } };
  if ('kpis' in patch) out.kpis = patch.kpis;
  if (patch.version) out.version = patch.version;
  for (const [k, v] of Object.entries(out.answers!)) if (v === undefined) delete out.answers![k];
  return out;
}
function compare(b: Patch = {}, f: Patch = {}, t = zz): Comparison {
  const bf = withPatch(baseFile, b);
  const ff = withPatch(followFile, f);
  const ba = mustAnswers(q, bf);
  const fa = mustAnswers(q, ff);
  return compareResults(buildResult(q, ba, p, t), buildResult(q, fa, p, t), ba, fa, t, { baselineName: 'baseline.yaml', followupName: 'followup.yaml', defaultUnits: units });
}
const kpi = (c: Comparison, id: string): KpiComparison => c.kpis.find((k) => k.id === id)!;

describe('KPI changes against the benchmark-project targets (hand-computed)', () => {
  const c = compare();

  it('output per worker goes up: 50 → 65 is +30 %, meets +30 % exactly', () => {
    // (65 − 50) / 50 = 15 / 50 = 0.30; target +0.30, direction up: 0.30 ≥ 0.30 → met
    const k = kpi(c, 'kpi_output_per_worker');
    expect(k).toMatchObject({ direction: 'up', baseline: 50, followup: 65, change: 0.3, target: 0.3, met: true, status: 'compared' });
  });

  it('operating cost goes down: 2000 → 1500 is −25 %, misses −30 %', () => {
    // (1500 − 2000) / 2000 = −500 / 2000 = −0.25; target −0.30, direction down: −0.25 ≤ −0.30 is false → not met
    expect(kpi(c, 'kpi_operating_cost')).toMatchObject({ direction: 'down', baseline: 2000, followup: 1500, change: -0.25, target: -0.3, met: false });
  });

  it('development cycle goes down: 150 → 100 days is −33.33 %, meets −30 %', () => {
    // (100 − 150) / 150 = −50 / 150 = −0.3333; −0.3333 ≤ −0.30 → met
    expect(kpi(c, 'kpi_development_cycle_days')).toMatchObject({ direction: 'down', change: -0.3333, target: -0.3, met: true });
  });

  it('defect rate goes down: 2.5 % ("2.5%") → 0.02 is −20 %, meets −20 % at the boundary', () => {
    // the baseline typed "2.5%" normalises to 0.025; (0.02 − 0.025) / 0.025 = −0.005 / 0.025 = −0.20 ≤ −0.20 → met
    expect(kpi(c, 'kpi_defect_rate')).toMatchObject({ baseline: 0.025, followup: 0.02, change: -0.2, target: -0.2, met: true });
  });

  it('energy utilisation +20 %: energy per output 1.2 → 1.0 is −16.67 %, meets the target exactly at the boundary', () => {
    // utilisation +20 % ⇒ energy per output × 1/1.2 ⇒ change 1/1.2 − 1 = −0.166666…
    // (1.0 − 1.2) / 1.2 = −0.2 / 1.2 = −0.166666… ≤ −0.166666… (+1e-9) → met
    const k = kpi(c, 'kpi_energy_per_output');
    expect(k).toMatchObject({ direction: 'down', baseline: 1.2, followup: 1, change: -0.1667, target: -0.1667, met: true });
  });

  it('energy just short of the boundary misses: 1.2 → 1.0001', () => {
    // (1.0001 − 1.2) / 1.2 = −0.1999 / 1.2 = −0.166583… > −0.166666… → not met
    const k = kpi(compare({}, { answers: { kpi_energy_per_output: 1.0001 } }), 'kpi_energy_per_output');
    expect(k.met).toBe(false);
    expect(k.change).toBe(-0.1666);
  });

  it('a rise in a down-KPI is a negative result, not an improvement', () => {
    // cost 2000 → 2200: (2200 − 2000) / 2000 = +0.10 > −0.30 → not met
    expect(kpi(compare({}, { answers: { kpi_operating_cost: 2200 } }), 'kpi_operating_cost')).toMatchObject({ change: 0.1, met: false });
    // output 50 → 40: (40 − 50) / 50 = −0.20 < +0.30 → not met
    expect(kpi(compare({}, { answers: { kpi_output_per_worker: 40 } }), 'kpi_output_per_worker')).toMatchObject({ change: -0.2, met: false });
  });

  it('the smart-factory KPI-gain criterion: one target missed → not met', () => {
    expect(kpiGainsMet(c).met).toBe(false);
    expect(c.kpiGains.met).toBe(false);
    expect(kpiGainsMet(c).details.map((d) => [d.id, d.met])).toEqual([
      ['kpi_output_per_worker', true],
      ['kpi_operating_cost', false],
      ['kpi_development_cycle_days', true],
      ['kpi_defect_rate', true],
      ['kpi_energy_per_output', true],
    ]);
    // cost 2000 → 1400: (1400 − 2000) / 2000 = −0.30 ≤ −0.30 → every target met
    expect(kpiGainsMet(compare({}, { answers: { kpi_operating_cost: 1400 } })).met).toBe(true);
  });

  it('JSON shape: kpis carry id, baseline, followup, change, target, met', () => {
    const json = JSON.parse(JSON.stringify(c));
    for (const k of json.kpis) for (const key of ['id', 'baseline', 'followup', 'change', 'target', 'met']) expect(k).toHaveProperty(key);
    expect(json.maturity.baseline).toHaveProperty('level');
    expect(json.maturity.followup).toHaveProperty('score');
    expect(json.indicators.length).toBeGreaterThan(0);
  });
});

describe('KPIs that cannot be compared', () => {
  it('a missing value is reported as missing, never as zero change', () => {
    const c = compare({ answers: { kpi_operating_cost: undefined } });
    const k = kpi(c, 'kpi_operating_cost');
    expect(k).toMatchObject({ status: 'missing', baseline: null, followup: 1500, change: null, met: null });
    expect(k.reason?.message.en).toMatch(/baseline not answered/);
    // the criterion cannot be decided without it, unless another target is missed
    const c2 = compare({ answers: { kpi_operating_cost: undefined } }, { answers: { kpi_operating_cost: undefined } });
    expect(kpiGainsMet(c2).met).toBeNull();
  });

  it('"unknown" counts as missing', () => {
    const k = kpi(compare({}, { answers: { kpi_defect_rate: 'unknown' } }), 'kpi_defect_rate');
    expect(k).toMatchObject({ status: 'missing', followup: null, change: null, met: null });
    expect(k.reason?.message.en).toMatch(/follow-up unknown/);
  });

  it('"n/a" (no own product development) leaves the KPI out of the criterion', () => {
    const c = compare({ answers: { kpi_development_cycle_days: 'n/a', kpi_operating_cost: 1400 } }, { answers: { kpi_development_cycle_days: 'n/a' } });
    expect(kpi(c, 'kpi_development_cycle_days')).toMatchObject({ status: 'not-applicable', change: null, met: null });
    // baseline cost 1400 → 1500 is +7 %: missed, so the criterion fails on cost, not on the n/a KPI
    expect(kpiGainsMet(c).met).toBe(false);
    const c2 = compare({ answers: { kpi_development_cycle_days: 'n/a' } }, { answers: { kpi_development_cycle_days: 'n/a', kpi_operating_cost: 1400 } });
    expect(kpiGainsMet(c2).met).toBe(true);
  });

  it('a baseline of 0 has no relative change', () => {
    const k = kpi(compare({ answers: { kpi_defect_rate: 0 } }), 'kpi_defect_rate');
    expect(k).toMatchObject({ status: 'not-computable', change: null, met: null });
    expect(relativeChange(0, 5)).toBeNull();
  });

  it('different units are refused with the reason', () => {
    const c = compare({}, { kpis: { period: '2025', units: { kpi_output_per_worker: '万元/人·年', kpi_operating_cost: '元/吨' } } });
    const k = kpi(c, 'kpi_operating_cost');
    expect(k).toMatchObject({ status: 'refused', change: null, met: null });
    expect(k.reason?.code).toBe('kpi.unit-mismatch');
    expect(k.reason?.message.en).toContain('元/件');
    expect(k.reason?.message.en).toContain('元/吨');
    // the other KPIs still compare
    expect(kpi(c, 'kpi_development_cycle_days').status).toBe('compared');
  });

  it('units may be absent in both; one side stating the question’s own unit agrees with an absent one', () => {
    const both = compare({ kpis: { period: '2024' } }, { kpis: { period: '2025' } });
    expect(both.kpis.every((k) => k.status === 'compared')).toBe(true);
    const one = compare({ kpis: { period: '2024', units: { kpi_energy_per_output: '吨标煤/万元' } } }, {});
    expect(kpi(one, 'kpi_energy_per_output').status).toBe('compared');
    const other = compare({ kpis: { period: '2024', units: { kpi_energy_per_output: 'kgce/t' } } }, {});
    expect(kpi(other, 'kpi_energy_per_output')).toMatchObject({ status: 'refused', reason: { code: 'kpi.unit-mismatch' } });
  });

  it('unit spelling: full-width characters and spaces do not make a difference', () => {
    const c = compare({ kpis: { period: '2024', units: { kpi_operating_cost: '元／件' } } }, { kpis: { period: '2025', units: { kpi_operating_cost: ' 元/件' } } });
    expect(kpi(c, 'kpi_operating_cost').status).toBe('compared');
  });

  it('a follow-up period that is not later than the baseline’s is refused', () => {
    for (const [b, f] of [
      ['2025', '2025'],
      ['2025', '2024'],
      ['2025', '2025-H2'],
      ['2025-06', '2025-06'],
    ]) {
      const c = compare({ kpis: { period: b } }, { kpis: { period: f } });
      expect(c.kpiPeriod.status).toBe('not-later');
      for (const k of c.kpis) {
        expect(k.status).toBe('refused');
        expect(k.reason?.code).toBe('kpi.period-not-later');
        expect(k.change).toBeNull();
      }
      expect(kpiGainsMet(c).met).toBeNull();
      // the maturity comparison still stands
      expect(c.maturity.levelChange).toBe(1);
    }
  });

  it('an unreadable period is refused, a missing one warns', () => {
    const c = compare({ kpis: { period: 'last year' } }, { kpis: { period: '2025' } });
    expect(kpi(c, 'kpi_output_per_worker').reason?.code).toBe('kpi.period-unparseable');
    const d = compare({ kpis: null }, {});
    expect(d.kpiPeriod.status).toBe('missing');
    expect(d.warnings.map((w) => w.code)).toContain('compare.period-one-side');
    // units stated only in the follow-up are the questions' own units: they agree with the absent ones
    expect(kpi(d, 'kpi_output_per_worker').status).toBe('compared');
  });

  it('KPI names and directions come from the target profile; the basis only with KPI targets', () => {
    const c = compare({}, {}, targets('national-2025'));
    expect(c.basis).toBeUndefined();
    expect(kpi(c, 'kpi_output_per_worker')).toMatchObject({ title: { en: 'Output per worker (productivity)' }, direction: 'up', target: null });
    expect(compare().basis?.zh).toContain('郑政文〔2018〕168号');
    const custom = { ...zz, outcomes: [{ kpi: 'kpi_defect_rate' as const, name: { zh: '不良率', en: 'Scrap' }, direction: 'down' as const }], kpis: zz.kpis!.filter((k) => k.kpi === 'kpi_defect_rate') };
    const d = compare({}, {}, custom);
    expect(d.kpis.map((k) => [k.id, k.title.en])).toEqual([['kpi_defect_rate', 'Scrap']]);
  });

  it('a KPI target must name one of the outcomes, with its direction', () => {
    const src = (data: unknown) => ({ file: 't.yaml', data, locate: () => ({ line: 1, column: 1 }) }) as unknown as Parameters<typeof compileTargets>[0];
    const base = { kind: 'targets', id: 't', title: { zh: 't', en: 't' }, source: 's', targets: [], outcomes: [{ kpi: 'kpi_defect_rate', name: { zh: 'a', en: 'a' }, direction: 'down' }] };
    expect(compileTargets(src({ ...base, kpis: [{ kpi: 'kpi_defect_rate', direction: 'down', change: -0.2, source: 's' }] })).diagnostics).toEqual([]);
    expect(compileTargets(src({ ...base, kpis: [{ kpi: 'kpi_operating_cost', direction: 'down', change: -0.2, source: 's' }] })).diagnostics.map((d) => d.code)).toEqual(['def.unknown-ref']);
    expect(compileTargets(src({ ...base, outcomes: [{ ...base.outcomes[0], direction: 'up' }], kpis: [{ kpi: 'kpi_defect_rate', direction: 'down', change: -0.2, source: 's' }] })).diagnostics.map((d) => d.code)).toEqual(['schema.other']);
  });

  it('a target profile without KPI targets gives changes without verdicts', () => {
    const c = compare({}, {}, targets('national-2020'));
    expect(kpi(c, 'kpi_operating_cost')).toMatchObject({ change: -0.25, target: null, met: null });
    expect(kpiGainsMet(c).met).toBeNull();
  });
});

describe('plants, versions, indicators and scores', () => {
  it('the tier row names the highest tier whose level condition is met, also when two tiers need the same level', () => {
    const ba = mustAnswers(q, baseFile);
    const r = buildResult(q, ba, p, zz);
    const tier = (id: string, minLevel: number, met: boolean) => ({ id, name: { zh: id, en: id }, minLevel, levelConditionMet: met, otherConditions: [] });
    r.tiers = [tier('basic', 2, true), tier('advanced', 2, true), tier('excellent', 3, false)];
    const c = compareResults(r, r, ba, ba, zz, { defaultUnits: units });
    expect(c.tierCondition.followup?.id).toBe('advanced');
    r.tiers = [tier('basic', 2, false), tier('advanced', 2, false)];
    expect(compareResults(r, r, ba, ba, zz, { defaultUnits: units }).tierCondition.followup).toBeNull();
  });

  it('files of different plants: warned, levels compared, no KPI gain (it would not be one plant\'s improvement)', () => {
    const c = compare({}, { respondent: { site: '二厂' } });
    expect(c.samePlant).toBe(false);
    expect(c.warnings.map((w) => w.code)).toContain('compare.different-plants');
    expect(c.kpis[0]!.status).toBe('refused');
    expect(c.kpis[0]!.reason!.code).toBe('kpi.different-plants');
    expect(compare({}, {}).kpis[0]!.status).toBe('compared');
  });

  it('the plant is credit code + site, else company + site', () => {
    const a = { company: '甲公司', industry: 'discrete' as const, site: '一厂' };
    expect(samePlant(a, { ...a, company: '甲公司 ' })).toBe(true);
    expect(samePlant(a, { ...a, company: '乙公司' })).toBe(false);
    expect(samePlant({ ...a, credit_code: '91410100MA45K7R84Q' }, { ...a, company: '甲公司（改名）', credit_code: '91410100MA45K7R84Q' })).toBe(true);
    expect(samePlant({ ...a, credit_code: '91410100MA45K7R84Q' }, { ...a, credit_code: '91410100MA45K7R84Q', site: '二厂' })).toBe(false);
    expect(samePlant({ ...a, company: '甲（郑州）公司' }, { ...a, company: '甲(郑州)公司' })).toBe(true);
  });

  it('names and credit codes compare as batch compares them: case folded, codes trimmed', () => {
    const a = { company: 'ACME Machinery', industry: 'discrete' as const };
    expect(samePlant(a, { ...a, company: 'Acme  Machinery' })).toBe(true);
    expect(samePlant({ ...a, credit_code: '91410100MA45K7R84Q' }, { ...a, company: 'Acme Machinery Co.', credit_code: ' 91410100ma45k7r84q ' })).toBe(true);
    expect(samePlant({ ...a, site: 'Plant 1' }, { ...a, site: 'PLANT 1' })).toBe(true);
    // compare agrees with the batch keys
    const c = compare({ respondent: a }, { respondent: { ...a, company: 'acme machinery' } });
    expect(c.samePlant).toBe(true);
    expect(c.warnings.map((w) => w.code)).not.toContain('compare.different-plants');
  });

  it('warns when the questionnaire versions differ', () => {
    const c = compare({ version: '1' }, {});
    expect(c.warnings.map((w) => w.code)).toContain('compare.different-versions');
  });

  it('level, S, sections and sub-domains before and after', () => {
    const c = compare();
    expect(c.maturity.baseline.level).toBe(1);
    expect(c.maturity.followup.level).toBe(2);
    expect(c.maturity.scoreChange).toBeCloseTo(c.maturity.followup.score - c.maturity.baseline.score, 4);
    const design = c.sections.find((s) => s.id === 'design')!;
    expect(design.scoreChange).toBeCloseTo(design.followup!.score - design.baseline!.score, 4);
    expect(c.subdomains.map((s) => s.id)).toContain('production-operations');
  });

  it('indicators: a target missed at the baseline and met at the follow-up is flagged', () => {
    const c = compare();
    // cnc-rate 4/10 = 0.40 (misses > 0.5) → 6/10 = 0.60 (meets): change +0.20
    expect(c.indicators.find((i) => i.id === 'cnc-rate')).toMatchObject({ baseline: 0.4, followup: 0.6, change: 0.2, baselineMet: false, followupMet: true, nowMet: true, status: 'now-met' });
    expect(c.indicators.find((i) => i.id === 'mes-adoption')).toMatchObject({ baseline: false, followup: true, change: null, status: 'no-target' });
  });
});

describe('helpers', () => {
  it('parses KPI periods', () => {
    expect(parsePeriod('2025')).toEqual({ start: 2025 * 12, end: 2026 * 12 });
    expect(parsePeriod('2025年')).toEqual({ start: 2025 * 12, end: 2026 * 12 });
    expect(parsePeriod('2025-06')).toEqual({ start: 2025 * 12 + 5, end: 2025 * 12 + 6 });
    expect(parsePeriod('2025年6月')).toEqual({ start: 2025 * 12 + 5, end: 2025 * 12 + 6 });
    expect(parsePeriod('2025-Q3')).toEqual({ start: 2025 * 12 + 6, end: 2025 * 12 + 9 });
    expect(parsePeriod('2025H2')).toEqual({ start: 2025 * 12 + 6, end: 2026 * 12 });
    expect(parsePeriod('2025年上半年')).toEqual({ start: 2025 * 12, end: 2025 * 12 + 6 });
    expect(parsePeriod('FY25')).toBeNull();
    expect(periodStatus('2025-H1', '2025-H2')).toBe('later');
    expect(periodStatus('2024', '2025-Q1')).toBe('later');
    expect(periodStatus('2025', undefined)).toBe('missing');
  });

  it('reads KPI values from raw files', () => {
    expect(parseKpiValue(1.5)).toEqual({ status: 'value', value: 1.5 });
    expect(parseKpiValue('2.5%')).toEqual({ status: 'value', value: 0.025 });
    expect(parseKpiValue('1,200')).toEqual({ status: 'value', value: 1200 });
    expect(parseKpiValue('不清楚')).toEqual({ status: 'unknown' });
    expect(parseKpiValue('n/a')).toEqual({ status: 'na' });
    expect(parseKpiValue(null)).toEqual({ status: 'missing' });
    expect(parseKpiValue('')).toEqual({ status: 'missing' });
  });

  it('works on raw answer files too', () => {
    const ba = mustAnswers(q, baseFile);
    const fa = mustAnswers(q, followFile);
    const c = compareResults(buildResult(q, ba, p, zz), buildResult(q, fa, p, zz), baseFile, followFile, zz, { defaultUnits: units });
    expect(kpi(c, 'kpi_defect_rate')).toMatchObject({ baseline: 0.025, change: -0.2, met: true });
  });

  it('energy target: a profile’s rounded −0.1667 stands for 1/1.2 − 1; other figures stand as stated', () => {
    const def = (change: number, k: KpiTargetDef['kpi'] = 'kpi_energy_per_output'): KpiTargetDef => ({ kpi: k, direction: change > 0 ? 'up' : 'down', change, source: 't' });
    expect(effectiveKpiTarget(def(-0.1667))).toBe(1 / 1.2 - 1);
    expect(effectiveKpiTarget(def(1 / 1.2 - 1))).toBe(1 / 1.2 - 1);
    expect(effectiveKpiTarget(def(-0.3))).toBe(-0.3);
    expect(effectiveKpiTarget(def(-0.1667, 'kpi_operating_cost'))).toBe(-0.1667);
  });

  it('met with a small epsilon: float noise at the boundary does not fail the exact policy figure', () => {
    // 0.7 − 1 = −0.30000000000000004 in floating point; a cost going from 1 to 0.7 is exactly −30 %
    expect(kpiMet('down', relativeChange(1, 0.7)!, -0.3)).toBe(true);
    // 1 → 1.3: 0.30000000000000004 ≥ 0.3
    expect(kpiMet('up', relativeChange(1, 1.3)!, 0.3)).toBe(true);
    // a shortfall larger than the epsilon still fails
    expect(kpiMet('up', 0.2999999, 0.3)).toBe(false);
    expect(kpiMet('down', -0.1999999, -0.2)).toBe(false);
  });
});
