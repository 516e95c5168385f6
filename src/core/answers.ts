import { bilingual, type MessageCode } from '../messages/catalogue.js';
import { normaliseAnswer, type Resolved } from './answer-value.js';
import { questionNamed, questionText, valueDiag } from './answer-words.js';
import { CREDIT_CODE_FORM, isValidCreditCode } from './credit-code.js';
import { diag, type Diagnostic } from './diagnostics.js';
import { BASE_FUNCTIONS, evaluate, truthy, type FunctionSpec, type Scope, type Value } from './expression/evaluate.js';
import { judge } from './expression/kleene.js';
import { collectRefs, type Node } from './expression/parse.js';
import { interned } from './interned.js';
import { QuestionMap } from './question-map.js';
import type { Questionnaire } from './questionnaire.js';
import type { Source } from './source.js';
import { noteText, type AnswerFile, type Question } from './types.js';
import { readDate, toHalfWidth } from './values.js';
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

/**
 * Variables and functions for questionnaire expressions over (possibly partial) answers. `na(q)`: answered n/a, or
 * (`notApplicable`) not applicable by its own `naWhen` or because what it follows up is — a follow-up asked
 * "when not na('product_service_level')" does not apply to a plant the level question does not apply to.
 */
export function answerScope(file: AnswerFile, resolved: ReadonlyMap<string, Resolved>, hidden?: (id: string) => boolean, notApplicable?: (id: string) => boolean): Scope {
  const respondent = file.respondent as unknown as Record<string, unknown>;
  const functions = new Map<string, FunctionSpec>(BASE_FUNCTIONS);
  const status = (id: unknown) => (typeof id === 'string' && !hidden?.(id) ? (resolved.get(id)?.status ?? 'unanswered') : 'unanswered');
  functions.set('answered', { min: 1, max: 1, fn: ([id]) => status(id) !== 'unanswered' });
  functions.set('na', { min: 1, max: 1, fn: ([id]) => status(id) === 'na' || (notApplicable !== undefined && typeof id === 'string' && notApplicable(id)) });
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

/** What visibility needs of a questionnaire, prepared once per questionnaire (batch resolves thousands of files). */
interface Prepared {
  /** The question ids in questionnaire order, interned (src/core/interned.ts): the keys every plant's maps are built on. */
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Whether a question has a condition (`when` or `naWhen`) to evaluate per plant. */
  conditional: boolean[];
  /** Level questions: option value → level. */
  optionLevel: ReadonlyMap<string, ReadonlyMap<unknown, number | undefined>>;
  /** Per file version × interview mode × industry type: each question's reason to be left out regardless of answers. */
  fixed: Map<string, (Visibility | undefined)[]>;
  /** Per question: the questions whose visibility may depend on its answer (their conditions read it, or read one of them). */
  dependents: Map<string, ReadonlySet<string>>;
  /** The questionnaire's internalNoteMarkers, each with its lower-case form (compared with a note lower-cased once). */
  markers: readonly { word: string; lower: string }[];
  /** Question id → the questions whose conditions read it (built on first use). */
  readers?: Map<string, string[]>;
}
const prepared = new WeakMap<Questionnaire, Prepared>();

function prepare(q: Questionnaire): Prepared {
  let p = prepared.get(q);
  if (!p) {
    const optionLevel = new Map<string, Map<unknown, number | undefined>>();
    for (const question of q.questions) {
      if (question.type !== 'level') continue;
      const levels = new Map<unknown, number | undefined>();
      for (const o of question.options ?? []) if (!levels.has(o.value)) levels.set(o.value, o.level); // the first option with a value, as find() gives
      optionLevel.set(question.id, levels);
    }
    const ids = q.questions.map((question) => interned(question.id));
    p = {
      ids,
      index: new Map(ids.map((id, i) => [id, i])),
      conditional: q.questions.map((question) => q.naWhen.has(question.id) || q.when.has(question.id)),
      optionLevel,
      markers: (q.def.internalNoteMarkers ?? []).map((word) => ({ word, lower: word.toLowerCase() })),
      fixed: new Map(),
      dependents: new Map(),
    };
    prepared.set(q, p);
  }
  return p;
}

/** Each question's reason to be left out that does not depend on the answers: newer than the file, not in its mode, tailored out. */
function fixedVisibility(q: Questionnaire, p: Prepared, file: AnswerFile): (Visibility | undefined)[] {
  const fileVersion = file.version;
  const mode = file.progress?.mode;
  const industry = file.respondent.industry;
  const key = `${fileVersion ?? ''}\u0000${mode ?? ''}\u0000${industry}`;
  let fixed = p.fixed.get(key);
  if (!fixed) {
    fixed = q.questions.map((question): Visibility | undefined => {
      if (fileVersion && question.since && compareVersions(question.since, fileVersion) > 0) return 'not-asked';
      if (mode && question.modes && !question.modes.includes(mode)) return 'not-in-mode';
      if (question.industries && !question.industries.includes(industry)) return 'tailored';
      return undefined;
    });
    // file versions and industries come from the files: keep the table small whatever they hold
    if (p.fixed.size >= 64) p.fixed.clear();
    p.fixed.set(key, fixed);
  }
  return fixed;
}

/** The questions whose visibility may depend on the answer to `id`: their `when` or `naWhen` reads it, or reads one of them. */
export function dependentsOf(q: Questionnaire, id: string): ReadonlySet<string> {
  const p = prepare(q);
  let deps = p.dependents.get(id);
  if (!deps) {
    // who reads each question in a condition, once per questionnaire
    p.readers ??= new Map();
    if (!p.readers.size)
      for (const refs of [q.whenRefs, q.naWhenRefs])
        for (const [reader, ids] of refs)
          for (const ref of ids) {
            const list = p.readers.get(ref) ?? [];
            list.push(reader);
            p.readers.set(ref, list);
          }
    const found = new Set<string>();
    const queue = [id];
    while (queue.length) {
      for (const reader of p.readers.get(queue.pop()!) ?? []) {
        if (found.has(reader)) continue;
        found.add(reader);
        queue.push(reader);
      }
    }
    p.dependents.set(id, (deps = found));
  }
  return deps;
}

/** The questions whose visibility may depend on any of `ids` (the union of their dependents). */
function dependentsOfAll(q: Questionnaire, ids: readonly string[]): ReadonlySet<string> {
  if (ids.length === 1) return dependentsOf(q, ids[0]!);
  const all = new Set<string>();
  for (const id of ids) for (const d of dependentsOf(q, id)) all.add(d);
  return all;
}

/**
 * Whether a question the plant's own answers hide (`gated`) is settled by them: its condition is false whatever the
 * answers nobody gave ("don't know", unanswered) would be. Every question the condition reads is given, or the parts
 * that read given ones already decide it: a follow-up asked "when has_mes and mes_scope != 'all'" is settled by
 * has_mes = no, whatever mes_scope would be. The plant's own fields (industry, sector…) count as given.
 */
export function hiddenSettled(q: Questionnaire, answers: Answers, id: string): boolean {
  const given = (ref: string) => answers.resolved.get(ref)?.status === 'answered';
  const refs = q.whenRefs.get(id) ?? [];
  if (refs.every(given)) return true;
  // nothing it reads is given: nothing settles it (a plant that answered little, as a batch's minimal files, has many)
  if (!refs.some(given)) return false;
  const when = q.when.get(id);
  if (!when) return false;
  // a part is known when every question it reads, as a variable or by name (answered('…'), na('…')), is given
  const known = (node: Node) => {
    const r = collectRefs(node);
    return r.ids.every((x) => !q.byId.has(x.name) || given(x.name)) && r.calls.every((c) => !(c.args[0]?.t === 'lit' && typeof c.args[0].v === 'string' && q.byId.has(c.args[0].v)) || given(c.args[0].v));
  };
  const scope = answerScope(answers.file, answers.resolved, (ref) => (answers.visibility.get(ref) ?? 'visible') !== 'visible', (ref) => answers.visibility.get(ref) === 'na');
  return judge(when, scope, { known }) === false;
}

/** The question ids in questionnaire order every plant's answer and visibility maps are built on (QuestionMap.ids). */
export const questionIds = (q: Questionnaire): readonly string[] => prepare(q).ids;

/**
 * Which questions the respondent sees, given the industry type, the answers and the file's version. `after`: the
 * answers differ from those `before` was computed for in the question(s) `changed` only, so only the questions
 * that depend on them are looked at again (the one-step changes of sensitivity, the projects of a plan phase).
 */
export function computeVisibility(q: Questionnaire, file: AnswerFile, resolved: ReadonlyMap<string, Resolved>, after?: { before: ReadonlyMap<string, Visibility>; changed: string | readonly string[] }): ReadonlyMap<string, Visibility> {
  const p = prepare(q);
  const out = new QuestionMap<Visibility>(p.ids, p.index);
  const fixed = fixedVisibility(q, p, file);
  const again = after ? dependentsOfAll(q, typeof after.changed === 'string' ? [after.changed] : after.changed) : undefined;
  const visiting = new Uint8Array(p.ids.length);
  const hidden = (id: string): boolean => {
    const v = visit(id);
    return v !== 'visible';
  };
  /** Answered n/a, or itself n/a because what it follows up is. */
  const notApplicable = (id: string): boolean => resolved.get(id)?.status === 'na' || visit(id) === 'na';
  const scope = answerScope(file, resolved, hidden, (id) => visit(id) === 'na');
  function visit(id: string): Visibility {
    const i = p.index.get(id);
    return i === undefined ? 'visible' : visitAt(i);
  }
  function visitAt(i: number): Visibility {
    const known = out.at(i);
    if (known) return known;
    const id = p.ids[i]!;
    const unchanged = again && !again.has(id) ? after!.before.get(id) : undefined;
    if (unchanged) {
      out.setAt(i, unchanged);
      return unchanged;
    }
    const f = fixed[i];
    if (f !== undefined || !p.conditional[i]) {
      // nothing to evaluate (so never on the stack of a cycle)
      const v = f ?? 'visible';
      out.setAt(i, v);
      return v;
    }
    if (visiting[i]) return 'gated'; // a cycle of conditions: treat as hidden
    visiting[i] = 1;
    let v: Visibility = 'visible';
    if (q.naWhen.has(id) && truthy(evaluate(q.naWhen.get(id)!, scope))) v = 'na';
    else {
      const cond = q.when.get(id);
      if (cond && !truthy(evaluate(cond, scope))) v = (q.whenRefs.get(id) ?? []).some(notApplicable) ? 'na' : 'gated';
    }
    visiting[i] = 0;
    out.setAt(i, v);
    return v;
  }
  for (let i = 0; i < p.ids.length; i++) visitAt(i);
  return out;
}

/** Optional respondent fields left blank (null) in a filled-in template mean "not given". Mutates parsed data. */
export function dropEmptyRespondentFields(data: unknown): void {
  const r = (data as { respondent?: unknown } | null)?.respondent;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return;
  const rec = r as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (rec[k] === null && k !== 'company' && k !== 'industry') delete rec[k];
}

/**
 * Read the respondent fields people type in many forms, before the shape check, so that every channel accepts
 * the same: the date through the one date reader (2026/11/3, 2026年11月3日 … → 2026-11-03, calendar-checked), the
 * credit code in capitals, the enterprise class as a capital letter. A value that cannot be read is taken out of
 * the data (so that the shape check does not repeat it as a pattern) and reported in words. Mutates parsed data.
 */
export function readRespondentValues(source: Source): Diagnostic[] {
  const r = (source.data as { respondent?: unknown } | null)?.respondent;
  if (!r || typeof r !== 'object' || Array.isArray(r)) return [];
  const rec = r as Record<string, unknown>;
  const ds: Diagnostic[] = [];
  const refuse = (key: string, code: MessageCode, args: Record<string, string | number>) => {
    const path = ['respondent', key];
    ds.push(diag(code, source.file, source.locate(path), { ...args, field: `respondent.${key}` }, 'error', path));
    delete rec[key];
  };
  if (rec.date !== undefined) {
    const d = readDate(rec.date);
    if (d.ok) rec.date = d.value;
    else refuse('date', d.code, d.args);
  }
  if (typeof rec.credit_code === 'string') {
    const code = toHalfWidth(rec.credit_code).trim().toUpperCase();
    if (CREDIT_CODE_FORM.test(code)) rec.credit_code = code;
    else refuse('credit_code', 'value.credit-code-form', { value: rec.credit_code.length > 60 ? rec.credit_code.slice(0, 57) + '...' : rec.credit_code });
  }
  if (typeof rec.enterprise_class === 'string') {
    const m = /^\s*([a-d])\s*类?\s*$/i.exec(toHalfWidth(rec.enterprise_class));
    if (m) rec.enterprise_class = m[1]!.toUpperCase();
  }
  return ds;
}

/** The nearest question id to a misspelt one (edit distance at most a third of its length, at least 2), if any. */
export function nearestQuestionId(q: Questionnaire, id: string): string | undefined {
  const limit = Math.max(2, Math.floor(id.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const question of q.questions) {
    if (Math.abs(question.id.length - id.length) > limit) continue;
    const d = editDistance(id.toLowerCase(), question.id, bestDistance);
    if (d < bestDistance) {
      best = question.id;
      bestDistance = d;
    }
  }
  return best;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), giving up above `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Resolve and check an answer file; partial files are valid drafts. */
export function resolveAnswers(q: Questionnaire, source: Source): { answers?: Answers; diagnostics: Diagnostic[] } {
  const file = source.data as AnswerFile;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number>, severity: 'error' | 'warning' = 'error') =>
    ds.push(diag(code, source.file, source.locate(path), args, severity, path));

  // An unknown id is pointed at where it is written (the key), with the nearest known id when there is one. An
  // answer under a misspelt id is an error: left out silently, it would change the score and the plan (a budget
  // band read as undecided). A misspelt note, or an id like no question, stays a warning.
  const unknownId = (path: [string, string], id: string) => {
    const suggestion = nearestQuestionId(q, id);
    const where = source.locate([path[0]], id);
    const note = path[0] === 'notes';
    if (suggestion && !note) ds.push(diag('answers.misspelt-question', source.file, where, { id, suggestion }, 'error', path));
    else if (suggestion) ds.push(diag('answers.unknown-note-suggest', source.file, where, { id, suggestion }, 'warning', path));
    else ds.push(diag(note ? 'answers.unknown-note' : 'answers.unknown-question', source.file, where, { id }, 'warning', path));
  };

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

  const { ids, index } = prepare(q);
  const resolved = new QuestionMap<Resolved>(ids, index);
  const raw = file.answers ?? {};
  let rejected: string[] | undefined;
  // Object.keys, not Object.entries: an answers object has hundreds of keys (dictionary mode, where entries is ~8× slower)
  for (const id of Object.keys(raw)) {
    const value = raw[id];
    const i = index.get(id); // keyed by the interned ids, as the file's keys are: compared by identity
    const question = i === undefined ? undefined : q.questions[i];
    if (!question) {
      unknownId(['answers', id], id);
      continue;
    }
    const n = normaliseAnswer(question, value);
    if ('error' in n) {
      ds.push(valueDiag(source, question, file.respondent?.industry, n));
      (rejected ??= []).push(id);
    } else resolved.setAt(i!, n);
  }
  // the questions whose visibility follows an answer just rejected: hidden or not, that answer decides, not the plant
  // ("has_mes: ture" does not make the MES follow-ups not apply; the error says what to fix)
  const afterRejected = new Set<string>();
  for (const id of rejected ?? []) for (const d of dependentsOf(q, id)) afterRejected.add(d);
  const fromFile = resolved.size; // the file's answers come first in the map, the questions it leaves out after them
  for (let i = 0; i < ids.length; i++) if (resolved.at(i) === undefined) resolved.setAt(i, UNANSWERED);

  const visibility = computeVisibility(q, file, resolved);
  for (let k = 0; k < fromFile; k++) {
    // only an answer can be a hidden answer
    const i = resolved.indexAt(k);
    const id = ids[i]!;
    const r = resolved.at(i)!;
    const v = visibility.get(id);
    if (r.status !== 'unanswered' && v && v !== 'visible' && !(v === 'na' && r.status === 'na') && !afterRejected.has(id)) {
      // the question by its text (as asked of the plant's industry) with its id, as the other per-answer messages
      // (n/a by its own naWhen: said by the answer that makes it so, not as a follow-up of an n/a)
      const by = v === 'na' && q.naWhen.has(id) ? q.byId.get(q.naWhenRefs.get(id)?.[0] ?? '') : undefined;
      const why = by ? bilingual('visibility.na-when', (lang) => ({ question: questionText(by, file.respondent?.industry)[lang] })) : bilingual(`visibility.${v}`);
      at(['answers', id], 'answers.hidden-answered', { ...questionNamed(q.byId.get(id)!, file.respondent?.industry), reason: v, ...why }, 'warning');
    }
  }
  // Level 5 stays a self-rating: it needs a note saying what shows it.
  for (const question of q.questions) {
    if (question.type !== 'level' || visibility.get(question.id) !== 'visible') continue;
    const r = resolved.get(question.id);
    if (r?.status !== 'answered' || prepare(q).optionLevel.get(question.id)?.get(r.value) !== 5) continue;
    const n = noteText(file.notes?.[question.id] ?? undefined);
    if (!n) at(['answers', question.id], 'answers.level5-note', { id: question.id }, 'warning');
  }
  const { markers } = prepare(q);
  for (const id of Object.keys(file.notes ?? {})) {
    if (!q.byId.has(id)) unknownId(['notes', id], id);
    // a note the client report prints that reads as meant for the consultant ("客户保密", "TODO 核实")
    const n = markers.length ? noteText(file.notes![id]) : undefined;
    if (!n || n.internal) continue;
    const text = n.text.toLowerCase();
    const found = markers.find((m) => text.includes(m.lower));
    if (found) at(['notes', id], 'answers.note-looks-internal', { id, word: found.word }, 'warning');
  }
  for (const p of crossFieldProblems(q, file, resolved, visibility)) ds.push(crossFieldDiagnostic(p, source, q, file));

  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds };
  return { answers: { file, resolved, visibility }, diagnostics: ds };
}

export interface CrossFieldProblem {
  code: 'answers.check';
  check: string;
  /** The answers the check names (each with its value), in the order of the check. */
  fields: string[];
  values: number[];
  /** The check's message (`zh`, `en`) and its values in words (`values_zh`, `values_en`: each question's text and answer). */
  args: Record<string, string | number>;
}

/** Whether every one of these answers is a number. */
function allNumbers(fields: readonly string[], resolved: ReadonlyMap<string, Resolved>): boolean {
  for (let i = 0; i < fields.length; i++) if (typeof resolved.get(fields[i]!)?.value !== 'number') return false;
  return true;
}

/**
 * The values of a failed check in words, in both languages: each answer by its question's text, not its id
 * (「“主要产品的关键工序共有多少道？”填 10」), with where it is when `at` says (a table cell, a line of the file).
 */
function checkValues(q: Questionnaire, file: AnswerFile, fields: readonly string[], values: readonly number[], at?: (i: number) => { cell?: string; line?: number } | undefined): { values_zh: string; values_en: string } {
  // (the question as it was asked: its wording for the plant's industry type, when it has one)
  const industry = file.respondent?.industry;
  const one = (i: number) => {
    const f = fields[i]!;
    const question = q.byId.get(f);
    const text = (industry ? question?.variants?.[industry]?.text : undefined) ?? question?.text ?? { zh: f, en: f };
    const where = at?.(i);
    const place = where?.cell !== undefined ? bilingual('answers.check-at-cell', { cell: where.cell }) : where?.line !== undefined ? bilingual('answers.check-at-line', { line: where.line }) : { zh: '', en: '' };
    return bilingual('answers.check-value', (lang) => ({ question: text[lang], value: String(values[i]), at: place[lang] }));
  };
  const each = fields.map((_, i) => one(i));
  return { values_zh: each.map((t) => t.zh).join('；'), values_en: each.map((t) => t.en).join('; ') };
}

/** Cross-field checks, evaluated only when every answer they name is a number; one problem per check. */
export function crossFieldProblems(
  q: Questionnaire,
  file: AnswerFile,
  resolved: ReadonlyMap<string, Resolved>,
  visibility?: ReadonlyMap<string, Visibility>,
): CrossFieldProblem[] {
  const out: CrossFieldProblem[] = [];
  const scope = answerScope(file, resolved);
  for (const c of q.checks) {
    // every field a number (answered): read one by one, no list of values made for a check that does not apply (an
    // array of numbers, strings or nothing has a different elements kind per plant, and the optimised code meets
    // new maps)
    if (c.fields.length === 0 || !allNumbers(c.fields, resolved)) continue;
    if (visibility && c.fields.some((f) => visibility.get(f) !== 'visible')) continue;
    if (truthy(evaluate(c.ast, scope))) continue;
    const values = c.fields.map((f) => resolved.get(f)!.value as number);
    out.push({ code: 'answers.check', check: c.def.id, fields: [...c.fields], values, args: { zh: c.def.message.zh, en: c.def.message.en, ...checkValues(q, file, c.fields, values) } });
  }
  return out;
}

/**
 * One diagnostic for a failed cross-field check, at the answer that comes first in the file, naming every answer
 * of the check by its question with its value and where it is: in a table, the cell of each (E3); in a file, the
 * line of each answer not on the diagnostic's own line.
 */
export function crossFieldDiagnostic(p: CrossFieldProblem, source: Source, q: Questionnaire, file: AnswerFile): Diagnostic {
  const located = p.fields.map((f) => ({ f, at: source.locate(['answers', f]) }));
  const first = [...located].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)[0]!;
  const where = (i: number) => {
    const { at } = located[i]!;
    if (at.cell !== undefined) return { cell: at.cell };
    return at.line === first.at.line ? undefined : { line: at.line };
  };
  return diag(p.code, source.file, first.at, { ...p.args, ...checkValues(q, file, p.fields, p.values, where) }, 'error', ['answers', first.f]);
}

export const isScoredQuestion = (question: Question) =>
  question.type === 'level' || question.type === 'requirement' || (question.type === 'boolean' && question.level !== undefined);

export type { Node };
