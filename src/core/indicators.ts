import { answerScope, type Answers } from './answers.js';
import { evaluate, truthy, type Value } from './expression/evaluate.js';
import type { Questionnaire } from './questionnaire.js';
import { meets, type Comparison, type TargetsDef } from './targets.js';
import type { IndicatorKind, Text } from './types.js';

export interface IndicatorResult extends TargetComparison {
  id: string;
  kind: IndicatorKind;
  title: Text;
  formula: string;
  basis?: Text;
  definition?: Text;
  source?: string;
  /** A fraction for ratios, 1 or 0 for shares, true/false for flags; null when not computable. */
  value: number | boolean | null;
  /** The answers shown with the value (e.g. the key processes a CNC rate was computed from). */
  context?: Record<string, Value>;
  /** The numbers the formula used, for --explain. */
  inputs: Record<string, Value>;
  flags?: Record<string, boolean | null>;
  /** No value because one of the answers it is computed from is "don't know" (不清楚), rather than missing. */
  unknown?: true;
  /** At one plant a comparison is a reference to a regional target level, not a verdict. */
  reference?: boolean;
  /** The target is a share of companies: one plant counts toward it (its value is 1 or 0) and never meets it alone. */
  countsToward?: boolean;
}

/** An indicator's value held against a policy target (one plant, or a region in batch). */
export interface TargetComparison {
  target?: number;
  comparison?: Comparison;
  met?: boolean | null;
  /** > 0: the shortfall; computed on unrounded values. */
  gap?: number | null;
  targetYear?: number;
  population?: Text;
  targetSource?: string;
}

/** Evaluate the questionnaire's indicator formulas over visible answers; ratios with a 0 or unknown denominator are null. */
export function computeIndicators(q: Questionnaire, answers: Answers, targets?: TargetsDef): IndicatorResult[] {
  const hidden = (id: string) => answers.visibility.get(id) !== undefined && answers.visibility.get(id) !== 'visible';
  const scope = answerScope(answers.file, answers.resolved, hidden, (id) => answers.visibility.get(id) === 'na');
  // Pushed, not map()ped: the list keeps one elements kind once this is optimised (see result.ts, `packed`).
  const out: IndicatorResult[] = [];
  for (const { def, ast, refs, flags } of q.indicators) {
    const inputs: Record<string, Value> = {};
    for (const r of refs) inputs[r] = scope.get(r) ?? null;
    const anyMissing = refs.some((r) => q.byId.has(r) && inputs[r] === null);
    const raw = evaluate(ast, scope);
    let value: number | boolean | null;
    if (def.kind === 'flag') value = anyMissing ? null : truthy(raw);
    else if (def.kind === 'share') value = anyMissing ? null : truthy(raw) ? 1 : 0;
    else value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const result: IndicatorResult = {
      id: def.id,
      kind: def.kind,
      title: def.titleByIndustry?.[answers.file.respondent.industry] ?? def.title,
      formula: def.formula,
      ...(def.basis ? { basis: def.basis } : {}),
      ...(def.definition ? { definition: def.definition } : {}),
      ...(def.source ? { source: def.source } : {}),
      value,
      inputs,
    };
    if (value === null && refs.some((r) => answers.resolved.get(r)?.status === 'unknown')) result.unknown = true;
    if (def.context?.length) result.context = Object.fromEntries(def.context.map((id) => [id, scope.get(id) ?? null]));
    if (flags.length) {
      result.flags = {};
      for (const [name, node, flagRefs] of flags) {
        const fRefs = flagRefs.filter((n) => q.byId.has(n));
        result.flags[name] = fRefs.some((r) => scope.get(r) === null || scope.get(r) === undefined) ? null : truthy(evaluate(node, scope));
      }
    }
    const target = targets?.targets.find((t) => t.indicator === def.id);
    if (target) {
      // A target on a share of companies (design tools, adoption): one plant counts toward it and cannot meet it.
      const share = def.kind === 'share' || def.kind === 'flag';
      const compared = share ? { target: target.value, comparison: target.comparison, met: null, gap: null } : compareToTarget(value, target.comparison, target.value);
      Object.assign(result, compared, { targetYear: target.year, population: target.population, targetSource: target.source, reference: true, ...(share ? { countsToward: true } : {}) });
    }
    out.push(result);
  }
  return out;
}

/** met and gap on unrounded values; a flag counts as 1 or 0; gap > 0 is a shortfall. */
export function compareToTarget(value: number | boolean | null, comparison: Comparison, target: number) {
  if (value === null) return { target, comparison, met: null, gap: null };
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  const gap = comparison === '>' || comparison === '>=' ? target - v : v - target;
  return { target, comparison, met: meets(v, comparison, target), gap };
}
