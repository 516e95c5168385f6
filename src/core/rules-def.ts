import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { BASE_FUNCTIONS, type FunctionSpec } from './expression/evaluate.js';
import { checkExpression, type ExpressionContext } from './expression/check.js';
import type { Node } from './expression/parse.js';
import type { Source } from './source.js';
import { EXPRESSION_RESPONDENT_FIELDS, type RetrofitLevel, type Text } from './types.js';
import type { KpiId } from './targets.js';

export type Effort = 'low' | 'medium' | 'high';
export interface RuleDef {
  id: string;
  title: Text;
  rationale: Text;
  when: string;
  addresses: string[];
  indicators?: string[];
  retrofitLevel: RetrofitLevel;
  programme: string;
  projectType: 'industry-leading' | 'integration' | 'single-application';
  measures: Text[];
  hardware?: Text[];
  software?: Text[];
  integration?: Text[];
  investment: { min: number; max: number };
  benefits: Text;
  kpis?: KpiId[];
  effort: Effort;
  prerequisites?: string[];
  support?: string[];
  /** Rests on confidential information (e.g. security weaknesses): never in the office audience's report. */
  confidential?: boolean;
}
export interface RulesDef {
  kind: 'rules';
  id: string;
  version?: string;
  title: Text;
  rules: RuleDef[];
}
export interface CompiledRule {
  def: RuleDef;
  when: Node;
}
export interface RuleSet {
  def: RulesDef;
  rules: CompiledRule[];
  byId: ReadonlyMap<string, CompiledRule>;
}

const stub = () => null;
/** Functions a plant rule's condition may call; bound to a scored result when evaluated. */
export const PLANT_RULE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ...BASE_FUNCTIONS,
  ['level', { min: 1, max: 1, literalArg: 'subdomain', fn: stub }],
  ['score', { min: 1, max: 1, literalArg: 'subdomain', fn: stub }],
  ['section', { min: 1, max: 1, literalArg: 'section', fn: stub }],
  ['indicator', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['met', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['missed', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['gap', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['answered', { min: 1, max: 1, literalArg: 'question', fn: stub }],
]);
/** Functions a park rule's condition may call; bound to a group of companies in batch. */
export const PARK_RULE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ...BASE_FUNCTIONS,
  ['share_level_at_least', { min: 1, max: 1, fn: stub }],
  ['mean_indicator', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['share_missed', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
]);

export interface RuleContextIds {
  questionIds: Iterable<string>;
  subdomains: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
}

export function plantRuleContext(ids: RuleContextIds): ExpressionContext {
  const questions = new Set(ids.questionIds);
  return {
    ids: new Set([...questions, ...EXPRESSION_RESPONDENT_FIELDS, 'maturity', 'score_total']),
    functions: PLANT_RULE_FUNCTIONS,
    literals: { subdomain: ids.subdomains, section: ids.sections, indicator: ids.indicators, question: questions },
  };
}
export function parkRuleContext(ids: RuleContextIds): ExpressionContext {
  return { ids: new Set(['companies']), functions: PARK_RULE_FUNCTIONS, literals: { indicator: ids.indicators } };
}

export function compileRules(source: Source, ids: RuleContextIds): { rules?: RuleSet; diagnostics: Diagnostic[] } {
  const def = source.data as RulesDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}) =>
    ds.push(diag(code, source.file, source.locate(path), args, 'error', path));
  const plant = plantRuleContext(ids);
  const park = parkRuleContext(ids);
  const rules: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  const ruleIds = new Set(def.rules.map((r) => r.id));
  def.rules.forEach((r, i) => {
    const path = ['rules', i];
    if (byId.has(r.id)) at([...path, 'id'], 'def.duplicate-id', { id: r.id, what: 'rule' });
    const checked = checkExpression(r.when, r.retrofitLevel === 'park' ? park : plant);
    if (!checked.ok) checked.problems.forEach((p) => at([...path, 'when'], p.code, { ...p.args, offset: p.offset + 1 }));
    r.addresses.forEach((s, j) => !ids.subdomains.has(s) && at([...path, 'addresses', j], 'def.unknown-ref', { what: 'sub-domain', id: s }));
    (r.indicators ?? []).forEach((s, j) => !ids.indicators.has(s) && at([...path, 'indicators', j], 'def.unknown-ref', { what: 'indicator', id: s }));
    (r.prerequisites ?? []).forEach((s, j) => !ruleIds.has(s) && at([...path, 'prerequisites', j], 'def.unknown-ref', { what: 'rule', id: s }));
    if (r.investment.min > r.investment.max) at([...path, 'investment'], 'def.investment-range', r.investment);
    if (checked.ok && !byId.has(r.id)) {
      const c = { def: r, when: checked.ast };
      rules.push(c);
      byId.set(r.id, c);
    }
  });
  const cycle = findCycle(def.rules);
  if (cycle) {
    const i = def.rules.findIndex((r) => r.id === cycle[0]);
    at(['rules', i, 'prerequisites'], 'def.cycle', { cycle: cycle.join(' → ') });
  }
  return ds.length ? { diagnostics: ds } : { rules: { def, rules, byId }, diagnostics: ds };
}

/** The first prerequisite cycle found, as a list of rule ids ending where it started. */
export function findCycle(rules: readonly Pick<RuleDef, 'id' | 'prerequisites'>[]): string[] | undefined {
  const pre = new Map(rules.map((r) => [r.id, r.prerequisites ?? []]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const p of pre.get(id) ?? []) {
      const c = visit(p);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const r of rules) {
    const c = visit(r.id);
    if (c) return c;
  }
  return undefined;
}
