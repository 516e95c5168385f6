import type { Answers } from './answers.js';
import { checkScope, DEFAULT_SATISFACTION } from './checks.js';
import type { FunctionSpec, Scope, Value } from './expression/evaluate.js';
import type { Questionnaire } from './questionnaire.js';
import { subdomainResult, type ScoreResult } from './result.js';
import { codeUnder, sectorCode } from './sector.js';

/** Facts about the plant a rule may read besides its answers (src/core/planning.ts). */
export interface PlantFacts {
  plantSize: 'small' | 'medium' | 'large';
  /** Upper bound of the investment envelope in 万元; null when not decided or unbounded. */
  budgetMax: number | null;
}

/**
 * The variables and functions a plant rule, an evidence statement or a readiness criterion sees: the answers as the
 * consistency checks see them (hidden questions read as null; `na`, `unknown`, `level_of`, `score_of`), plus the
 * scored result (`level`, `score`, `section`, `indicator`, `met`, `missed`, `gap`), `sector_in(...)`, and the
 * variables `maturity`, `score_total`, `plant_size`, `budget_max`.
 */
export function plantRuleScope(q: Questionnaire, result: ScoreResult, answers: Answers, facts?: PlantFacts): Scope {
  // The recommendations and each readiness profile read the same plant: its scope is built once (the last plant's is
  // kept), and the plant facts, which only the recommendations give, are read in front of it.
  if (last?.result !== result || last.answers !== answers || last.q !== q) last = { q, result, answers, scope: resultScope(q, result, answers) };
  const scope = last.scope;
  if (!facts) return scope;
  return {
    functions: scope.functions,
    get(name) {
      if (name === 'plant_size') return facts.plantSize;
      if (name === 'budget_max') return facts.budgetMax;
      return scope.get(name);
    },
  };
}

let last: { q: Questionnaire; result: ScoreResult; answers: Answers; scope: Scope } | undefined;

/** The scope of plantRuleScope without the plant facts (`plant_size` and `budget_max` read as null). */
function resultScope(q: Questionnaire, result: ScoreResult, answers: Answers): Scope {
  const base = checkScope(q, answers, { ...DEFAULT_SATISFACTION, ...result.scoring.satisfaction });
  const sec = new Map(result.sections.map((s) => [s.id, s]));
  const ind = new Map(result.indicators.map((i) => [i.id, i]));
  const str = (v: Value | undefined) => (typeof v === 'string' ? v : '');
  const indicatorValue = (id: string): Value => {
    const v = ind.get(id)?.value;
    return v === undefined ? null : v;
  };
  const code = sectorCode(answers.file.respondent.sector);
  const own: [string, FunctionSpec][] = [
    // A sub-domain that was tailored out entirely (all n/a, or not applicable) has no level: rules about it do not fire.
    ['level', { min: 1, max: 1, fn: ([id]) => subdomainResult(result, str(id))?.level ?? null }],
    ['score', { min: 1, max: 1, fn: ([id]) => subdomainResult(result, str(id))?.score ?? null }],
    ['section', { min: 1, max: 1, fn: ([id]) => sec.get(str(id))?.level ?? null }],
    ['indicator', { min: 1, max: 1, fn: ([id]) => indicatorValue(str(id)) }],
    ['met', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.met === true }],
    ['missed', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.met === false }],
    ['gap', { min: 1, max: 1, fn: ([id]) => ind.get(str(id))?.gap ?? null }],
    ['sector_in', { min: 1, max: 12, fn: (codes) => codeUnder(code, codes) }],
  ];
  // the answers' functions, then these (set one by one: no copy of the table spread into an array first)
  const functions = new Map<string, FunctionSpec>(base.functions);
  for (const [name, spec] of own) functions.set(name, spec);
  return {
    functions,
    get(name) {
      if (name === 'maturity') return result.maturity.level;
      if (name === 'score_total') return result.maturity.score;
      if (name === 'plant_size' || name === 'budget_max') return null;
      return base.get(name);
    },
  };
}
