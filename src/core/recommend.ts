import type { Answers } from './answers.js';
import { evaluate, truthy } from './expression/evaluate.js';
import type { ScoreResult } from './result.js';
import { plantRuleScope } from './rule-scope.js';
import type { CompiledRule, Effort, RuleSet } from './rules-def.js';
import { PHASES, type Overrides, type Phase, type RetrofitLevel, type Text } from './types.js';

export interface Recommendation {
  id: string;
  title: Text;
  rationale: Text;
  retrofitLevel: RetrofitLevel;
  programme: string;
  projectType: string;
  phase: Phase;
  priority: number;
  /** The parts of the priority, so that a reader can recompute it. */
  priorityParts: { gap: number; kpi: number; ease: number };
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  investment: { min: number; max: number } | null;
  benefits: Text | null;
  kpis: string[];
  effort: Effort | null;
  prerequisites: string[];
  addresses: string[];
  indicators: string[];
  support: string[];
  /** 'rules' for matched rules, 'consultant' for items added by overrides. */
  source: 'rules' | 'consultant';
  /** Rests on confidential information (kept out of the office audience's report). */
  confidential: boolean;
  /** The statements the rationale is made of, each tied to the answer that makes it true. */
  evidence: { question: string; answer: unknown; statement: Text }[];
  overridden?: { phase?: { from: Phase; to: Phase } };
}

export const PRIORITY_FORMULA = {
  weights: { gap: 0.5, kpi: 0.3, ease: 0.2 },
  ease: { low: 1, medium: 0.6, high: 0.3 } as Record<Effort, number>,
};

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const phaseIndex = (p: Phase) => PHASES.indexOf(p);

function priorityOf(rule: CompiledRule, result: ScoreResult) {
  const targetLevel = Math.max(2, Math.min(5, (result.maturity.level ?? 0) + 1));
  const subGap = Math.max(0, ...rule.def.addresses.map((id) => {
    const s = result.subdomains.find((x) => x.id === id);
    return s ? clamp01((targetLevel - s.score) / targetLevel) : 0; // tailored-out sub-domains have no gap
  }));
  const indGap = Math.max(0, ...(rule.def.indicators ?? []).map((id) => {
    const i = result.indicators.find((x) => x.id === id);
    return i && i.met === false && i.gap !== null && i.gap !== undefined && i.target ? clamp01(i.gap / i.target) : 0;
  }));
  const gap = Math.max(subGap, indGap);
  const kpi = clamp01((rule.def.kpis?.length ?? 0) / 3);
  const ease = PRIORITY_FORMULA.ease[rule.def.effort];
  const w = PRIORITY_FORMULA.weights;
  return { priority: Math.round(100 * (w.gap * gap + w.kpi * kpi + w.ease * ease)), parts: { gap: round3(gap), kpi: round3(kpi), ease } };
}
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function basePhase(priority: number, effort: Effort): Phase {
  if (effort === 'low' || (priority >= 60 && effort === 'medium')) return '0-6m';
  if (effort === 'high' || priority < 40) return '18-36m';
  return '6-18m';
}

/** Match plant rules against a scored plant, prioritise and phase them (prerequisites first), then apply overrides. */
export function recommend(result: ScoreResult, answers: Answers, rules: RuleSet, overrides?: Overrides | null): { recommendations: Recommendation[]; warnings: { code: string; id: string }[] } {
  const scope = plantRuleScope(result, answers);
  const matched = rules.rules.filter((r) => r.def.retrofitLevel !== 'park' && truthy(evaluate(r.when, scope)));
  const byId = new Map(matched.map((r) => [r.def.id, r]));
  const recs = new Map<string, Recommendation>();
  // Topological order over matched prerequisites, so each rule is phased after its prerequisites.
  const visit = (r: CompiledRule, stack: Set<string>): Recommendation => {
    const done = recs.get(r.def.id);
    if (done) return done;
    stack.add(r.def.id);
    const pre = (r.def.prerequisites ?? []).filter((p) => byId.has(p) && !stack.has(p)).map((p) => visit(byId.get(p)!, stack));
    const { priority, parts } = priorityOf(r, result);
    let phase = basePhase(priority, r.def.effort);
    for (const p of pre) if (phaseIndex(p.phase) > phaseIndex(phase)) phase = p.phase;
    const rec: Recommendation = {
      id: r.def.id,
      title: r.def.title,
      rationale: r.def.rationale ?? { zh: '', en: '' },
      retrofitLevel: r.def.retrofitLevel,
      programme: r.def.programme,
      projectType: r.def.projectType,
      phase,
      priority,
      priorityParts: parts,
      measures: r.def.measures,
      hardware: r.def.hardware ?? [],
      software: r.def.software ?? [],
      integration: r.def.integration ?? [],
      investment: r.def.investment,
      benefits: r.def.benefits,
      kpis: r.def.kpis ?? [],
      effort: r.def.effort,
      prerequisites: r.def.prerequisites ?? [],
      addresses: r.def.addresses,
      indicators: r.def.indicators ?? [],
      support: r.def.support ?? [],
      source: 'rules',
      confidential: r.def.confidential ?? false,
      evidence: [],
    };
    recs.set(r.def.id, rec);
    stack.delete(r.def.id);
    return rec;
  };
  for (const r of matched) visit(r, new Set());
  const { list, warnings } = applyOverrides([...recs.values()], overrides);
  return { recommendations: sortPlan(list), warnings };
}

export function sortPlan(list: Recommendation[]): Recommendation[] {
  return [...list].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase) || b.priority - a.priority || a.id.localeCompare(b.id));
}

/** The consultant's edits, applied last: drop, re-phase, add (added items get generated ids). */
export function applyOverrides(list: Recommendation[], overrides?: Overrides | null): { list: Recommendation[]; warnings: { code: string; id: string }[] } {
  const o = overrides?.recommendations;
  const warnings: { code: string; id: string }[] = [];
  if (!o) return { list, warnings };
  const ids = new Set(list.map((r) => r.id));
  for (const id of [...(o.drop ?? []), ...Object.keys(o.phase ?? {})]) if (!ids.has(id)) warnings.push({ code: 'override.unknown-recommendation', id });
  let out = list.filter((r) => !(o.drop ?? []).includes(r.id));
  out = out.map((r) => {
    const to = o.phase?.[r.id];
    return to && to !== r.phase ? { ...r, phase: to, overridden: { phase: { from: r.phase, to } } } : r;
  });
  (o.add ?? []).forEach((a, i) => {
    const text = (s: string | undefined): Text => ({ zh: s ?? '', en: s ?? '' });
    out.push({
      id: `consultant-${i + 1}`,
      title: text(a.title),
      rationale: text(a.rationale),
      retrofitLevel: a.retrofitLevel ?? 'factory',
      programme: '',
      projectType: '',
      phase: a.phase ?? '6-18m',
      priority: a.priority ?? 50,
      priorityParts: { gap: 0, kpi: 0, ease: 0 },
      measures: (a.measures ?? []).map((m) => text(m)),
      hardware: [],
      software: [],
      integration: [],
      investment: null,
      benefits: null,
      kpis: [],
      effort: null,
      prerequisites: [],
      addresses: [],
      indicators: [],
      support: [],
      source: 'consultant',
      confidential: false,
      evidence: [],
    });
  });
  return { list: out, warnings };
}
