import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { BASE_FUNCTIONS, type FunctionSpec } from './expression/evaluate.js';
import { checkExpression, type ExpressionContext } from './expression/check.js';
import { isQuestionUnit } from './kpi-units.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Source } from './source.js';
import { EXPRESSION_RESPONDENT_FIELDS, type Check, type IndicatorDef, type Question, type QuestionnaireDef } from './types.js';
import { compareVersions, isVersion } from './versions.js';

/** A validated questionnaire with its expressions parsed once. */
export interface Questionnaire {
  def: QuestionnaireDef;
  questions: Question[];
  byId: ReadonlyMap<string, Question>;
  sectionOf: ReadonlyMap<string, string>;
  when: ReadonlyMap<string, Node>;
  naWhen: ReadonlyMap<string, Node>;
  /** The question ids each `when` condition reads (a follow-up of an n/a answer is itself n/a). */
  whenRefs: ReadonlyMap<string, readonly string[]>;
  /** The question ids each `naWhen` condition reads (as whenRefs for `when`). */
  naWhenRefs: ReadonlyMap<string, readonly string[]>;
  checks: { def: Check; ast: Node; fields: string[] }[];
  /** Formulas parsed once; `refs` are the question ids each formula reads (for null-propagation and --explain). */
  indicators: { def: IndicatorDef; ast: Node; refs: string[]; flags: [string, Node, string[]][] }[];
}

/** Functions questionnaire expressions may call (`answered` is bound to the answers when evaluated). */
export const QUESTIONNAIRE_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map([
  ...BASE_FUNCTIONS,
  ['answered', { min: 1, max: 1, literalArg: 'question', fn: () => false }],
  ['na', { min: 1, max: 1, literalArg: 'question', fn: () => false }],
  ['unknown', { min: 1, max: 1, literalArg: 'question', fn: () => false }],
]);

const SCORED_TYPES = new Set(['level', 'requirement']);

export function questionnaireExpressionContext(questionIds: Iterable<string>): ExpressionContext {
  const ids = new Set(questionIds);
  return {
    ids: new Set([...ids, ...EXPRESSION_RESPONDENT_FIELDS]),
    functions: QUESTIONNAIRE_FUNCTIONS,
    literals: { question: ids },
  };
}

/**
 * Semantic checks after the schema has passed: duplicate ids, level options covering 0–5, sub-domains,
 * expressions that parse and name only known ids, `since` and ranges well-formed.
 */
export function compileQuestionnaire(
  source: Source,
  knownSubdomains?: ReadonlySet<string>,
): { questionnaire?: Questionnaire; diagnostics: Diagnostic[] } {
  const def = source.data as QuestionnaireDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'error') =>
    ds.push(diag(code, source.file, source.locate(path), args, severity, path));

  if (!isVersion(def.version)) at(['version'], 'def.version-format', { value: def.version });
  const questions: Question[] = [];
  const byId = new Map<string, Question>();
  const sectionOf = new Map<string, string>();
  const qPath = new Map<string, (string | number)[]>();
  const sectionIds = new Set<string>();
  def.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) at(['sections', si, 'id'], 'def.duplicate-id', { id: s.id, what: 'section' });
    sectionIds.add(s.id);
    s.questions.forEach((q, qi) => {
      const path = ['sections', si, 'questions', qi];
      if (byId.has(q.id)) at([...path, 'id'], 'def.duplicate-id', { id: q.id, what: 'question' });
      else {
        byId.set(q.id, q);
        questions.push(q);
        sectionOf.set(q.id, s.id);
        qPath.set(q.id, path);
      }
      checkQuestion(q, path, def.version, knownSubdomains, at);
    });
  });

  const ctx = questionnaireExpressionContext(byId.keys());
  const parse = (src: string, path: (string | number)[]): Node | undefined => {
    const r = checkExpression(src, ctx);
    if (r.ok) return r.ast;
    for (const p of r.problems) at(path, p.code, { ...p.args, offset: p.offset + 1 });
    return undefined;
  };

  const when = new Map<string, Node>();
  const naWhen = new Map<string, Node>();
  const whenRefs = new Map<string, string[]>();
  const naWhenRefs = new Map<string, string[]>();
  // Ids read as variables, and question ids named by answered('…'), na('…') and unknown('…').
  const questionRefs = (ast: Node) => {
    const r = collectRefs(ast);
    const named = r.calls.flatMap((c) => (c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string' ? [c.args[0].v] : []));
    return [...new Set([...r.ids.map((i) => i.name), ...named])].filter((id) => byId.has(id));
  };
  for (const q of questions) {
    if (q.naWhen !== undefined) {
      const ast = parse(q.naWhen, [...qPath.get(q.id)!, 'naWhen']);
      if (ast) {
        naWhen.set(q.id, ast);
        naWhenRefs.set(q.id, questionRefs(ast));
      }
    }
    if (q.when === undefined) continue;
    const ast = parse(q.when, [...qPath.get(q.id)!, 'when']);
    if (!ast) continue;
    when.set(q.id, ast);
    whenRefs.set(q.id, questionRefs(ast));
  }

  const checks: Questionnaire['checks'] = [];
  const checkIds = new Set<string>();
  (def.checks ?? []).forEach((c, i) => {
    if (checkIds.has(c.id)) at(['checks', i, 'id'], 'def.duplicate-id', { id: c.id, what: 'check' });
    checkIds.add(c.id);
    const r = checkExpression(c.expr, ctx);
    if (!r.ok) r.problems.forEach((p) => at(['checks', i, 'expr'], p.code, { ...p.args, offset: p.offset + 1 }));
    else checks.push({ def: c, ast: r.ast, fields: r.ids.filter((id) => byId.has(id)) });
  });

  const indicators: Questionnaire['indicators'] = [];
  const indicatorIds = new Set<string>();
  (def.indicators ?? []).forEach((ind, i) => {
    if (indicatorIds.has(ind.id)) at(['indicators', i, 'id'], 'def.duplicate-id', { id: ind.id, what: 'indicator' });
    indicatorIds.add(ind.id);
    const ast = parse(ind.formula, ['indicators', i, 'formula']);
    const flags: [string, Node, string[]][] = [];
    for (const [name, src] of Object.entries(ind.flags ?? {})) {
      const f = parse(src, ['indicators', i, 'flags', name]);
      if (f) flags.push([name, f, idsIn(f)]);
    }
    if (ast) indicators.push({ def: ind, ast, refs: idsIn(ast), flags });
  });

  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds };
  return { questionnaire: { def, questions, byId, sectionOf, when, naWhen, whenRefs, naWhenRefs, checks, indicators }, diagnostics: ds };
}

const idsIn = (ast: Node) => [...new Set(collectRefs(ast).ids.map((i) => i.name))];

type At = (path: (string | number)[], code: MessageCode, args?: Record<string, string | number>, severity?: 'error' | 'warning') => void;

function checkQuestion(q: Question, path: (string | number)[], version: string, subdomains: ReadonlySet<string> | undefined, at: At) {
  if (q.since !== undefined) {
    if (!isVersion(q.since)) at([...path, 'since'], 'def.version-format', { value: q.since });
    else if (isVersion(version) && compareVersions(q.since, version) > 0) at([...path, 'since'], 'def.since-future', { since: q.since, version });
  }
  const needsOptions = q.type === 'level' || q.type === 'single' || q.type === 'multi';
  if (needsOptions && !q.options) at(path, 'def.options-required', { id: q.id, type: q.type });
  if (!needsOptions && q.options) at([...path, 'options'], 'def.options-unexpected', { id: q.id, type: q.type });
  const values = new Set<string>();
  (q.options ?? []).forEach((o, oi) => {
    if (values.has(o.value)) at([...path, 'options', oi, 'value'], 'def.duplicate-id', { id: o.value, what: 'option' });
    values.add(o.value);
  });
  if (q.type === 'level') {
    const levels = (q.options ?? []).map((o) => o.level);
    const missing = [0, 1, 2, 3, 4, 5].filter((l) => !levels.includes(l));
    const dup = levels.filter((l, i) => l !== undefined && levels.indexOf(l) !== i);
    if (missing.length || dup.length || levels.includes(undefined))
      at([...path, 'options'], 'def.level-coverage', { id: q.id, missing: missing.join(', ') || '-', duplicate: [...new Set(dup)].join(', ') || '-' });
    (q.options ?? []).forEach((o, oi) => {
      if (!o.description) at([...path, 'options', oi], 'def.level-description', { id: q.id, value: o.value }, 'warning');
    });
  }
  const scored = SCORED_TYPES.has(q.type) || (q.type === 'boolean' && q.level !== undefined);
  if (scored && !q.subdomain) at(path, 'def.subdomain-required', { id: q.id });
  if (q.type === 'requirement' && q.level === undefined) at(path, 'def.level-required', { id: q.id });
  if (q.type === 'boolean' && q.subdomain && q.level === undefined) at(path, 'def.level-required', { id: q.id });
  if (q.level !== undefined && q.type !== 'requirement' && q.type !== 'boolean') at([...path, 'level'], 'def.level-unexpected', { id: q.id, type: q.type });
  if (q.subdomain && !scored) at([...path, 'subdomain'], 'def.subdomain-unused', { id: q.id, type: q.type }, 'warning');
  if (q.subdomain && subdomains && !subdomains.has(q.subdomain))
    at([...path, 'subdomain'], 'def.unknown-subdomain', { id: q.subdomain, known: [...subdomains].join(', ') });
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) at([...path, 'min'], 'def.range', { min: q.min, max: q.max });
  if ((q.min !== undefined || q.max !== undefined || q.integer) && q.type !== 'number' && q.type !== 'percent')
    at(path, 'def.range-unexpected', { id: q.id, type: q.type });
  if (q.unitChoices) {
    // other units of a figure: for a number question that has a unit of its own, each named once
    if (q.type !== 'number' || !q.unit) at([...path, 'unitChoices'], 'def.unit-choices-unexpected', { id: q.id });
    const seen = q.unit ? [q.unit] : [];
    q.unitChoices.forEach((c, ci) => {
      if (seen.some((u) => isQuestionUnit(c.unit.zh, u) || isQuestionUnit(c.unit.en, u))) at([...path, 'unitChoices', ci, 'unit'], 'def.unit-choice-duplicate', { id: q.id, unit: c.unit.zh });
      seen.push(c.unit);
    });
  }
  if (q.statement) {
    // a yes/no question states each answer (yes, no); any other type names what its answer is of (a label)
    const yesNo = 'yes' in q.statement;
    if (q.type === 'boolean' && !yesNo) at([...path, 'statement'], 'def.statement-yes-no', { id: q.id });
    if (q.type !== 'boolean' && yesNo) at([...path, 'statement'], 'def.statement-label', { id: q.id, type: q.type });
  }
  for (const v of q.exclusive ?? []) if (!values.has(v)) at([...path, 'exclusive'], 'def.unknown-option', { id: v, question: q.id });
  if (q.exclusive && q.type !== 'multi') at([...path, 'exclusive'], 'def.exclusive-unexpected', { id: q.id });
}

/** The ids of the questions marked confidential (those the programme office never reads), once per questionnaire. */
export function confidentialQuestionIds(q: Questionnaire): ReadonlySet<string> {
  let set = confidentialSets.get(q);
  if (!set) confidentialSets.set(q, (set = new Set(q.questions.filter((x) => x.confidential).map((x) => x.id))));
  return set;
}
const confidentialSets = new WeakMap<Questionnaire, ReadonlySet<string>>();
