import type { MessageCode } from '../messages/catalogue.js';
import { normaliseAnswer, type Resolved } from './answer-value.js';
import { isValidCreditCode } from './credit-code.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { BASE_FUNCTIONS, evaluate, truthy, type FunctionSpec, type Scope, type Value } from './expression/evaluate.js';
import type { Node } from './expression/parse.js';
import type { Questionnaire } from './questionnaire.js';
import type { Source } from './source.js';
import type { AnswerFile, Question } from './types.js';
import { compareVersions } from './versions.js';

/**
 * Who sees a question: `visible`; `tailored` out by the industry type; `gated` by another answer (counts as not
 * satisfied, so a weaker answer never raises a score); `na` when its condition fails because a question it depends
 * on was answered n/a (a follow-up of something that does not apply does not apply either); `not-asked` when it is
 * newer than the file's questionnaire version; `not-in-mode` when the file's interview mode (express) does not ask it.
 */
export type Visibility = 'visible' | 'tailored' | 'gated' | 'na' | 'not-asked' | 'not-in-mode';

/** An answer file resolved against its questionnaire: canonical values and who sees what. */
export interface Answers {
  file: AnswerFile;
  resolved: ReadonlyMap<string, Resolved>;
  visibility: ReadonlyMap<string, Visibility>;
}

const UNANSWERED: Resolved = { status: 'unanswered', value: null };

/** Variables and functions for questionnaire expressions over (possibly partial) answers. */
export function answerScope(file: AnswerFile, resolved: ReadonlyMap<string, Resolved>, hidden?: (id: string) => boolean): Scope {
  const respondent = file.respondent as unknown as Record<string, unknown>;
  const functions = new Map<string, FunctionSpec>(BASE_FUNCTIONS);
  const status = (id: unknown) => (typeof id === 'string' && !hidden?.(id) ? (resolved.get(id)?.status ?? 'unanswered') : 'unanswered');
  functions.set('answered', { min: 1, max: 1, fn: ([id]) => status(id) !== 'unanswered' });
  functions.set('na', { min: 1, max: 1, fn: ([id]) => status(id) === 'na' });
  functions.set('unknown', { min: 1, max: 1, fn: ([id]) => status(id) === 'unknown' });
  return {
    functions,
    get(name) {
      const r = resolved.get(name);
      if (r) return hidden?.(name) ? null : (r.value as Value);
      if (Object.prototype.hasOwnProperty.call(respondent, name)) {
        const v = respondent[name];
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      }
      return undefined;
    },
  };
}

/** Which questions the respondent sees, given the industry type, the answers and the file's version. */
export function computeVisibility(q: Questionnaire, file: AnswerFile, resolved: ReadonlyMap<string, Resolved>): Map<string, Visibility> {
  const out = new Map<string, Visibility>();
  const fileVersion = file.version;
  const visiting = new Set<string>();
  const hidden = (id: string): boolean => {
    const v = visit(id);
    return v !== 'visible';
  };
  /** Answered n/a, or itself n/a because what it follows up is. */
  const notApplicable = (id: string): boolean => resolved.get(id)?.status === 'na' || visit(id) === 'na';
  const scope = answerScope(file, resolved, hidden);
  function visit(id: string): Visibility {
    const known = out.get(id);
    if (known) return known;
    const question = q.byId.get(id);
    if (!question) return 'visible';
    if (visiting.has(id)) return 'gated'; // a cycle of conditions: treat as hidden
    visiting.add(id);
    let v: Visibility = 'visible';
    if (fileVersion && question.since && compareVersions(question.since, fileVersion) > 0) v = 'not-asked';
    else if (file.mode && question.modes && !question.modes.includes(file.mode)) v = 'not-in-mode';
    else if (question.industries && !question.industries.includes(file.respondent.industry)) v = 'tailored';
    else if (q.naWhen.has(id) && truthy(evaluate(q.naWhen.get(id)!, scope))) v = 'na';
    else {
      const cond = q.when.get(id);
      if (cond && !truthy(evaluate(cond, scope))) v = (q.whenRefs.get(id) ?? []).some(notApplicable) ? 'na' : 'gated';
    }
    visiting.delete(id);
    out.set(id, v);
    return v;
  }
  for (const question of q.questions) visit(question.id);
  return out;
}

function valueDiag(source: Source, id: string, n: { error: MessageCode; args: Record<string, string | number>; at?: number }): Diagnostic {
  const path = n.at === undefined ? ['answers', id] : ['answers', id, n.at];
  return diag(n.error, source.file, source.locate(path), n.args, 'error', path);
}

/** Each answer's own problems (type, option, range), without visibility or cross-field checks. */
export function answerValueProblems(q: Questionnaire, raw: Record<string, unknown>, source: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const question = q.byId.get(id);
    if (!question) continue;
    const n = normaliseAnswer(question, value);
    if ('error' in n) out.push(valueDiag(source, id, n));
  }
  return out;
}

/** Optional respondent fields left blank (null) in a filled-in template mean "not given". Mutates parsed data. */
export function dropEmptyRespondentFields(data: unknown): void {
  const r = (data as { respondent?: unknown } | null)?.respondent;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return;
  const rec = r as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (rec[k] === null && k !== 'company' && k !== 'industry') delete rec[k];
}

/** Resolve and check an answer file; partial files are valid drafts. */
export function resolveAnswers(q: Questionnaire, source: Source): { answers?: Answers; diagnostics: Diagnostic[] } {
  const file = source.data as AnswerFile;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number>, severity: 'error' | 'warning' = 'error') =>
    ds.push(diag(code, source.file, source.locate(path), args, severity, path));

  if (file.questionnaire !== q.def.id) {
    at(['questionnaire'], 'answers.questionnaire-mismatch', { found: file.questionnaire, expected: q.def.id });
    return { diagnostics: ds };
  }
  if (file.version !== undefined && compareVersions(file.version, q.def.version) > 0) {
    at(['version'], 'answers.version-newer', { found: file.version, expected: q.def.version });
  }
  if (file.respondent.company.trim() === '') at(['respondent', 'company'], 'answers.company-missing', {}, 'warning');
  const code = file.respondent.credit_code;
  if (code !== undefined && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && !isValidCreditCode(code)) {
    at(['respondent', 'credit_code'], 'answers.credit-code-checksum', { value: code });
  }

  const resolved = new Map<string, Resolved>();
  const raw = file.answers ?? {};
  for (const [id, value] of Object.entries(raw)) {
    const question = q.byId.get(id);
    if (!question) {
      at(['answers', id], 'answers.unknown-question', { id }, 'warning');
      continue;
    }
    const n = normaliseAnswer(question, value);
    if ('error' in n) ds.push(valueDiag(source, id, n));
    else resolved.set(id, n);
  }
  for (const question of q.questions) if (!resolved.has(question.id)) resolved.set(question.id, UNANSWERED);

  const visibility = computeVisibility(q, file, resolved);
  for (const [id, r] of resolved) {
    const v = visibility.get(id);
    if (r.status !== 'unanswered' && v && v !== 'visible' && !(v === 'na' && r.status === 'na')) at(['answers', id], 'answers.hidden-answered', { id, reason: v }, 'warning');
  }
  for (const id of Object.keys(file.notes ?? {})) {
    if (!q.byId.has(id)) at(['notes', id], 'answers.unknown-question', { id }, 'warning');
  }
  ds.push(...crossFieldProblems(q, file, resolved, visibility).map((p) => diag(p.code, source.file, source.locate(['answers', p.field]), p.args, 'error', ['answers', p.field])));

  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds };
  return { answers: { file, resolved, visibility }, diagnostics: ds };
}

export interface CrossFieldProblem {
  code: 'answers.check';
  check: string;
  field: string;
  args: Record<string, string | number>;
}

/** Cross-field checks, evaluated only when every answer they name is a number; one problem per field named. */
export function crossFieldProblems(
  q: Questionnaire,
  file: AnswerFile,
  resolved: ReadonlyMap<string, Resolved>,
  visibility?: ReadonlyMap<string, Visibility>,
): CrossFieldProblem[] {
  const out: CrossFieldProblem[] = [];
  const scope = answerScope(file, resolved);
  for (const c of q.checks) {
    const values = c.fields.map((f) => resolved.get(f)?.value);
    if (c.fields.length === 0 || values.some((v) => typeof v !== 'number')) continue;
    if (visibility && c.fields.some((f) => visibility.get(f) !== 'visible')) continue;
    if (truthy(evaluate(c.ast, scope))) continue;
    const shown = c.fields.map((f, i) => `${f} = ${values[i]}`).join(', ');
    for (const field of c.fields) {
      out.push({ code: 'answers.check', check: c.def.id, field, args: { zh: c.def.message.zh, en: c.def.message.en, values: shown } });
    }
  }
  return out;
}

export const isScoredQuestion = (question: Question) =>
  question.type === 'level' || question.type === 'requirement' || (question.type === 'boolean' && question.level !== undefined);

export type { Node };
