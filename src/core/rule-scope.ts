import type { Answers } from './answers.js';
import { answerScope } from './answers.js';
import { BASE_FUNCTIONS, type FunctionSpec, type Scope, type Value } from './expression/evaluate.js';
import type { ScoreResult } from './result.js';

/** The variables and functions a plant rule or readiness criterion sees: a scored result plus the answers. */
export function plantRuleScope(result: ScoreResult, answers: Answers): Scope {
  const hidden = (id: string) => answers.visibility.get(id) !== undefined && answers.visibility.get(id) !== 'visible';
  const base = answerScope(answers.file, answers.resolved, hidden);
  const sub = new Map(result.subdomains.map((s) => [s.id, s]));
  const sec = new Map(result.sections.map((s) => [s.id, s]));
  const ind = new Map(result.indicators.map((i) => [i.id, i]));
  const str = (v: Value | undefined) => (typeof v === 'string' ? v : '');
  const indicatorValue = (id: string): Value => {
    const v = ind.get(id)?.value;
    return v === undefined ? null : v;
  };
  const functions = new Map<string, FunctionSpec>([
    ...BASE_FUNCTIONS,
    // A sub-domain that was tailored out entirely (all n/a, or not applicable) has no level: rules about it do not fire.
    ['level', { min: 1, max: 1, fn: ([id]) => sub.get(str(id))?.level ?? null }],
    ['score', { min: 1, max: 1, fn: ([id]) => sub.get(str(id))?.score ?? null }],
    ['section', { min: 1, max: 1, fn: ([id]) => sec.get(str(id))?.level ?? null }],
    ['indicator', { min: 1, max: 1, fn: ([id]) => indicatorValue(str(id)) }],
    ['met', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.met === true }],
    ['missed', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.met === false }],
    ['gap', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.gap ?? null }],
    ['answered', base.functions.get('answered')!],
  ]);
  return {
    functions,
    get(name) {
      if (name === 'maturity') return result.maturity.level;
      if (name === 'score_total') return result.maturity.score;
      return base.get(name);
    },
  };
}
