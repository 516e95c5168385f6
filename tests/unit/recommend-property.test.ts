// Property: over the shipped rules, sector packs and random plants, every statement a recommendation makes holds
// for the plant's answers, no fired rule is already in place or excluded for the sector, prerequisites sit in
// strictly earlier phases, the phased investment stays inside a stated budget, and projections never go down.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, truthy } from '../../src/core/expression/evaluate';
import { budgetOf, plantSizeOf, resolvePlanning } from '../../src/core/planning';
import { recommend, type RetrofitPlan } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { plantRuleScope } from '../../src/core/rule-scope';
import { dutyFulfillers } from '../../src/core/duty-fulfillers';
import { ITEM_LISTS, type CompiledItems } from '../../src/core/items';
import type { RuleSet } from '../../src/core/rules-def';
import { packFor, sectorIn, type CompiledSectorPack } from '../../src/core/sector';
import type { Industry } from '../../src/core/types';
import { Definitions } from '../../src/io/definitions';
import { profile, questionnaire, targets } from '../helpers/defs';
import { lcg, randomAnswers } from '../helpers/random-answers';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const t = targets();
let rules: RuleSet;
let packs: CompiledSectorPack[];
beforeAll(async () => {
  const defs = new Definitions();
  const bundled = await defs.questionnaire();
  // Compile against the same questionnaire object the test scores with.
  rules = await defs.rules('default', bundled);
  packs = await defs.sectorPacks(bundled);
}, 60_000);

const SECTORS = ['C3411', 'C3511', 'C3670', 'C3971', 'C1432', 'C1411', 'C1511', 'C3216', 'C3021', 'C3089', 'C1810', 'C2710', 'C2411', undefined];
const BANDS = ['not_decided', 'under_1m', 'from_1m_to_5m', 'from_5m_to_20m', 'over_20m'];
const PHASE = ['0-6m', '6-18m', '18-36m', 'later'];

function check(plan: RetrofitPlan, seed: number, scopeOf: () => ReturnType<typeof plantRuleScope>, sector: string | undefined) {
  const scope = scopeOf();
  const pack = packFor(packs, sector);
  const where = (id: string) => `seed ${seed}, ${id}`;
  for (const rec of plan.recommendations) {
    if (rec.source !== 'rules') continue;
    const rule = rules.byId.get(rec.id)!;
    expect(truthy(evaluate(rule.when, scope)), where(rec.id)).toBe(true);
    if (rule.inPlace) expect(truthy(evaluate(rule.inPlace, scope)), `${where(rec.id)}: already in place`).toBe(false);
    if (rule.def.sectors?.only?.length) expect(sectorIn(sector, rule.def.sectors.only), where(rec.id)).toBe(true);
    if (rule.def.sectors?.never?.length) expect(sectorIn(sector, rule.def.sectors.never), where(rec.id)).toBe(false);
    expect(pack?.def.never.includes(rec.id) ?? false, `${where(rec.id)}: never in ${pack?.def.id}`).toBe(false);
    const variant = rec.variant ? rule.variants.find((v) => v.def.id === rec.variant)! : undefined;
    const list = variant && variant.evidence.length ? variant.evidence : rule.evidence;
    if (!list.length) continue; // a legacy rule with a written rationale (warned at load)
    const held = list.filter((e) => truthy(evaluate(e.when, scope))).map((e) => e.def.statement.en);
    expect(held.length, `${where(rec.id)}: fired without evidence`).toBeGreaterThan(0);
    // Every statement shown holds (its {question} slots filled with the answers), and the rationale is exactly them.
    const shown = rec.evidence.map((e) => e.statement.en);
    expect(shown.length, where(rec.id)).toBe(held.length);
    shown.forEach((text, k) => expect(text, where(rec.id)).toMatch(templatePattern(held[k]!)));
    expect(rec.rationale.en, where(rec.id)).toBe(shown.join(' '));
    // What it proposes: at least one measure, and every item shown with a condition (the rule's, a variant's or the
    // sector pack's wording) has its condition hold.
    expect(rec.measures.length, `${where(rec.id)}: fired with no measure`).toBeGreaterThan(0);
    const conditionOf = new Map<object, NonNullable<CompiledItems['items'][number]['when']>>();
    const sectorWording = pack?.wording.get(rec.id);
    for (const texts of [rule.texts, ...rule.variants.map((v) => v.texts), ...(sectorWording ? [sectorWording] : [])])
      for (const key of ITEM_LISTS) for (const item of texts[key]?.items ?? []) if (item.when) conditionOf.set(item.text, item.when);
    for (const item of [...rec.measures, ...rec.hardware, ...rec.software, ...rec.integration]) {
      const when = conditionOf.get(item);
      if (when) expect(truthy(evaluate(when, scope)), `${where(rec.id)}: ${item.en}`).toBe(true);
    }
  }
  const phaseOf = new Map(plan.recommendations.map((r) => [r.id, PHASE.indexOf(r.phase)]));
  for (const rec of plan.recommendations) {
    for (const pre of rec.prerequisites) {
      if (!phaseOf.has(pre)) continue;
      if (rec.phase === 'later') expect(phaseOf.get(pre)!, where(rec.id)).toBeLessThanOrEqual(3);
      else expect(phaseOf.get(pre)!, `${where(rec.id)} after ${pre}`).toBeLessThan(phaseOf.get(rec.id)!);
    }
  }
  const { roadmap } = plan;
  if (roadmap.budget.checked) {
    const mid = plan.recommendations.filter((r) => r.phase !== 'later').reduce((a, r) => a + (r.investment ? (r.investment.min + r.investment.max) / 2 : 0), 0);
    expect(mid, `seed ${seed}: phased investment within the envelope`).toBeLessThanOrEqual(roadmap.budget.envelope!.max! + 1e-9);
  }
  // (a light project — written rules and registers — takes no place in a phase's capacity; a small fix of a legal duty
  // the answers show not met goes into a phase whose places are taken, and is the only project over them)
  const light = new Set(roadmap.light ?? []);
  const over = new Set(roadmap.overCapacity ?? []);
  roadmap.phases.forEach((ph, i) => expect(plan.recommendations.filter((r) => r.phase === ph.id && !light.has(r.id) && !over.has(r.id)).length, `seed ${seed}: capacity`).toBeLessThanOrEqual(roadmap.capacity[i]!));
  roadmap.phases.forEach((ph, i) => {
    if (plan.recommendations.some((r) => r.phase === ph.id && over.has(r.id))) expect(plan.recommendations.filter((r) => r.phase === ph.id && !light.has(r.id) && !over.has(r.id)).length, `seed ${seed}: ${ph.id} full before`).toBe(roadmap.capacity[i]!);
  });
  // and only a light rule's project is one, or a project of an effort the planning names that settles a duty shown not met
  for (const id of light) expect(rules.rules.find((r) => r.def.id === id)?.def.light, `seed ${seed}: ${id} light`).toBe(true);
  const fits = resolvePlanning(rules.def.planning).dutyFixAlwaysFits as readonly string[];
  for (const id of over) {
    const rec = plan.recommendations.find((r) => r.id === id)!;
    expect(rec.phase, `seed ${seed}: ${id} in the plan period`).not.toBe('later');
    expect(fits, `seed ${seed}: ${id} effort`).toContain(rec.effort);
    expect(
      roadmap.duties.some((d) => d.notMet && !d.met && dutyFulfillers(d).includes(id)),
      `seed ${seed}: ${id} settles a duty shown not met`,
    ).toBe(true);
  }
  if (roadmap.baseline) {
    let prev = roadmap.baseline;
    for (const ph of roadmap.phases) {
      expect(ph.projected!.score).toBeGreaterThanOrEqual(prev.score);
      expect(ph.projected!.level ?? 0).toBeGreaterThanOrEqual(prev.level ?? 0);
      prev = ph.projected!;
    }
  }
}

/** A statement template as a pattern: literal text, each {question} slot any answer (never empty, never a slot). */
const templatePattern = (t: string) => new RegExp(`^${t.split(/\{\w+\}/).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^{}]+')}$`);

describe('recommendations over random plants (shipped rules and sector packs)', () => {
  it.each(['discrete', 'process', 'mixed'] as Industry[])('%s: 60 random plants', (industry) => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = lcg(seed * 31 + industry.length);
      const sector = SECTORS[Math.floor(rnd() * SECTORS.length)];
      const a = randomAnswers(q, seed * 7919 + industry.length, industry, sector ? { sector } : {});
      const resolved = a.resolved as Map<string, { status: 'answered'; value: unknown }>;
      resolved.set('retrofit_budget_band', { status: 'answered', value: BANDS[Math.floor(rnd() * BANDS.length)]! });
      resolved.set('employees_total', { status: 'answered', value: [30, 120, 400, 1500][Math.floor(rnd() * 4)]! });
      const result = buildResult(q, a, p, t);
      const plan = recommend({ questionnaire: q, result, answers: a, rules, sectors: packs, scoring: { profile: p, targets: t } });
      const planning = resolvePlanning(rules.def.planning);
      const facts = { plantSize: plantSizeOf(a, planning).size, budgetMax: budgetOf(a, planning).envelope?.max ?? null };
      check(plan, seed, () => plantRuleScope(q, result, a, facts), sector);
    }
  });
});

describe('the batch plan (planOnly): the same projects, phases and priorities, without statements', () => {
  it('180 random plants: planOnly lists what the full plan lists, in the same order and phases', () => {
    let withStatements = 0;
    for (const industry of ['discrete', 'process', 'mixed'] as Industry[]) {
      for (let seed = 1; seed <= 60; seed++) {
        const rnd = lcg(seed * 17 + industry.length);
        const sector = SECTORS[Math.floor(rnd() * SECTORS.length)];
        const a = randomAnswers(q, seed * 104729 + industry.length, industry, sector ? { sector } : {});
        (a.resolved as Map<string, { status: 'answered'; value: unknown }>).set('retrofit_budget_band', { status: 'answered', value: BANDS[Math.floor(rnd() * BANDS.length)]! });
        const result = buildResult(q, a, p, t);
        const full = recommend({ questionnaire: q, result, answers: a, rules, sectors: packs });
        const lean = recommend({ questionnaire: q, result, answers: a, rules, sectors: packs, planOnly: true });
        const shape = (plan: RetrofitPlan) => plan.recommendations.map((r) => [r.id, r.phase, r.priority, r.title.zh, r.variant ?? '', r.laterReason ?? null]);
        expect(shape(lean), `${industry} seed ${seed}`).toEqual(shape(full));
        expect(lean.roadmap.phases.map((ph) => ph.count)).toEqual(full.roadmap.phases.map((ph) => ph.count));
        withStatements += full.recommendations.filter((r) => r.evidence.length).length;
        for (const r of lean.recommendations) expect(r.evidence).toEqual([]);
      }
    }
    // positive control: the full plans did carry evidence statements
    expect(withStatements).toBeGreaterThan(100);
  });
});
