/**
 * Consistency checks (`kind: checks`): conditions over one plant's answers and indicators that reveal answers
 * contradicting each other ("equipment level 2 with a 42 % CNC rate"), and plausibility ranges of numbers. Pure:
 * the caller loads the files; findings are data, located in the answer file when its Source is given.
 */
import { MESSAGES, type MessageCode } from '../messages/catalogue.js';
import { fillTemplate, placeholderNames } from '../messages/template.js';
import { fill as fillWording } from './wording.js';
import { showAnswer, showNumber, showPercent } from './answer-display.js';
import type { Status } from './answer-value.js';
import { answerScope, type Answers } from './answers.js';
import { diag, type Diagnostic, type Located } from './diagnostics.js';
import { checkExpression, type ExpressionContext } from './expression/check.js';
import { evaluate, truthy, type FunctionSpec, type Scope, type Value } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import { computeIndicators } from './indicators.js';
import { inQuestionUnit } from './kpi-units.js';
import { QUESTIONNAIRE_FUNCTIONS, type Questionnaire } from './questionnaire.js';
import type { Source } from './source.js';
import { EXPRESSION_RESPONDENT_FIELDS, type AnswerFile, type AnswerValue, type Lang, type Question, type Text } from './types.js';

export interface CheckDef {
  id: string;
  /** The condition that fires the check: true means the answers contradict each other. */
  when: string;
  severity: 'warning' | 'error';
  /** The question ids whose answers the check names (each is located in the answer file). */
  about: string[];
  /**
   * Those of `about` whose answers the finding puts in doubt (all of them when not given): an indicator or a strength
   * computed from one of these is for reference until the finding is checked. "95 machines networked but no system
   * collects their data" doubts the networking answers, not the plain "no MES".
   */
  doubts?: string[];
  /** `{question_id}` placeholders show that question's answer. */
  message: Text;
}

export interface ChecksDef {
  kind: 'checks';
  id: string;
  questionnaire: string;
  version?: string;
  title?: Text;
  checks: CheckDef[];
}

export interface CompiledCheck {
  def: CheckDef;
  when: Node;
  /** The question ids among the message's `{placeholders}`, listed once when the check is compiled. */
  shows: string[];
}

/** A checks file compiled against its questionnaire. */
export interface CheckSet {
  def: ChecksDef;
  checks: CompiledCheck[];
  byId: ReadonlyMap<string, CompiledCheck>;
}

/** One answer a finding names, as stored and as shown, with its place in the answer file when known. */
export interface FindingAnswer {
  question: string;
  /** `hidden` when the question is not asked of this plant (tailored out, gated, not applicable, newer). */
  status: Status | 'hidden';
  /** The canonical value (null when unanswered, unknown, n/a or hidden). */
  answer: AnswerValue;
  /** The answer as the respondent would recognise it (option labels, percentages, yes/no). */
  shown: Text;
  at?: Located & { path: (string | number)[] };
}

/** A check that fired, or an answer outside its plausible range. */
export interface CheckFinding {
  /** The check id; `plausibility` for a number outside its plausible range. */
  id: string;
  kind: 'check' | 'plausibility';
  severity: 'warning' | 'error';
  about: FindingAnswer[];
  /** The questions whose answers it puts in doubt, when not all of `about` (its check's `doubts`). */
  doubts?: string[];
  /** The message with every placeholder filled, in both languages. */
  message: Text;
  /** The message as written, with its `{question_id}` placeholders. */
  template: Text;
  /** Each placeholder's shown answer. */
  args: Record<string, Text>;
}

export type Satisfaction = 'full' | 'mostly' | 'partial' | 'none';
export const DEFAULT_SATISFACTION: Readonly<Record<Satisfaction, number>> = { full: 1, mostly: 0.8, partial: 0.5, none: 0 };

export interface ReviewOptions {
  /** The answer file's source: findings then carry the line and column of every answer they name. */
  source?: Source;
  /** The scoring profile's satisfaction values for score_of() (default 1 / 0.8 / 0.5 / 0). */
  satisfaction?: Readonly<Record<Satisfaction, number>>;
  /** Only checks (and plausibility) about this question — for the interview, right after it was answered. */
  question?: string;
  /** The plant's indicators when already computed (a scored plant's): indicator() reads them instead of computing them again. */
  indicators?: readonly { id: string; value: Value }[];
}

const stub = () => null;
/** Functions a check condition may call: the questionnaire's, plus levels, requirement scores and indicators. */
export const CHECK_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ...QUESTIONNAIRE_FUNCTIONS,
  ['known', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['level_of', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['score_of', { min: 1, max: 1, literalArg: 'question', fn: stub }],
  ['indicator', { min: 1, max: 1, literalArg: 'indicator', fn: stub }],
]);

export function checkExpressionContext(q: Questionnaire): ExpressionContext {
  const ids = new Set(q.byId.keys());
  return {
    ids: new Set([...ids, ...EXPRESSION_RESPONDENT_FIELDS]),
    functions: CHECK_FUNCTIONS,
    literals: { question: ids, indicator: new Set(q.indicators.map((i) => i.def.id)) },
  };
}

/**
 * Semantic checks after the schema has passed: the questionnaire it is written for, duplicate ids, conditions that
 * parse and name only known questions, functions and indicators, level_of() on level questions and score_of() on
 * requirement questions, `about` ids and message placeholders that are questions.
 */
export function compileChecks(source: Source, q: Questionnaire): { checks?: CheckSet; diagnostics: Diagnostic[] } {
  const def = source.data as ChecksDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'error') =>
    ds.push(diag(code, source.file, source.locate(path), args, severity, path));
  if (def.questionnaire !== q.def.id) at(['questionnaire'], 'checks.questionnaire-mismatch', { found: def.questionnaire, expected: q.def.id });
  const ctx = checkExpressionContext(q);
  const checks: CompiledCheck[] = [];
  const byId = new Map<string, CompiledCheck>();
  const seen = new Set<string>();
  def.checks.forEach((c, i) => {
    const path = ['checks', i];
    if (seen.has(c.id)) at([...path, 'id'], 'def.duplicate-id', { id: c.id, what: 'check' });
    seen.add(c.id);
    const r = checkExpression(c.when, ctx);
    let ok = r.ok;
    if (!r.ok) r.problems.forEach((p) => at([...path, 'when'], p.code, { ...p.args, offset: p.offset + 1 }));
    else {
      for (const call of collectRefs(r.ast).calls) {
        const arg = call.args[0];
        const target = arg?.t === 'lit' && typeof arg.v === 'string' ? q.byId.get(arg.v) : undefined;
        if (!target) continue;
        if (call.name === 'level_of' && target.type !== 'level') {
          at([...path, 'when'], 'checks.level-of-type', { name: target.id, type: target.type, expr: c.when });
          ok = false;
        }
        if (call.name === 'score_of' && target.type !== 'requirement') {
          at([...path, 'when'], 'checks.score-of-type', { name: target.id, type: target.type, expr: c.when });
          ok = false;
        }
      }
    }
    c.about.forEach((id, j) => {
      if (!q.byId.has(id)) {
        at([...path, 'about', j], 'def.unknown-ref', { what: 'question', id });
        ok = false;
      }
    });
    (c.doubts ?? []).forEach((id, j) => {
      if (!c.about.includes(id)) {
        at([...path, 'doubts', j], 'checks.doubts-not-about', { id });
        ok = false;
      }
    });
    for (const name of placeholderNames(c.message)) {
      if (!q.byId.has(name)) {
        at([...path, 'message'], 'checks.unknown-placeholder', { name, questionnaire: q.def.id });
        ok = false;
      } else if (!c.about.includes(name)) at([...path, 'message'], 'checks.placeholder-not-about', { name }, 'warning');
    }
    if (ok && r.ok && !byId.has(c.id)) {
      const compiled = { def: c, when: r.ast, shows: placeholderNames(c.message).filter((name) => q.byId.has(name)) };
      checks.push(compiled);
      byId.set(c.id, compiled);
    }
  });
  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds };
  return { checks: { def, checks, byId }, diagnostics: ds };
}

/**
 * The scope a check condition is evaluated in. Hidden questions (tailored out, gated, not applicable, not asked in
 * the file's version) read as null. `answered(q)`: visible and answered (unknown included); `known(q)`: visible and
 * answered with a value (neither unknown nor n/a), what a check testing the value needs; `unknown(q)`: visible
 * and unknown; `na(q)`: answered n/a, or not applicable because what it follows up is; `level_of(q)`: the 0–5 level
 * of the chosen option; `score_of(q)`: the requirement's satisfaction score; `indicator(id)`: the indicator's value.
 */
export function checkScope(q: Questionnaire, answers: Answers, satisfaction: Readonly<Record<Satisfaction, number>> = DEFAULT_SATISFACTION, computed?: readonly { id: string; value: Value }[]): Scope {
  const visibility = (id: string) => answers.visibility.get(id) ?? 'visible';
  const hidden = (id: string) => visibility(id) !== 'visible';
  const base = answerScope(answers.file, answers.resolved, hidden);
  const statusOf = (id: Value): Status => (typeof id === 'string' && !hidden(id) ? (answers.resolved.get(id)?.status ?? 'unanswered') : 'unanswered');
  const valueOf = (id: Value) => (typeof id === 'string' && statusOf(id) === 'answered' ? answers.resolved.get(id)!.value : null);
  let indicators: Map<string, Value> | undefined;
  const functions = new Map<string, FunctionSpec>(base.functions);
  functions.set('answered', { min: 1, max: 1, fn: ([id]) => statusOf(id!) !== 'unanswered' });
  functions.set('unknown', { min: 1, max: 1, fn: ([id]) => statusOf(id!) === 'unknown' });
  // answered with a value: not "don't know", not n/a (whose value is null, so "does not contain" would hold)
  functions.set('known', { min: 1, max: 1, fn: ([id]) => statusOf(id!) === 'answered' });
  functions.set('na', {
    min: 1,
    max: 1,
    fn: ([id]) => typeof id === 'string' && (visibility(id) === 'na' || (visibility(id) === 'visible' && answers.resolved.get(id)?.status === 'na')),
  });
  functions.set('level_of', {
    min: 1,
    max: 1,
    fn: ([id]) => {
      const v = valueOf(id!);
      const level = typeof id === 'string' && v !== null ? q.byId.get(id)?.options?.find((o) => o.value === v)?.level : undefined;
      return level ?? null;
    },
  });
  functions.set('score_of', {
    min: 1,
    max: 1,
    fn: ([id]) => {
      const v = valueOf(id!);
      return typeof v === 'string' && v in satisfaction ? satisfaction[v as Satisfaction] : null;
    },
  });
  functions.set('indicator', {
    min: 1,
    max: 1,
    fn: ([id]) => {
      indicators ??= new Map((computed ?? computeIndicators(q, answers)).map((r) => [r.id, r.value]));
      return typeof id === 'string' ? (indicators.get(id) ?? null) : null;
    },
  });
  return { functions, get: (name) => base.get(name) };
}

function findingAnswer(q: Questionnaire, answers: Answers, id: string, source: Source | undefined): FindingAnswer {
  const r = answers.resolved.get(id);
  const v = answers.visibility.get(id) ?? 'visible';
  const hidden = v !== 'visible' && !(v === 'na' && r?.status === 'na');
  const path = ['answers', id];
  return {
    question: id,
    status: hidden ? 'hidden' : (r?.status ?? 'unanswered'),
    answer: hidden || !r ? null : r.value,
    shown: showAnswer(q.byId.get(id), r, v),
    // only an answer written in the file has a place in it (locating a missing one would parse the file again for nothing)
    ...(source && writtenIn(source.data, id) ? { at: { ...source.locate(path), path } } : {}),
  };
}

/** Whether the answer file's data has an entry for the question under `answers:`. */
function writtenIn(data: unknown, id: string): boolean {
  const answers = (data as { answers?: unknown } | null)?.answers;
  return typeof answers === 'object' && answers !== null && Object.prototype.hasOwnProperty.call(answers, id);
}

const fill = (template: string, args: Record<string, string>) => fillTemplate(template, (k) => (Object.prototype.hasOwnProperty.call(args, k) ? args[k] : undefined));

/** Run checks over one plant's resolved answers; a check fires when its condition is true. */
export function runChecks(sets: CheckSet | readonly CheckSet[], q: Questionnaire, answers: Answers, opts: ReviewOptions = {}): CheckFinding[] {
  const scope = checkScope(q, answers, opts.satisfaction, opts.indicators);
  const out: CheckFinding[] = [];
  for (const set of Array.isArray(sets) ? (sets as readonly CheckSet[]) : [sets as CheckSet]) {
    for (const c of set.checks) {
      if (opts.question !== undefined && !c.def.about.includes(opts.question)) continue;
      if (!truthy(evaluate(c.when, scope))) continue;
      // pushed, not map()ped: read below and by findingDiagnostics (one elements kind, see result.ts `packed`)
      const about: FindingAnswer[] = [];
      for (const id of c.def.about) about.push(findingAnswer(q, answers, id, opts.source));
      const args: Record<string, Text> = {};
      for (const name of c.shows) args[name] = about.find((a) => a.question === name)?.shown ?? findingAnswer(q, answers, name, undefined).shown;
      out.push({ id: c.def.id, kind: 'check', severity: c.def.severity, about, ...(c.def.doubts ? { doubts: c.def.doubts } : {}), message: fillWording(c.def.message, args), template: c.def.message, args });
    }
  }
  return out;
}

/** How the user thinks of a range: percentages as 0–100 %, numbers with their unit. */
export function plausibleRangeText(question: Question): Text | undefined {
  const p = question.plausible;
  if (!p || (p.min === undefined && p.max === undefined)) return undefined;
  const show = (n: number) => (question.type === 'percent' ? showNumber(n * 100) : showNumber(n));
  const per = (lang: Lang): string => {
    const unit = question.type === 'percent' ? '%' : question.unit ? ` ${question.unit[lang]}` : '';
    if (p.min !== undefined && p.max !== undefined) return fill(MESSAGES['checks.range-between'][lang], { min: show(p.min), max: show(p.max), unit });
    if (p.min !== undefined) return fill(MESSAGES['checks.range-at-least'][lang], { min: show(p.min), unit });
    return fill(MESSAGES['checks.range-at-most'][lang], { max: show(p.max!), unit });
  };
  return { zh: per('zh'), en: per('en') };
}

/** The questions with a plausible range, per questionnaire (a plant's check reads only these). */
const withPlausibleRange = new WeakMap<Questionnaire, readonly Question[]>();

/** An answer outside its question's plausible range, and on which side. */
export interface ImplausibleAnswer {
  question: Question;
  value: number;
  above: boolean;
}

/**
 * The visible numbers and percentages answered outside their question's plausible range, in questionnaire order:
 * the one rule behind the plausibility findings and the batch's exclusions from regional figures.
 */
export function implausibleAnswers(q: Questionnaire, answers: Answers): ImplausibleAnswer[] {
  let list = withPlausibleRange.get(q);
  if (!list) {
    list = q.questions.filter((question) => question.plausible && (question.type === 'number' || question.type === 'percent'));
    withPlausibleRange.set(q, list);
  }
  const out: ImplausibleAnswer[] = [];
  for (const question of list) {
    if ((answers.visibility.get(question.id) ?? 'visible') !== 'visible') continue;
    const r = answers.resolved.get(question.id);
    if (r?.status !== 'answered' || typeof r.value !== 'number') continue;
    // the range is in the question's unit: an answer the file states in another unit is not judged by it
    if (!inQuestionUnit(answers.file, question.id, question.unit)) continue;
    const p = question.plausible!;
    const below = p.min !== undefined && r.value < p.min;
    const above = p.max !== undefined && r.value > p.max;
    if (below || above) out.push({ question, value: r.value, above });
  }
  return out;
}

/**
 * Numbers and percentages outside their question's `plausible` range (a warning: "please check"); values beyond
 * the hard min/max never get here, they are errors when the file is read. A percentage above its range that would
 * fit if it had been meant as a percent (0.8 typed for 0.8 %) says so.
 */
export function plausibilityFindings(q: Questionnaire, answers: Answers, opts: ReviewOptions = {}): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const { question, value: v, above } of implausibleAnswers(q, answers)) {
    if (opts.question !== undefined && question.id !== opts.question) continue;
    const p = question.plausible!;
    const range = plausibleRangeText(question)!;
    const value = question.type === 'percent' ? showPercent(v) : showNumber(v);
    const meant = v / 100;
    const percentHint = question.type === 'percent' && above && (p.min === undefined || meant >= p.min);
    const code: MessageCode = percentHint ? 'checks.implausible-percent' : 'checks.implausible';
    // the question as the plant reads it, never its id (the message reaches the client report)
    const per = (lang: Lang) => fill(MESSAGES[code][lang], { question: question.text[lang], value, range: range[lang], typed: showNumber(v), fraction: showNumber(meant) });
    const about = [findingAnswer(q, answers, question.id, opts.source)];
    out.push({
      id: 'plausibility',
      kind: 'plausibility',
      severity: 'warning',
      about,
      message: { zh: per('zh'), en: per('en') },
      template: { zh: MESSAGES[code].zh, en: MESSAGES[code].en },
      args: { [question.id]: about[0]!.shown },
    });
  }
  return out;
}

/**
 * What the assessor wrote on checking a finding (the file's `confirmed`): by the check's id, or for a figure outside
 * its plausible range by its question's id. Undefined: the finding stands.
 */
export function confirmationOf(file: AnswerFile, f: Pick<CheckFinding, 'id' | 'kind' | 'about'>): string | undefined {
  const key = confirmationKey(f);
  const said = key !== undefined && file.confirmed && Object.prototype.hasOwnProperty.call(file.confirmed, key) ? file.confirmed[key] : undefined;
  return typeof said === 'string' && said.trim() ? said.trim() : undefined;
}

/** The key a finding is confirmed under in the file's `confirmed`: its check's id, a plausibility finding's question id. */
export const confirmationKey = (f: Pick<CheckFinding, 'id' | 'kind' | 'about'>): string | undefined => (f.kind === 'plausibility' ? f.about[0]?.question : f.id);

/**
 * Plausibility, then every check, run once: what `validate`, the reports and batch list for one plant (`open`), and
 * the findings the assessor has confirmed (confirmationOf), each with what was checked, which the report says.
 */
export function reviewFindings(sets: CheckSet | readonly CheckSet[], q: Questionnaire, answers: Answers, opts: ReviewOptions = {}): { open: CheckFinding[]; confirmed: { finding: CheckFinding; note: string }[] } {
  const all = [...plausibilityFindings(q, answers, opts), ...runChecks(sets, q, answers, opts)];
  if (!answers.file.confirmed) return { open: all, confirmed: [] };
  const open: CheckFinding[] = [];
  const confirmed: { finding: CheckFinding; note: string }[] = [];
  for (const f of all) {
    const note = confirmationOf(answers.file, f);
    if (note === undefined) open.push(f);
    else confirmed.push({ finding: f, note });
  }
  return { open, confirmed };
}

/** The findings still open (reviewFindings): what `validate`, the reports and batch list for one plant. */
export const reviewAnswers = (sets: CheckSet | readonly CheckSet[], q: Questionnaire, answers: Answers, opts: ReviewOptions = {}): CheckFinding[] => reviewFindings(sets, q, answers, opts).open;

/** A finding that names a confidential answer: the programme office sees neither its answers nor its message. */
export const isConfidentialFinding = (q: Questionnaire, f: CheckFinding): boolean => f.about.some((a) => q.byId.get(a.question)?.confidential === true);

/**
 * Findings as located diagnostics: at the first answered question a finding names, with every named answer's
 * line and column in the message (both locations of a contradiction).
 */
export function findingDiagnostics(findings: readonly CheckFinding[], file: string): Diagnostic[] {
  // pushed, not map()ped or filtered (one elements kind however V8 runs this: see result.ts, `packed`)
  const out: Diagnostic[] = [];
  for (const f of findings) out.push(findingDiagnostic(f, file));
  return out;
}

/** One finding as a located diagnostic (findingDiagnostics). */
function findingDiagnostic(f: CheckFinding, file: string): Diagnostic {
  const located: FindingAnswer[] = [];
  for (const a of f.about) if (a.at) located.push(a);
  const primary = located.find((a) => a.status !== 'unanswered' && a.status !== 'hidden') ?? located[0];
  const where = { line: primary?.at?.line ?? 1, column: primary?.at?.column ?? 1 };
  if (f.kind === 'plausibility') return diag('checks.plausibility', file, where, { zh: f.message.zh, en: f.message.en }, f.severity, primary?.at?.path);
  const placed: string[] = [];
  for (const a of located) placed.push(`${a.question} ${a.at!.line}:${a.at!.column}`);
  const places = placed.join(', ');
  // the lines alone, for a reader who knows neither the check ids nor the question ids (the batch's problems list)
  const lines = [...new Set(located.map((a) => a.at!.line))].sort((x, y) => x - y).join(', ');
  return diag('checks.finding', file, where, { zh: f.message.zh, en: f.message.en, check: f.id, where: places || '-', lines }, f.severity, primary?.at?.path);
}
