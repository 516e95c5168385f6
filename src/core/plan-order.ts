/**
 * The plan as it is read and edited after phasing: the order a plant manager reads it in, the first projects a
 * programme office may see, and the consultant's own edits (re-phase, add), applied last.
 */
import { byId } from './ids.js';
import type { PlanPhase, Recommendation } from './recommendation.js';
import type { Overrides, Text } from './types.js';

const PHASE_ORDER: readonly PlanPhase[] = ['0-6m', '6-18m', '18-36m', 'later'];
export const phaseRank = (p: PlanPhase) => PHASE_ORDER.indexOf(p);

/** The order a plant manager reads the plan in: by phase, then priority. */
export function sortPlan(list: Recommendation[]): Recommendation[] {
  // Copied element by element, not with a spread or slice(): either, inlined into the caller, checks the array's map,
  // and a plan of another elements kind (an empty one) sent the whole optimised recommend() back to the interpreter
  // at every such plant without V8 ever recompiling it: 390 times in 10,000 plants (`--trace-deopt`).
  const copy: Recommendation[] = [];
  for (let i = 0; i < list.length; i++) copy.push(list[i]!);
  return copy.sort((a, b) => phaseRank(a.phase) - phaseRank(b.phase) || b.priority - a.priority || byId(a.id, b.id));
}

/**
 * The first projects of the plan as a programme office may read them (batch's companies table): by phase, then
 * priority, within the plan period, never a project the office audience does not see (a confidential rule, or a
 * variant chosen by a confidential answer).
 */
export function officeTopProjects(list: Recommendation[], count: number): Recommendation[] {
  return sortPlan(list.filter((r) => r.phase !== 'later' && !r.confidential)).slice(0, count);
}

/** The consultant's edits, applied last: re-phase and add (drops are applied before phasing, so they free budget). */
export function applyOverrides(list: Recommendation[], overrides: Overrides | null | undefined, known: ReadonlySet<string>): { list: Recommendation[]; warnings: { code: string; id: string }[] } {
  const o = overrides?.recommendations;
  const warnings: { code: string; id: string }[] = [];
  if (!o) return { list, warnings };
  for (const id of [...(o.drop ?? []), ...Object.keys(o.phase ?? {})]) if (!known.has(id)) warnings.push({ code: 'override.unknown-recommendation', id });
  const out = list.map((r): Recommendation => {
    const to = o.phase?.[r.id];
    if (!to || to === r.phase) return r;
    const { laterReason: _reason, phaseReason: _why, ...rest } = r;
    return { ...rest, phase: to, overridden: { phase: { from: r.phase, to } } };
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
      priorityParts: { gap: 0, kpi: 0, ease: 0, serves: 0, emphasis: 0, duty: 0, nextLevel: 0 },
      servesPriorities: [],
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
