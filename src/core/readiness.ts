import type { Answers } from './answers.js';
import { evaluate, truthy } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import type { ReadinessProfile } from './readiness-def.js';
import { subdomainResult, type ScoreResult } from './result.js';
import { plantRuleScope } from './rule-scope.js';
import type { Text } from './types.js';

/**
 * `mostly`: not met, but the answers show it mostly met (the criterion's `mostlyWhen`); it does not count as met.
 * `undetermined`: every answer the criterion reads is "don't know" or unanswered, so it is neither met nor missing.
 */
export type CriterionStatus = 'met' | 'mostly' | 'missing' | 'not-assessable' | 'undetermined';
export interface ReadinessResult {
  id: string;
  title: Text;
  source?: string;
  note?: Text;
  met: number;
  total: number;
  criteria: { id: string; title: Text; description?: Text; status: CriterionStatus; confidential?: boolean }[];
}

/** Declaration readiness from one assessment; KPI gains need two assessments and are "not assessable" here. */
export function assessReadiness(profile: ReadinessProfile, q: Questionnaire, result: ScoreResult, answers: Answers): ReadinessResult {
  const scope = plantRuleScope(q, result, answers);
  const criteria = profile.criteria.map(({ def, when, mostlyWhen }) => {
    const status: CriterionStatus = !when
      ? 'not-assessable'
      : truthy(evaluate(when, scope))
        ? 'met'
        : mostlyWhen && truthy(evaluate(mostlyWhen, scope))
          ? 'mostly'
          : nothingKnown(when, q, result, answers)
            ? 'undetermined'
            : 'missing';
    return { id: def.id, title: def.title, ...(def.description ? { description: def.description } : {}), status, ...(def.confidential ? { confidential: true } : {}) };
  });
  return {
    id: profile.def.id,
    title: profile.def.title,
    ...(profile.def.source ? { source: profile.def.source } : {}),
    ...(profile.def.note ? { note: profile.def.note } : {}),
    met: criteria.filter((c) => c.status === 'met').length,
    total: criteria.length,
    criteria,
  };
}

/** A criterion's identifiers and calls, collected once per condition (the criteria are the same for every plant). */
const refsCache = new WeakMap<Node, ReturnType<typeof collectRefs>>();
function refsOf(when: Node): ReturnType<typeof collectRefs> {
  let refs = refsCache.get(when);
  if (!refs) refsCache.set(when, (refs = collectRefs(when)));
  return refs;
}

/**
 * Whether a condition reads answers and every one of them is unknown: questions answered "don't know" or not at
 * all (or hidden by such answers), sub-domains not judged, sections without an answer given with a value, indicators
 * that could not be computed, the overall level when none is stated. The plant's own fields (industry, sector…) and tests of an answer's status
 * (answered('…'), unknown('…')) are not answers about the plant's capability and are left aside.
 */
function nothingKnown(when: Node, q: Questionnaire, result: ScoreResult, answers: Answers): boolean {
  const given = (id: string) => answers.resolved.get(id)?.status === 'answered';
  const question = (id: string): boolean => {
    const v = answers.visibility.get(id) ?? 'visible';
    if (v === 'visible') return given(id) || answers.resolved.get(id)?.status === 'na';
    // hidden by other answers: known when those are given; tailored out or n/a: known not to apply
    return v !== 'gated' || (q.whenRefs.get(id) ?? []).every(given);
  };
  const section = (id: string) => (q.def.sections.find((s) => s.id === id)?.questions ?? []).some((x) => x.subdomain !== undefined && given(x.id) && (answers.visibility.get(x.id) ?? 'visible') === 'visible');
  const known: boolean[] = [];
  const refs = refsOf(when);
  for (const r of refs.ids) {
    if (q.byId.has(r.name)) known.push(question(r.name));
    else if (r.name === 'maturity' || r.name === 'score_total') known.push(result.maturity.level !== null);
  }
  for (const c of refs.calls) {
    const arg = c.args[0];
    if (arg?.t !== 'lit' || typeof arg.v !== 'string') continue;
    const id = arg.v;
    if (c.name === 'level' || c.name === 'score') known.push(subdomainResult(result, id)?.judged ?? true);
    else if (c.name === 'section') known.push(section(id));
    else if (c.name === 'indicator' || c.name === 'met' || c.name === 'missed' || c.name === 'gap') known.push((result.indicators.find((i) => i.id === id)?.value ?? null) !== null);
    else if (c.name === 'level_of' || c.name === 'score_of') known.push(question(id));
  }
  return known.length > 0 && known.every((k) => !k);
}

