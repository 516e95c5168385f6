// The recommendation engine over small rule sets written for these tests: evidence, in-place, variants, sectors,
// budget envelope, capacity, prerequisites, priorities and projections. The shipped rules are tested elsewhere.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { recommend, type Recommendation } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { firstMissedLevelIndex, investmentOf } from '../../src/core/roadmap';
import { investmentScaleOf } from '../../src/core/planning';
import { compileRules } from '../../src/core/rules-def';
import { plantRuleContext, type RuleContextIds } from '../../src/core/rule-context';
import { compileSectorPack, packFor, type CompiledSectorPack } from '../../src/core/sector';
import { buildReportModel } from '../../src/report/model';
import { renderMarkdown } from '../../src/report/render';
import { model, mustAnswers, policy, profile, profileWith, questionnaire, src, targets, wording } from '../helpers/defs';
import { machineryExample, T, testRule as rule, withoutMes } from '../helpers/test-rules';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const t = targets();
const m = model();
const ids: RuleContextIds = { questionIds: [...q.byId.keys()], subdomains: m.subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
const example = machineryExample;
function rulesOf(list: unknown[], planning?: unknown) {
  const c = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), ...(planning ? { planning } : {}), rules: list }), 'rules.yaml'), ids);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.rules!;
}
/** A sector pack of the given fields; with `confidentialQuestions`, compiled as the loader does, knowing which those are. */
function pack(data: Record<string, unknown>, confidentialQuestions?: ReadonlySet<string>): CompiledSectorPack {
  const base = { kind: 'sector-pack', id: 'x', title: T('x'), codes: [], regulatoryMusts: [], never: [], emphasise: [], rules: {}, investmentScale: { small: 0.5, medium: 1, large: 2 }, keyProcesses: T('k') };
  const c = compileSectorPack(src(stringify({ ...base, ...data }), 'pack.yaml'), plantRuleContext(ids), confidentialQuestions);
  expect(c.diagnostics).toEqual([]);
  return c.pack!;
}
function run(file: ReturnType<typeof example>, list: unknown[], opts: { sectors?: CompiledSectorPack[]; planning?: unknown; planOnly?: boolean } = {}) {
  const a = mustAnswers(q, file);
  const r = buildResult(q, a, p, t);
  return recommend({ questionnaire: q, result: r, answers: a, rules: rulesOf(list, opts.planning), sectors: opts.sectors, overrides: a.file.overrides, scoring: { profile: p, targets: t }, ...(opts.planOnly ? { planOnly: true } : {}) });
}
const byId = (recs: Recommendation[], id: string) => recs.find((r) => r.id === id);

describe('evidence, in place, variants', () => {
  it('a rule fires only with a statement that holds, and its rationale is exactly those statements', () => {
    const f = example();
    withoutMes(f);
    const both = rule('a', { evidence: [
      { if: 'has_mes == false', question: 'has_mes', statement: T('No MES.') },
      { if: 'equipment_total > 100000', question: 'equipment_total', statement: T('Huge plant.') },
    ] });
    const plan = run(f, [both]);
    expect(byId(plan.recommendations, 'a')!.rationale.en).toBe('No MES.');
    expect(byId(plan.recommendations, 'a')!.evidence).toEqual([{ question: 'has_mes', answer: false, statement: T('No MES.') }]);
    f.answers.has_mes = true;
    f.answers.mes_coverage = 0.4;
    expect(byId(run(f, [both]).recommendations, 'a')).toBeUndefined();
  });

  it('a rule whose target is in place never fires; partial presence fires the variant with its own evidence', () => {
    const mes = rule('mes', {
      when: 'true',
      inPlace: 'has_mes and mes_coverage >= 0.8',
      variants: [{ id: 'extend', when: 'has_mes and mes_coverage < 0.8', title: T('Extend MES'), evidence: [{ if: 'has_mes and mes_coverage < 0.8', question: 'mes_coverage', statement: T('MES covers part of output.') }] }],
    });
    const f = example();
    f.answers.has_mes = true;
    f.answers.mes_coverage = 0.9;
    expect(byId(run(f, [mes]).recommendations, 'mes')).toBeUndefined();
    f.answers.mes_coverage = 0.4;
    const rec = byId(run(f, [mes]).recommendations, 'mes')!;
    expect(rec).toMatchObject({ variant: 'extend', title: T('Extend MES'), rationale: T('MES covers part of output.') });
    withoutMes(f);
    expect(byId(run(f, [mes]).recommendations, 'mes')).toMatchObject({ title: T('mes'), rationale: T('mes: no MES.') });
  });
});

describe('conditional measures, hardware, software, integration and benefits (`if`)', () => {
  const noMes = () => withoutMes(example());
  const conditional = rule('c', {
    measures: [T('always'), { ...T('with ERP'), if: 'has_erp == true' }, { ...T('without ERP'), if: 'has_erp != true' }],
    software: [{ ...T('ERP MRP module'), if: 'has_erp == true' }, T('board software')],
    integration: [{ ...T('report to the key-energy-user platform'), if: 'key_energy_user == true' }],
    benefits: [T('Always.'), { ...T('Reported as the law requires.'), if: 'key_energy_user == true' }],
  });

  it('an item is shown only when its condition holds; benefit sentences are joined in order', () => {
    const f = noMes();
    f.answers.has_erp = true;
    f.answers.key_energy_user = true;
    const withErp = byId(run(f, [conditional]).recommendations, 'c')!;
    expect(withErp.measures).toEqual([T('always'), T('with ERP')]);
    expect(withErp.software).toEqual([T('ERP MRP module'), T('board software')]);
    expect(withErp.integration).toEqual([T('report to the key-energy-user platform')]);
    expect(withErp.benefits).toEqual({ zh: 'Always.Reported as the law requires.', en: 'Always. Reported as the law requires.' });
    f.answers.has_erp = false;
    f.answers.key_energy_user = false;
    const without = byId(run(f, [conditional]).recommendations, 'c')!;
    expect(without.measures).toEqual([T('always'), T('without ERP')]);
    expect(without.software).toEqual([T('board software')]);
    expect(without.integration).toEqual([]);
    expect(without.benefits).toEqual(T('Always.'));
    // the condition never reaches the outputs
    expect(JSON.stringify(without)).not.toContain('"if"');
  });

  it('a variant’s lists are conditional too; a project with no measure left to take does not fire', () => {
    const f = noMes();
    const onlyWhatIsMissing = rule('p', {
      variants: [{ id: 'deepen', when: 'true', measures: [{ ...T('ERP interface'), if: "req_design_bom_to_erp in ['none', 'partial']" }], benefits: [{ ...T('No retyping.'), if: "req_design_bom_to_erp in ['none', 'partial']" }] }],
    });
    f.answers.req_design_bom_to_erp = 'none';
    expect(byId(run(f, [onlyWhatIsMissing]).recommendations, 'p')).toMatchObject({ variant: 'deepen', measures: [T('ERP interface')], benefits: T('No retyping.') });
    f.answers.req_design_bom_to_erp = 'full';
    expect(byId(run(f, [onlyWhatIsMissing]).recommendations, 'p')).toBeUndefined();
  });

  it('what rests on a confidential answer is left out of the office view, not the whole project; only a confidential rule or variant choice withholds it; an unknown condition is a load error', () => {
    const confidentialQuestions = new Set(q.questions.filter((x) => x.confidential).map((x) => x.id));
    expect(confidentialQuestions.has('req_ot_segmentation')).toBe(true);
    const noSeparation = { if: "req_ot_segmentation == 'none'", question: 'req_ot_segmentation', statement: T('no separation.') };
    const list = [
      // items: the one that holds and the one that does not are both left out of the office view (so that nothing is told)
      rule('s', { measures: [T('network'), { ...T('separate first'), if: "req_ot_segmentation == 'none'" }, { ...T('audit'), if: "req_ot_segmentation == 'full'" }] }),
      rule('e', { measures: [T('meter'), { ...T('report'), if: 'key_energy_user == true' }] }),
      // a statement on a confidential question, or whose condition reads one
      rule('k', { evidence: [{ if: 'has_mes == false', question: 'has_mes', statement: T('no MES.') }, noSeparation, { if: "has_mes == false and req_ot_segmentation == 'none'", question: 'has_mes', statement: T('no MES, no separation.') }] }),
      rule('c', { confidential: true }),
      rule('v', { variants: [{ id: 'open', when: "req_ot_segmentation == 'none'", measures: [T('v1')] }] }),
    ];
    const compiled = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: list }), 'rules.yaml'), { ...ids, confidentialQuestions });
    expect(compiled.diagnostics).toEqual([]);
    const f = example();
    withoutMes(f);
    const a = mustAnswers(q, f);
    const recs = recommend({ questionnaire: q, result: buildResult(q, a, p, t), answers: a, rules: compiled.rules! }).recommendations;
    const s = byId(recs, 's')!;
    expect(s).toMatchObject({ confidential: false, measures: [T('network'), T('separate first')] });
    expect(s.officeView).toMatchObject({ measures: [T('network')], evidence: [{ question: 'has_mes', statement: T('s: no MES.') }], benefits: T('b') });
    expect(byId(recs, 'e')).toMatchObject({ confidential: false, measures: [T('meter')] });
    expect(byId(recs, 'e')!.officeView).toBeUndefined();
    const k = byId(recs, 'k')!;
    expect(k.confidential).toBe(false);
    expect(k.evidence.map((e) => [e.statement.en, e.confidential ?? false])).toEqual([['no MES.', false], ['no separation.', true], ['no MES, no separation.', true]]);
    expect(k.officeView!.evidence.map((e) => e.statement.en)).toEqual(['no MES.']);
    expect(byId(recs, 'c')!.confidential).toBe(true);
    expect(byId(recs, 'v')!.confidential).toBe(true);
    const bad = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: [rule('b', { measures: [{ ...T('x'), if: 'no_such_question == 1' }] })] }), 'rules.yaml'), ids);
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toEqual([['expr.unknown-id', ['rules', 0, 'measures', 0, 'if']]]);
  });
});

describe('sectors', () => {
  const f = () => withoutMes(example());
  it('only/never prefixes and the pack never-list exclude; the longest code prefix chooses the pack', () => {
    const x = f();
    x.respondent.sector = 'C1432';
    const packs = [pack({ id: 'generic' }), pack({ id: 'food', codes: ['C13', 'C14'], never: ['dnc'] }), pack({ id: 'frozen', codes: ['C1432'] })];
    expect(packFor(packs, 'C1432')!.def.id).toBe('frozen');
    expect(packFor(packs, 'C1411')!.def.id).toBe('food');
    expect(packFor(packs, 'C3411')!.def.id).toBe('generic');
    const plan = run(x, [rule('dnc', { sectors: { only: ['C33', 'C34', 'C35'] } }), rule('tms', { sectors: { never: ['C14'] } }), rule('ok')], { sectors: [packs[0]!, packs[1]!] });
    expect(plan.recommendations.map((r) => r.id)).toEqual(['ok']);
    expect(plan.excluded).toEqual([{ id: 'dnc', reason: 'sector' }, { id: 'tms', reason: 'sector' }]);
    expect(plan.sector!.id).toBe('food');
  });

  it('sector wording replaces the generic text; investment is scaled to the plant size', () => {
    const x = f();
    x.respondent.sector = 'C1432';
    x.answers.employees_total = 50; // small: the small plant's own figure (about 50 staff)
    const food = pack({ id: 'food', codes: ['C14'], rules: { ok: { title: T('Food MES'), investment: { min: 100, max: 200 } } } });
    const rec = byId(run(x, [rule('ok')], { sectors: [food] }).recommendations, 'ok')!;
    expect(rec).toMatchObject({ title: T('Food MES'), sectorWording: 'food', investment: { min: 50, max: 100 } });
    // 150 staff: small (under 300, the national class), estimated between the small and the medium figures
    x.answers.employees_total = 150;
    const plan = run(x, [rule('ok')], { sectors: [food] });
    expect(plan.investmentScale).toBeCloseTo(0.5 ** (1 - Math.log(3) / Math.log(6)), 2);
    expect(plan.investmentBetween).toEqual({ from: { size: 'small', employees: 50 }, to: { size: 'medium', employees: 300 } });
    expect(byId(plan.recommendations, 'ok')!.investment).toEqual({ min: 76, max: 152 });
  });

  it('the investment multiplier by staff has no step: 149 and 150 staff nearly the same, the medium figure from 300 on', () => {
    const table = { small: 0.3, medium: 1, large: 4 };
    const anchors = { small: 50, medium: 300, large: 1000 };
    const at = (employees: number, size: 'small' | 'medium' | 'large') => investmentScaleOf(table, { size, basis: 'employees', employees, equipment: null }, anchors).scale;
    expect(at(150, 'small')).toBe(0.63);
    expect(Math.abs(at(149, 'small') - at(150, 'small'))).toBeLessThan(0.02);
    expect(at(299, 'small')).toBe(1);
    expect(at(300, 'medium')).toBe(1);
    expect(at(999, 'medium')).toBe(1);
    expect(at(20, 'small')).toBe(0.3);
    expect(at(1500, 'large')).toBe(4);
    // without a staff count, the class's own
    expect(investmentScaleOf(table, { size: 'small', basis: 'equipment', employees: null, equipment: 30 }, anchors).scale).toBe(0.3);
  });

  it('a pack words the benefits too (conditional sentences as a rule’s); a variant’s own benefits still win', () => {
    const x = f();
    x.respondent.sector = 'C1432';
    const benefits = [{ ...T('Fewer lot mix-ups.'), if: 'has_mes == false' }, { ...T('Never shown.'), if: 'has_mes == true' }];
    const food = pack({ id: 'food', codes: ['C14'], rules: { ok: { benefits } } });
    expect(byId(run(x, [rule('ok')], { sectors: [food] }).recommendations, 'ok')!.benefits).toEqual(T('Fewer lot mix-ups.'));
    const withVariant = rule('ok', { variants: [{ id: 'v', when: 'true', title: T('V'), benefits: T('Variant benefits.') }] });
    expect(byId(run(x, [withVariant], { sectors: [food] }).recommendations, 'ok')!.benefits).toEqual(T('Variant benefits.'));
  });
});

describe('phasing', () => {
  const f = (band: string, employees = 400) => {
    const x = example();
    withoutMes(x);
    x.answers.retrofit_budget_band = band;
    x.answers.employees_total = employees;
    return x;
  };
  const many = (n: number, inv = { min: 20, max: 40 }) => Array.from({ length: n }, (_, i) => rule(`r${String(i).padStart(2, '0')}`, { investment: inv }));

  it('under 1 million: the phased midpoints stay inside 100; the rest waits, said why', () => {
    const plan = run(f('under_1m'), many(8));
    const phased = plan.recommendations.filter((r) => r.phase !== 'later');
    expect(phased.reduce((a, r) => a + (r.investment!.min + r.investment!.max) / 2, 0)).toBeLessThanOrEqual(100);
    expect(phased).toHaveLength(3);
    expect(plan.recommendations.filter((r) => r.phase === 'later').every((r) => r.laterReason?.code === 'budget')).toBe(true);
    expect(plan.roadmap.budget).toMatchObject({ band: 'under_1m', checked: true, envelope: { max: 100 } });
    expect(plan.roadmap.phases.map((ph) => ph.count).reduce((a, b) => a + b)).toBe(3);
  });

  it('spending is spread over the phases: by the end of each at most 35 %, 70 % and all of the envelope', () => {
    // three projects of midpoint 30 under a ceiling of 100: one per phase, not all three in the first
    const plan = run(f('under_1m'), many(3, { min: 20, max: 40 }));
    expect(plan.recommendations.map((r) => r.phase)).toEqual(['0-6m', '6-18m', '18-36m']);
    expect(plan.roadmap.budget.byPhase).toEqual([0.35, 0.7, 1]);
    // the shares are the rules file's: all of it from the start puts them together
    const together = run(f('under_1m'), many(3, { min: 20, max: 40 }), { planning: { budgetByPhase: [1, 1, 1] } });
    expect(together.recommendations.map((r) => r.phase)).toEqual(['0-6m', '0-6m', '0-6m']);
  });

  it('shares by phase that decrease or do not end at 1 are a load error, named where they are', () => {
    for (const shares of [[0.5, 0.4, 1], [0.3, 0.6, 0.9]]) {
      const c = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), planning: { budgetByPhase: shares }, rules: [rule('a')] }), 'rules.yaml'), ids);
      expect(c.rules).toBeUndefined();
      expect(c.diagnostics.map((d) => [d.code, d.line > 0])).toEqual([['rules.budget-by-phase', true]]);
    }
  });

  it('a project that contains others (includes): while it is in the plan period they are part of it, not listed or costed beside it', () => {
    // u contains a and b; c waits for a; d is on its own
    const list = [rule('u', { investment: { min: 10, max: 20 }, includes: ['a', 'b'] }), rule('a', { investment: { min: 10, max: 20 } }), rule('b'), rule('c', { prerequisites: ['a'] }), rule('d')];
    const plan = run(f('not_decided', 600), list);
    const ids = plan.recommendations.map((r) => r.id);
    expect(ids).not.toContain('a');
    expect(ids).not.toContain('b');
    const u = byId(plan.recommendations, 'u')!;
    expect(u.phase).not.toBe('later');
    // c waits for a, which the container stands for: it comes after u, not "later" for want of a
    const c = byId(plan.recommendations, 'c')!;
    expect(c.phase).not.toBe('later');
    const order = ['0-6m', '6-18m', '18-36m'];
    expect(order.indexOf(c.phase)).toBeGreaterThan(order.indexOf(u.phase));
    // the plan's total counts u once, not a beside it
    expect(plan.roadmap.total).toEqual(investmentOf(plan.recommendations.filter((r) => r.phase !== 'later')));
    // a container beyond the plan period contains nothing: its parts are offered on their own
    const held = run(f('under_1m', 60), [rule('u', { investment: { min: 400, max: 600 }, includes: ['a'] }), rule('a', { investment: { min: 10, max: 20 } })]);
    expect(held.recommendations.map((r) => [r.id, r.phase === 'later'])).toEqual([['a', false], ['u', true]]);
  });

  it('a step another proposed project takes (unlessProposed) is left to it; a project with no step left is not proposed', () => {
    const f = example();
    withoutMes(f);
    const step = (text: string, unless?: string[]) => ({ ...T(text), ...(unless ? { unlessProposed: unless } : {}) });
    const list = [
      rule('mes', { measures: [step('feeder check')] }),
      rule('data', { measures: [step('collect data'), step('feeder check', ['mes'])], software: [step('data software'), step('feeder software', ['mes'])], benefits: [step('Data.'), step('No wrong parts.', ['mes'])] }),
      rule('only', { measures: [step('feeder check', ['mes'])] }),
    ];
    const with_ = run(f, list);
    const data = byId(with_.recommendations, 'data')!;
    expect(data.measures.map((m) => m.en)).toEqual(['collect data']);
    expect(data.software.map((m) => m.en)).toEqual(['data software']);
    expect(data.benefits?.en).toBe('Data.');
    expect(byId(with_.recommendations, 'only')).toBeUndefined();
    // the batch's plan (measures only) leaves out the same projects
    expect(run(f, list, { planOnly: true }).recommendations.map((r) => r.id).sort()).toEqual(with_.recommendations.map((r) => r.id).sort());
    expect(byId(with_.recommendations, 'mes')!.measures.map((m) => m.en)).toEqual(['feeder check']);
    // without the MES project (a plant it is not proposed to), the step stays where it is
    const without = run(f, list.map((r) => (r.id === 'mes' ? { ...r, when: 'false' } : r)));
    expect(byId(without.recommendations, 'mes')).toBeUndefined();
    expect(byId(without.recommendations, 'data')!.measures.map((m) => m.en)).toEqual(['collect data', 'feeder check']);
    expect(byId(without.recommendations, 'only')!.measures.map((m) => m.en)).toEqual(['feeder check']);
  });

  it('a step worded for another proposed project (ifProposed) is shown only when that project is proposed, in place of the step it stands for', () => {
    const f = example();
    withoutMes(f);
    const step = (text: string, more: { unlessProposed?: string[]; ifProposed?: string[] } = {}) => ({ ...T(text), ...more });
    const list = [
      rule('mes', { measures: [step('build the MES')] }),
      rule('factory', { measures: [step('plan the factory'), step('build and connect an MES', { unlessProposed: ['mes'] }), step('connect the MES the MES project builds', { ifProposed: ['mes'] })], software: [step('MES (new)', { unlessProposed: ['mes'] }), step('MES (from the MES project)', { ifProposed: ['mes'] })] }),
      rule('only', { measures: [step('connect the MES the MES project builds', { ifProposed: ['mes'] })] }),
    ];
    const with_ = run(f, list);
    const factory = byId(with_.recommendations, 'factory')!;
    expect(factory.measures.map((m) => m.en)).toEqual(['plan the factory', 'connect the MES the MES project builds']);
    expect(factory.software.map((m) => m.en)).toEqual(['MES (from the MES project)']);
    expect(byId(with_.recommendations, 'only')!.measures.map((m) => m.en)).toEqual(['connect the MES the MES project builds']);
    // without the MES project, the step in its own words; a project left with no step is not proposed
    const without = run(f, list.map((r) => (r.id === 'mes' ? { ...r, when: 'false' } : r)));
    expect(byId(without.recommendations, 'factory')!.measures.map((m) => m.en)).toEqual(['plan the factory', 'build and connect an MES']);
    expect(byId(without.recommendations, 'factory')!.software.map((m) => m.en)).toEqual(['MES (new)']);
    expect(byId(without.recommendations, 'only')).toBeUndefined();
  });

  it('unlessProposed and ifProposed are checked at load: a known rule, never the item\'s own', () => {
    const c = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: [rule('a'), rule('u', { measures: [{ ...T('m'), unlessProposed: ['a', 'zz', 'u'] }, { ...T('n'), ifProposed: ['u', 'a', 'yy'] }] })] }), 'rules.yaml'), ids);
    expect(c.rules).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['def.unknown-ref', 'rules.1.measures.0.unlessProposed.1'],
      ['rules.proposed-self', 'rules.1.measures.0.unlessProposed.2'],
      ['rules.proposed-self', 'rules.1.measures.1.ifProposed.0'],
      ['def.unknown-ref', 'rules.1.measures.1.ifProposed.2'],
    ]);
  });

  it('includes are checked at load: known rules, and not a prerequisite of the project (or itself)', () => {
    const c = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: [rule('a'), rule('u', { prerequisites: ['a'], includes: ['a', 'zz'] })] }), 'rules.yaml'), ids);
    expect(c.rules).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['rules.includes-prerequisite', 'rules.1.includes.0'],
      ['def.unknown-ref', 'rules.1.includes.1'],
    ]);
  });

  it('a variant may wait for fewer of its rule\'s prerequisites, never for another project', () => {
    const withVariant = (prerequisites: string[]) =>
      compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: [rule('a'), rule('b', { prerequisites: ['a'], variants: [{ id: 'v', when: 'true', prerequisites }] })] }), 'rules.yaml'), ids);
    expect(withVariant([]).diagnostics).toEqual([]);
    const bad = withVariant(['c']);
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([['rules.variant-prerequisite', 'rules.1.variants.0.prerequisites.0']]);
    // placed: the variant's own (none) instead of the rule's
    const plan = run(f('not_decided', 60), [rule('a'), rule('b', { prerequisites: ['a'], variants: [{ id: 'v', when: 'true', prerequisites: [] }] })]);
    expect(plan.recommendations.map((r) => [r.id, r.phase, r.prerequisites])).toEqual([['a', '0-6m', []], ['b', '0-6m', []]]);
  });

  it('the questions of the plant\'s own words are the rules file\'s (planning.ownWords), checked at load', () => {
    const own = (ownWords: Record<string, string>) => compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), planning: { ownWords }, rules: [rule('a')] }), 'rules.yaml'), ids);
    const bad = own({ goals: 'digital_goal', bottleneck: 'main_bottleneck', priorities: 'priorities' });
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.args.id, d.path?.join('.'), d.line > 0])).toEqual([['def.unknown-ref', 'digital_goal', 'planning.ownWords.goals', true]]);
    // a question of the wrong kind: the goals' free text read from the chosen goals' options reads nothing
    const types = new Map(q.questions.map((x) => [x.id, x.type]));
    const swappedKinds = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), planning: { ownWords: { goals: 'priorities', bottleneck: 'main_bottleneck', priorities: 'digital_goals' } }, rules: [rule('a')] }), 'rules.yaml'), { ...ids, questionTypes: types });
    expect(swappedKinds.rules).toBeUndefined();
    expect(swappedKinds.diagnostics.map((d) => [d.code, d.args.id, d.args.expected])).toEqual([
      ['rules.own-words-type', 'priorities', 'text'],
      ['rules.own-words-type', 'digital_goals', 'multi'],
    ]);
    // read from where the file says: the bottleneck's words taken as the goals, the goals' as the bottleneck
    const x = example();
    x.answers.digital_goals = '关键工序数控化率超过 90%';
    x.answers.main_bottleneck = '关键工序数控化率达到 10%';
    const swapped = run(x, [rule('a')], { planning: { ownWords: { goals: 'main_bottleneck', bottleneck: 'digital_goals', priorities: 'priorities' } } });
    expect(swapped.ownGoals).toBe('关键工序数控化率达到 10%');
    expect(swapped.bottleneck).toBe('关键工序数控化率超过 90%');
    expect(swapped.ownTargets?.map((t) => t.target)).toEqual([0.1]);
    expect(run(x, [rule('a')]).ownTargets?.map((t) => t.target)).toEqual([0.9]);
  });

  it('a lead project (placeFirst) lands first inside the envelope whatever the shares by phase', () => {
    // 50 of a 100 ceiling is beyond the first phase's 35 %: a plan the others follow still comes first
    const plan = run(f('under_1m'), [rule('plan', { placeFirst: true, investment: { min: 40, max: 60 } }), rule('other', { investment: { min: 1, max: 2 } })]);
    expect(byId(plan.recommendations, 'plan')!.phase).toBe('0-6m');
  });

  it('a project that fits the envelope but no phase’s share waits with its own reason', () => {
    // shares 30 %, 30 %, 100 % of 100; a small plant runs 2, 2, 3 projects
    const p30 = (id: string) => rule(id, { investment: { min: 20, max: 40 } });
    // d and e rank below a, b and c (harder to do), e below d (dearer at the same priority)
    const small = (id: string, investment: { min: number; max: number }) => rule(id, { investment, effort: 'high' });
    const plan = run(f('under_1m', 60), [p30('a'), p30('b'), p30('c'), small('d', { min: 3, max: 5 }), small('e', { min: 4, max: 6 })], {
      planning: { budgetByPhase: [0.3, 0.3, 1] },
    });
    expect(plan.recommendations.map((r) => [r.id, r.phase])).toEqual([['a', '0-6m'], ['b', '18-36m'], ['c', '18-36m'], ['d', '18-36m'], ['e', 'later']]);
    // 94 + 5 fits the envelope: not "beyond the budget"
    expect(byId(plan.recommendations, 'e')!.laterReason).toEqual({ code: 'phase-budget' });
  });

  it('of two projects of the same priority, the cheaper is placed first, whatever their ids', () => {
    // a small plant runs 2 projects in 0–6 months: of three alike, the two cheaper ones
    const plan = run(f('not_decided', 60), [rule('a-dear', { investment: { min: 50, max: 90 } }), rule('b-cheap', { investment: { min: 2, max: 6 } }), rule('c-mid', { investment: { min: 10, max: 20 } })]);
    expect(new Set(plan.recommendations.map((r) => r.priority)).size).toBe(1);
    expect(Object.fromEntries(plan.recommendations.map((r) => [r.id, r.phase]))).toEqual({ 'b-cheap': '0-6m', 'c-mid': '0-6m', 'a-dear': '6-18m' });
  });

  it('not decided: no budget check, capacity still bounds each phase', () => {
    const plan = run(f('not_decided', 60), many(10, { min: 1, max: 2 }));
    expect(plan.roadmap.budget.checked).toBe(false);
    expect(plan.roadmap.phases.map((ph) => ph.count)).toEqual([2, 2, 3]);
    expect(plan.recommendations.filter((r) => r.phase === 'later').map((r) => r.laterReason?.code)).toEqual(['capacity', 'capacity', 'capacity']);
  });

  it('a placeFirst project (the plant’s plan) takes the first phase whatever its priority, inside capacity and budget', () => {
    // ten projects that outrank it (quality served): without placeFirst it would be left for capacity, last
    const x = f('under_1m', 60);
    x.answers.priorities = ['quality'];
    const ranked = Array.from({ length: 10 }, (_, i) => rule(`r${i}`, { serves: ['quality'], investment: { min: 5, max: 10 } }));
    const plain = run(x, [...ranked, rule('plan', { investment: { min: 5, max: 10 } })]);
    expect(byId(plain.recommendations, 'plan')).toMatchObject({ phase: 'later', laterReason: { code: 'capacity' } });
    const plan = run(x, [...ranked, rule('plan', { placeFirst: true, investment: { min: 5, max: 10 } })]);
    expect(byId(plan.recommendations, 'plan')!.phase).toBe('0-6m');
    expect(byId(plan.recommendations, 'plan')!.priority).toBeLessThan(byId(plan.recommendations, 'r0')!.priority);
    expect(plan.roadmap.phases.map((ph) => ph.count)).toEqual([2, 2, 3]);
  });

  it('a prerequisite sits in a strictly earlier phase; a project whose prerequisite waits waits too', () => {
    const chain = [rule('a'), rule('b', { prerequisites: ['a'] }), rule('c', { prerequisites: ['b'] }), rule('d', { prerequisites: ['c'] })];
    const plan = run(f('over_20m'), chain);
    expect(plan.recommendations.map((r) => [r.id, r.phase, r.laterReason?.code])).toEqual([
      ['a', '0-6m', undefined],
      ['b', '6-18m', undefined],
      ['c', '18-36m', undefined],
      ['d', 'later', 'waits'],
    ]);
    expect(byId(plan.recommendations, 'd')!.laterReason).toEqual({ code: 'waits', about: 'c' });
  });

  describe('what the plant asked for comes before what nobody asked for', () => {
    // eight easy projects nobody asked for outrank a hard one: priority alone leaves the hard one beyond 36 months
    // (a small plant runs 2, 2 and 3 projects in the three phases)
    const others = Array.from({ length: 8 }, (_, i) => rule(`easy${i}`, { effort: 'low', investment: { min: 1, max: 2 } }));
    const small = () => f('not_decided', 60);
    const phaseOf = (plan: ReturnType<typeof run>, id: string) => byId(plan.recommendations, id)!.phase;

    it('the best project for each goal the plant chose', () => {
      const x = small();
      x.answers.priorities = ['quality'];
      const goal = rule('goal', { effort: 'high', serves: ['quality'], investment: { min: 1, max: 2 } });
      const plan = run(x, [...others, goal]);
      expect(byId(plan.recommendations, 'goal')!.priority).toBeLessThan(byId(plan.recommendations, 'easy0')!.priority);
      expect(phaseOf(plan, 'goal')).toBe('0-6m');
      // not chosen: taken by priority, beyond the plan period
      x.answers.priorities = ['cost'];
      expect(byId(run(x, [...others, goal]).recommendations, 'goal')).toMatchObject({ phase: 'later', laterReason: { code: 'capacity' } });
    });

    it('only the best one per goal: a second project for the same goal is taken by priority', () => {
      const x = small();
      x.answers.priorities = ['quality'];
      // the same priority: the first by id is the goal's best
      const plan = run(x, [...others, rule('goal-a', { effort: 'high', serves: ['quality'] }), rule('goal-b', { effort: 'high', serves: ['quality'] })]);
      expect(byId(plan.recommendations, 'goal-a')!.priority).toBe(byId(plan.recommendations, 'goal-b')!.priority);
      expect(phaseOf(plan, 'goal-a')).toBe('0-6m');
      expect(phaseOf(plan, 'goal-b')).toBe('later');
    });

    it('the best project for each plan target the plant misses (the example’s key-process CNC rate, 5 of 12)', () => {
      const cnc = rule('cnc', { effort: 'high', indicators: ['cnc-rate'] });
      expect(phaseOf(run(small(), [...others, cnc]), 'cnc')).toBe('0-6m');
      // met: nothing to answer
      const x = small();
      x.answers.key_processes_cnc = 10;
      expect(phaseOf(run(x, [...others, cnc]), 'cnc')).toBe('later');
    });

    it('a project the plant named in its own words (askedWhen), and only then', () => {
      const asked = rule('palletising', { effort: 'high', askedWhen: "text_has(main_bottleneck, '码垛', '搬运')" });
      const x = small();
      x.answers.main_bottleneck = '旺季装箱码垛招不到人';
      const plan = run(x, [...others, asked]);
      expect(byId(plan.recommendations, 'palletising')).toMatchObject({ asked: true, phase: '0-6m' });
      x.answers.main_bottleneck = '交期经常拖后';
      expect(byId(run(x, [...others, asked]).recommendations, 'palletising')).toMatchObject({ phase: 'later' });
      expect(byId(run(x, [...others, asked]).recommendations, 'palletising')!.asked).toBeUndefined();
    });

    it('an asked project that an earlier phase\'s budget share keeps out says so; one placed as early as it can be says nothing', () => {
      // shares 35 %, 70 % of 100: two asked projects of midpoint 30 do not both fit the near term
      const x = f('under_1m', 60);
      x.answers.main_bottleneck = '旺季装箱码垛招不到人，搬运靠人';
      const asked = (id: string, words: string) => rule(id, { askedWhen: `text_has(main_bottleneck, '${words}')` });
      const plan = run(x, [asked('palletising', '码垛'), asked('handling', '搬运')]);
      const [first, second] = ['palletising', 'handling'].map((id) => byId(plan.recommendations, id)!).sort((a, b) => a.phase.localeCompare(b.phase));
      expect([first!.phase, second!.phase]).toEqual(['0-6m', '6-18m']);
      expect(first!.phaseReason).toBeUndefined();
      // the phase whose share it would pass, at the figures of the final plan: 30 + 30 by its end against 35
      expect(second!.phaseReason).toMatchObject({ code: 'phase-budget', share: { phase: '0-6m', spent: 60, limit: 35 } });
      // it could trade places with the first one: both asked, each 30, nothing waits for either
      expect(second!.phaseReason!.swap).toBe(first!.id);
      // a prerequisite's phase is not a reason to explain (the card names the prerequisite)
      const waiting = run(x, [rule('pre', { investment: { min: 1, max: 2 } }), rule('palletising', { askedWhen: "text_has(main_bottleneck, '码垛')", prerequisites: ['pre'] })]);
      expect(byId(waiting.recommendations, 'palletising')).toMatchObject({ phase: '6-18m' });
      expect(byId(waiting.recommendations, 'palletising')!.phaseReason).toBeUndefined();
    });

    it('a light project (written rules and registers) is taken before those ranked by priority alone', () => {
      // shares 35 % of 100 in the near term: the light one (midpoint 10) goes in first, the better-scored one waits
      const x = f('under_1m', 60);
      const plan = run(x, [rule('big', { effort: 'low', investment: { min: 25, max: 35 } }), rule('rules', { effort: 'high', light: true, investment: { min: 5, max: 15 } })]);
      expect(byId(plan.recommendations, 'big')!.priority).toBeGreaterThan(byId(plan.recommendations, 'rules')!.priority);
      expect(phaseOf(plan, 'rules')).toBe('0-6m');
      expect(phaseOf(plan, 'big')).toBe('6-18m');
    });

    it('with what it waits for: a low prerequisite of the goal’s project is pulled forward with it', () => {
      const x = small();
      x.answers.priorities = ['quality'];
      const plan = run(x, [...others, rule('pre', { effort: 'high' }), rule('goal', { effort: 'high', serves: ['quality'], prerequisites: ['pre'] })]);
      expect(phaseOf(plan, 'pre')).toBe('0-6m');
      expect(phaseOf(plan, 'goal')).toBe('6-18m');
    });

    it('still inside the budget: a goal’s project that does not fit waits, said why', () => {
      const x = f('under_1m', 60);
      x.answers.priorities = ['quality'];
      const plan = run(x, [...others, rule('goal', { effort: 'high', serves: ['quality'], investment: { min: 100, max: 200 } })]);
      expect(byId(plan.recommendations, 'goal')).toMatchObject({ phase: 'later', laterReason: { code: 'budget' } });
    });
  });

  it('a stated priority raises a project and is marked', () => {
    const x = f('over_20m');
    x.answers.priorities = ['quality'];
    const plan = run(x, [rule('plain'), rule('q', { serves: ['quality', 'cost'] })]);
    expect(byId(plan.recommendations, 'q')).toMatchObject({ servesPriorities: ['quality'], priorityParts: { serves: 10 } });
    expect(byId(plan.recommendations, 'q')!.priority).toBe(byId(plan.recommendations, 'plain')!.priority + 10);
  });

  it('projections apply what each phase raises, never go down, and are null without a level today', () => {
    const x = f('over_20m');
    const raise = (id: string, raises: Record<string, unknown>) => rule(id, { raises });
    const plan = run(x, [
      raise('a', { production_operations_level: 'model_based', planning_scheduling_level: 'optimised' }),
      raise('b', { quality_level: 'predictive', has_mes: true, mes_coverage: 0.9 }),
    ]);
    const scores = plan.roadmap.phases.map((ph) => ph.projected!.score);
    expect(plan.roadmap.baseline).not.toBeNull();
    expect(scores[0]).toBeGreaterThanOrEqual(plan.roadmap.baseline!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
    const levels = plan.roadmap.phases.map((ph) => ph.projected!.level!);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThanOrEqual(levels[i - 1]!);
  });
});

describe('the next level: the first level the stated level does not pass', () => {
  // A flat profile weighing product-design 5 and equipment 1, both "mostly" (0.8) at level 2:
  // L2 = (5 × 0.8 + 1 × 0.8) / 6, which floating point makes 0.7999999999999999 — rounded, the pass threshold.
  const small = questionnaire('tests/fixtures/scoring/small.yaml');
  const flat = profileWith({ aggregation: 'flat', weights: '{discrete: {product-design: 5, equipment: 1, production-operations: 1}}' });
  const smallIds: RuleContextIds = { questionIds: [...small.byId.keys()], subdomains: m.subdomainIds, sections: new Set(small.def.sections.map((s) => s.id)), indicators: new Set(small.indicators.map((i) => i.def.id)) };
  const answers = mustAnswers(small, { questionnaire: 'small', version: '2', respondent: { company: 'T', industry: 'discrete' }, answers: { pd_level: 'l1', r2: 'mostly', eq_level: 'l1', na_req: 'mostly', new_req: 'full', has_x: false } });
  const result = buildResult(small, answers, flat, t);

  it('a level score that rounds up to the pass threshold passes, as it does for the stated level', () => {
    expect(result.maturity.levelScores[1]).toBeLessThan(0.8);
    expect(result.maturity.heldAt).toBe(3);
    expect(result.maturity.level).toBe(2);
    expect(firstMissedLevelIndex(result)).toBe(2);
  });

  it('the plan names level 3 as where the plant is held, and a project raising a level-3 requirement closes it', () => {
    const x = rule('x', { evidence: [{ if: 'has_x == false', question: 'has_x', statement: T('No X.') }], raises: { fx: 'full' } });
    const c = compileRules(src(stringify({ kind: 'rules', id: 'test', title: T('t'), rules: [x] }), 'rules.yaml'), smallIds);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = recommend({ questionnaire: small, result, answers, rules: c.rules!, overrides: undefined, scoring: { profile: flat, targets: t } });
    expect(plan.roadmap.heldBack).toMatchObject({ level: 3 });
    expect(byId(plan.recommendations, 'x')!.priorityParts.nextLevel).toBeGreaterThan(0);
  });
});

describe('a duty whose status rests on a confidential answer blocks a project: the office is not told which duty', () => {
  it('the plant reads the duty by name; the office reads that a requirement comes first, never which', () => {
    expect(q.byId.get('req_ot_segmentation')!.confidential).toBe(true);
    const x = example();
    x.respondent.sector = 'C3443';
    withoutMes(x);
    const secret = pack(
      {
      id: 'valves',
      codes: ['C34'],
      regulatoryMusts: [
        {
          id: 'zoning-duty',
          kind: 'law',
          text: T('SECRET-DUTY-TEXT'),
          source: T('Some regulation, article 1'),
          check: T('Check the zoning.'),
          metWhen: "req_ot_segmentation == 'full'",
          precedes: [],
          blocks: ['blocked'],
          confirmed: true,
        },
      ],
      },
      // compiled as the loader does, knowing which questions are confidential
      new Set(q.questions.filter((c) => c.confidential).map((c) => c.id)),
    );
    const plan = run(x, [rule('blocked', { title: T('PROJECT-TITLE') }), rule('free')], { sectors: [secret] });
    expect(plan.recommendations.find((r) => r.id === 'blocked')).toMatchObject({ phase: 'later', laterReason: { code: 'blocked', about: 'zoning-duty' } });
    expect(plan.roadmap.duties.find((d) => d.def.id === 'zoning-duty')!.confidential).toBe(true);
    const a = mustAnswers(q, x);
    const result = buildResult(q, a, p, t);
    const md = (audience: 'client' | 'office') =>
      renderMarkdown(buildReportModel({ questionnaire: q, answers: a, result, recommendations: plan.recommendations, plan, readiness: [], audience, wording: wording(), policy: policy(), tool: 'test' }), { lang: 'en' });
    const client = md('client');
    expect(client).toMatch(/PROJECT-TITLE[\s\S]*Why it waits: first meet: SECRET-DUTY-TEXT/);
    const office = md('office');
    expect(office).toContain('PROJECT-TITLE');
    expect(office).toMatch(/PROJECT-TITLE[\s\S]*Why it waits: first meet a legal or compliance requirement/);
    expect(office).not.toContain('SECRET-DUTY-TEXT');
  });
});

describe('a project that settles a legal duty the answers show open comes before those ranked by priority alone', () => {
  // eight cheap projects nobody asked for outrank a hard one: by priority alone it waits beyond the plan period
  const others = Array.from({ length: 8 }, (_, i) => rule(`easy${i}`, { effort: 'low', investment: { min: 1, max: 2 } }));
  const plant = (segmentation: string | undefined) => {
    const x = example();
    x.respondent.sector = 'C3443';
    x.answers.employees_total = 60;
    x.answers.retrofit_budget_band = 'not_decided';
    withoutMes(x);
    if (segmentation === undefined) delete x.answers.req_ot_segmentation;
    else x.answers.req_ot_segmentation = segmentation;
    return x;
  };
  const duty = pack({
    id: 'valves',
    codes: ['C34'],
    regulatoryMusts: [
      {
        id: 'zoning-duty',
        kind: 'law',
        text: T('Zone the control network.'),
        source: T('Some regulation, article 1'),
        check: T('Check the zoning.'),
        fulfilledBy: ['settles'],
        metWhen: "req_ot_segmentation == 'full'",
        mostlyWhen: "req_ot_segmentation == 'mostly'",
        notMetWhen: "req_ot_segmentation in ['none', 'partial']",
        precedes: [],
        blocks: [],
        confirmed: true,
      },
    ],
  });
  const phaseOf = (segmentation: string | undefined) => byId(run(plant(segmentation), [...others, rule('settles', { effort: 'high' })], { sectors: [duty] }).recommendations, 'settles')!.phase;
  it('shown not met, or mostly met: in the first phase', () => {
    expect(phaseOf('none')).toBe('0-6m');
    expect(phaseOf('mostly')).toBe('0-6m');
  });
  it('not told by the answers (to be checked first): taken by priority', () => {
    expect(phaseOf(undefined)).toBe('later');
  });
});

describe('a small project settling a legal duty the answers show not met always fits its phase, and still takes a place there', () => {
  // a small plant (two, two and three places) whose seven projects that lead the plan fill every phase, and one cheap
  // project taken by priority alone
  const leads = Array.from({ length: 7 }, (_, i) => rule(`lead${i}`, { placeFirst: true, investment: { min: 1, max: 2 } }));
  const plant = (segmentation: string | undefined, filing = 'not_classified') => {
    const x = example();
    x.respondent.sector = 'C3443';
    x.answers.employees_total = 60;
    x.answers.retrofit_budget_band = 'from_1m_to_5m';
    x.answers.mlps_filing_level = filing;
    withoutMes(x);
    if (segmentation === undefined) delete x.answers.req_ot_segmentation;
    else x.answers.req_ot_segmentation = segmentation;
    return x;
  };
  const duty = (extra: Record<string, unknown> = {}) =>
    pack({
      id: 'valves',
      codes: ['C34'],
      regulatoryMusts: [
        {
          id: 'zoning-duty',
          kind: 'law',
          text: T('Zone the control network.'),
          source: T('Some regulation, article 1'),
          check: T('Check the zoning.'),
          fulfilledBy: ['settles'],
          metWhen: "req_ot_segmentation == 'full'",
          notMetWhen: "req_ot_segmentation in ['none', 'partial']",
          precedes: [],
          blocks: [],
          confirmed: true,
          ...extra,
        },
      ],
    });
  const made = (opts: { segmentation?: string | undefined; effort?: string; planning?: unknown; filing?: string; extra?: Record<string, unknown> } = {}) => {
    const list = [...leads, rule('settles', { effort: opts.effort ?? 'low' })];
    const plan = run(plant('segmentation' in opts ? opts.segmentation : 'none', opts.filing), list, { sectors: [duty(opts.extra)], ...(opts.planning ? { planning: opts.planning } : {}) });
    return { plan, settles: byId(plan.recommendations, 'settles')! };
  };
  const planning = (fits: string[]) => ({ capacity: { small: [2, 2, 3], medium: [3, 4, 5], large: [4, 6, 8] }, dutyFixAlwaysFits: fits });

  it('low effort, shown not met: in the first phase beside the two projects that fill it, said as over its places; its cost counts', () => {
    const { plan, settles } = made();
    expect(plan.roadmap.capacity[0]).toBe(2);
    expect(plan.recommendations.filter((r) => r.id.startsWith('lead') && r.phase === '0-6m')).toHaveLength(2);
    expect(settles.phase).toBe('0-6m');
    expect(settles.phaseReason).toBeUndefined();
    expect(plan.roadmap.overCapacity).toEqual(['settles']);
    expect(plan.roadmap.phases[0]!.count).toBe(3);
    expect(plan.roadmap.phases[0]!.investment.min).toBeGreaterThan(investmentOf(plan.recommendations.filter((r) => r.phase === '0-6m' && r.id !== 'settles')).min);
  });
  it('it still takes a place: a project taken after it does not fill in behind it', () => {
    // one lead and the fix fill the first phase (two places): the cheap project nobody leads with goes to the next
    const list = [leads[0]!, rule('settles', { effort: 'low' }), rule('cheap', { effort: 'low', investment: { min: 1, max: 2 } })];
    const plan = run(plant('none'), list, { sectors: [duty()] });
    expect(byId(plan.recommendations, 'settles')!.phase).toBe('0-6m');
    expect(plan.roadmap.overCapacity).toBeUndefined();
    expect(byId(plan.recommendations, 'cheap')!.phase).toBe('6-18m');
    // and with the phase already full when the fix comes, it goes in over its places, and the cheap project still waits
    const full = run(plant('none'), [leads[0]!, leads[1]!, ...list.slice(1)], { sectors: [duty()] });
    expect(byId(full.recommendations, 'settles')!.phase).toBe('0-6m');
    expect(full.roadmap.overCapacity).toEqual(['settles']);
    expect(byId(full.recommendations, 'cheap')!.phase).toBe('6-18m');
  });
  it('the planning names no effort: it waits for a phase with room, and with every phase full beyond the plan period for capacity', () => {
    const { plan, settles } = made({ planning: planning([]) });
    expect(settles.phase).toBe('later');
    expect(settles.laterReason?.code).toBe('capacity');
    expect(plan.roadmap.overCapacity).toBeUndefined();
  });
  it('a project of greater effort than the planning names waits for room', () => {
    expect(made({ effort: 'medium' }).settles.phase).toBe('later');
    expect(made({ effort: 'medium', planning: planning(['low', 'medium']) }).settles.phase).toBe('0-6m');
  });
  it('a duty the answers do not show not met (to be checked first): the project waits for room', () => {
    const { plan, settles } = made({ segmentation: undefined });
    expect(plan.roadmap.duties.find((d) => d.def.id === 'zoning-duty')?.notMet).toBeUndefined();
    expect(settles.phase).toBe('later');
  });
  it('fulfilledByWhen: the project settles the duty only where its condition holds; elsewhere it has no duty bonus and waits for room', () => {
    const extra = { fulfilledByWhen: { settles: "mlps_filing_level == 'not_classified'" } };
    const unclassified = made({ extra });
    expect(unclassified.settles.phase).toBe('0-6m');
    expect(unclassified.settles.priorityParts.duty).toBeGreaterThan(0);
    const classified = made({ extra, filing: 'level2' });
    expect(classified.plan.roadmap.duties.find((d) => d.def.id === 'zoning-duty')).toMatchObject({ notMet: true, fulfilledBy: [] });
    expect(classified.settles.priorityParts.duty).toBe(0);
    expect(classified.settles.phase).toBe('later');
    expect(classified.plan.roadmap.overCapacity).toBeUndefined();
  });
  it('fulfilledByWhen may name only a project of fulfilledBy', () => {
    const base = { kind: 'sector-pack', id: 'x', title: T('x'), codes: [], never: [], emphasise: [], rules: {}, investmentScale: { small: 0.5, medium: 1, large: 2 }, keyProcesses: T('k') };
    const must = { id: 'd', kind: 'law', text: T('t'), source: T('s'), check: T('c'), fulfilledBy: ['settles'], fulfilledByWhen: { other: 'true' }, precedes: [], blocks: [], confirmed: true };
    const c = compileSectorPack(src(stringify({ ...base, regulatoryMusts: [must] }), 'pack.yaml'), plantRuleContext(ids));
    expect(c.diagnostics.map((d) => d.code)).toEqual(['sector.fulfilled-when-not-listed']);
  });
});

describe('a plant whose goal is a recognition reads which criteria the plan would meet (projected) and which it would not', () => {
  const x = () => {
    const f = example();
    withoutMes(f);
    f.answers.priorities = ['declaration'];
    return f;
  };
  const crit = (id: string, status: 'met' | 'missing' | 'undetermined' | 'not-assessable') => ({ id, title: T(`C-${id}`), status });
  const profileNow = { id: 'smart-workshop', title: T('Workshop'), met: 0, total: 4, criteria: [crit('a', 'missing'), crit('b', 'missing'), crit('c', 'met'), crit('k', 'not-assessable')] };
  const renderWith = (now: typeof profileNow, after: typeof profileNow) => {
    const f = x();
    f.answers.priorities = ['declaration'];
    const plan = run(f, [rule('p')]);
    const a = mustAnswers(q, f);
    return renderMarkdown(buildReportModel({ questionnaire: q, answers: a, result: buildResult(q, a, p, t), recommendations: plan.recommendations, plan, readiness: [now], readinessAfterPlan: [after], audience: 'client', wording: wording(), policy: policy(), tool: 'test' }), { lang: 'en' });
  };
  const md = (after: typeof profileNow | undefined, audience: 'client' | 'office' = 'client', priorities = ['declaration']) => {
    const f = x();
    f.answers.priorities = priorities;
    const plan = run(f, [rule('p')]);
    const a = mustAnswers(q, f);
    const result = buildResult(q, a, p, t);
    return renderMarkdown(
      buildReportModel({ questionnaire: q, answers: a, result, recommendations: plan.recommendations, plan, readiness: [profileNow], ...(after ? { readinessAfterPlan: [after] } : {}), audience, wording: wording(), policy: policy(), tool: 'test' }),
      { lang: 'en' },
    );
  };
  it('some met after the plan: how many, and the ones still open by name; the KPI criterion left out', () => {
    const out = md({ ...profileNow, criteria: [crit('a', 'met'), crit('b', 'missing'), crit('c', 'met'), crit('k', 'not-assessable')] });
    expect(out).toContain('Applying for “Workshop”: today 2 of the criteria are not met; scored again with the phases\' projects complete (assuming the practices and capabilities they address reach what the projects deliver), 1 of them would be met, and 1 would still not be met under this plan: “C-b”.');
  });
  it('a criterion still open after the plan says what it would still rest on, at the projected values', () => {
    const after = { ...profileNow, criteria: [crit('a', 'met'), { ...crit('b', 'missing'), because: [{ kind: 'maturity' as const, needs: 5 }] }, crit('c', 'met'), crit('k', 'not-assessable')] };
    expect(md(after)).toMatch(/1 would still not be met under this plan: “C-b” \(projected under this plan: overall maturity at level \d \(needs level 5\)\)\./);
  });

  it('criteria nobody\'s answers decide are counted apart from those not met', () => {
    const now = { ...profileNow, criteria: [crit('a', 'missing'), crit('b', 'undetermined'), crit('c', 'met'), crit('k', 'not-assessable')] };
    const out = renderWith(now, { ...now, criteria: [crit('a', 'met'), crit('b', 'undetermined'), crit('c', 'met'), crit('k', 'not-assessable')] });
    expect(out).toContain('Applying for “Workshop”: today 1 of the criteria are not met and 1 cannot be judged yet (too few answers); ');
  });

  it('all met; none met; and not for the office or a plant that did not choose the goal', () => {
    expect(md({ ...profileNow, criteria: [crit('a', 'met'), crit('b', 'met'), crit('c', 'met'), crit('k', 'not-assessable')] })).toContain('all of them would be met (projected;');
    expect(md(profileNow)).toContain('none of them would be met under this plan: “C-a”, “C-b”.');
    expect(md(profileNow, 'office')).not.toContain('Applying for');
    expect(md(profileNow, 'client', ['quality'])).not.toContain('Applying for');
  });
});
