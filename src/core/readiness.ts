import type { Answers } from './answers.js';
import { evaluate, truthy } from './expression/evaluate.js';
import type { Questionnaire } from './questionnaire.js';
import type { ReadinessProfile } from './readiness-def.js';
import type { ScoreResult } from './result.js';
import { plantRuleScope } from './rule-scope.js';
import type { Text } from './types.js';

/** 'mostly': not met, but the answers show it mostly met (the criterion's `mostlyWhen`); it does not count as met. */
export type CriterionStatus = 'met' | 'mostly' | 'missing' | 'not-assessable';
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
    const status: CriterionStatus = !when ? 'not-assessable' : truthy(evaluate(when, scope)) ? 'met' : mostlyWhen && truthy(evaluate(mostlyWhen, scope)) ? 'mostly' : 'missing';
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
