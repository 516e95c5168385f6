// What a rule's condition may name and call: the function tables and expression contexts of plant and park rules, and
// the questions the office audience never reads (rules-def.ts compiles rules in these contexts; sector packs and
// readiness criteria use them too).
import { BASE_FUNCTIONS, type FunctionSpec } from './expression/evaluate.js';
import { HOLDS, type ExpressionContext } from './expression/check.js';
import { EXPRESSION_RESPONDENT_FIELDS } from './types.js';

const stub = () => null;
/** Functions a plant rule's condition may call; bound to a scored plant when evaluated (src/core/rule-scope.ts). */
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
  // a named condition of the rules file: replaced by its tree when checked (never called)
  [HOLDS, { min: 1, max: 1, literalArg: 'condition', fn: stub }],
  // answered with a value (neither "don't know" nor n/a): what a statement about the value needs
  ['known', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['na', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['unknown', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['level_of', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['score_of', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['sector_in', { min: 1, max: 12, fn: stub }],
]);
/** Functions a park rule's condition may call; bound to a group of companies in batch. */
export const PARK_RULE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ...BASE_FUNCTIONS,
  ['share_level_at_least', { min: 1, max: 1, fn: stub }],
  ['mean_indicator', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
  ['share_missed', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
]);
/**
 * The questions whose answers the office audience never reads, directly or through what a list shows: the
 * confidential ones and every free-text answer (the office's reports carry no free text).
 */
export function officeUnseenQuestions(ids: RuleContextIds): ReadonlySet<string> {
  const out = new Set(ids.confidentialQuestions ?? []);
  for (const id of freeTextQuestions(ids)) out.add(id);
  return out;
}
/** The free-text questions (the office reads an item chosen by them alone as if they were not answered). */
export function freeTextQuestions(ids: RuleContextIds): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [id, type] of ids.questionTypes ?? []) if (type === 'text' && !ids.confidentialQuestions?.has(id)) out.add(id);
  return out;
}

/** Variables of a plant rule besides question ids and respondent fields. */
export const PLANT_RULE_VARIABLES = ['maturity', 'score_total', 'plant_size', 'budget_max'] as const;

export interface RuleContextIds {
  questionIds: Iterable<string>;
  /** Each question's type, where known (planning.ownWords names text and multiple-choice questions). */
  questionTypes?: ReadonlyMap<string, string>;
  /** Questions whose answers the programme office never sees (absent: not checked). */
  confidentialQuestions?: ReadonlySet<string>;
  subdomains: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  /** Programme and support-scheme ids of the policy the rules cite (absent: not checked). */
  programmes?: ReadonlySet<string>;
  /** The programmes a plant can take part in (a plant rule must be filed under one of them). */
  userProgrammes?: ReadonlyMap<string, boolean>;
  support?: ReadonlySet<string>;
}

export function plantRuleContext(ids: RuleContextIds): ExpressionContext {
  const questions = new Set(ids.questionIds);
  return {
    ids: new Set([...questions, ...EXPRESSION_RESPONDENT_FIELDS, ...PLANT_RULE_VARIABLES]),
    functions: PLANT_RULE_FUNCTIONS,
    literals: { subdomain: ids.subdomains, section: ids.sections, indicator: ids.indicators, question: questions },
  };
}
export function parkRuleContext(ids: RuleContextIds): ExpressionContext {
  return { ids: new Set(['companies']), functions: PARK_RULE_FUNCTIONS, literals: { indicator: ids.indicators } };
}
