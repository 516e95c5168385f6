import { formatMessage, type MessageCode } from '../messages/catalogue.js';
/**
 * The guided interview as a pure state machine (no I/O): which questions the consultant sees, in which order,
 * where the cursor is, how complete each section is, and how an answer, a note or a respondent field changes the
 * answer file. The shell (src/cli/interview/session.ts) prompts, saves and loops.
 */
import { normaliseAnswer, type Resolved } from './answer-value.js';
import { answerWords } from './answer-words.js';
import { reviewAnswers, type CheckSet } from './checks.js';
import { computeVisibility, crossFieldProblems, type Visibility } from './answers.js';
import type { Questionnaire } from './questionnaire.js';
import type { AnswerFile, AnswerValue, Evidence, EvidenceType, Industry, InterviewMode, Lang, Note, Question, Respondent, Section, Text } from './types.js';
import { formatNumber, readNumber } from './values.js';

/** Cursor values that are not question ids (question ids are snake_case, so these can never clash). */
export const CURSOR_REVIEW = '@review';
export const RESPONDENT_CURSOR_PREFIX = '@respondent.';

/**
 * The respondent steps of the interview, in the order they are asked (defined here once). The date comes first so
 * that a new file is named by the assessment date; `office` is the "add programme-office details?" confirm.
 */
export const RESPONDENT_STEPS = [
  'date',
  'industry',
  'company',
  'site',
  'sector',
  'region',
  'assessor',
  'interviewees',
  'office',
  'credit_code',
  'district',
  'park',
  'above_designated_size',
  'enterprise_class',
  'retrofit_status',
  'retrofit_year',
] as const;
export type RespondentStep = (typeof RESPONDENT_STEPS)[number];
/** Steps after the `office` confirm: asked only when the consultant wants programme-office details. */
export const OFFICE_STEPS: readonly RespondentStep[] = RESPONDENT_STEPS.slice(RESPONDENT_STEPS.indexOf('office') + 1);
/** The details every interview asks (before the `office` confirm). */
export const DETAIL_STEPS: readonly RespondentStep[] = RESPONDENT_STEPS.slice(0, RESPONDENT_STEPS.indexOf('office'));

export const respondentCursor = (step: RespondentStep) => `${RESPONDENT_CURSOR_PREFIX}${step}`;
export function respondentStepOf(cursor: string | undefined): RespondentStep | undefined {
  if (!cursor?.startsWith(RESPONDENT_CURSOR_PREFIX)) return undefined;
  const step = cursor.slice(RESPONDENT_CURSOR_PREFIX.length);
  return (RESPONDENT_STEPS as readonly string[]).includes(step) ? (step as RespondentStep) : undefined;
}
export function nextRespondentStep(step: RespondentStep): RespondentStep | undefined {
  return RESPONDENT_STEPS[RESPONDENT_STEPS.indexOf(step) + 1];
}

const UNANSWERED: Resolved = { status: 'unanswered', value: null };

/** The interview's view of one moment: resolved answers, visibility, and the visible questions in scope. */
export interface Snapshot {
  resolved: ReadonlyMap<string, Resolved>;
  visibility: ReadonlyMap<string, Visibility>;
  /** Sections the interview covers (the --sections filter, or all), in questionnaire order. */
  sections: Section[];
  /** Visible questions of those sections that the interview mode asks, in questionnaire order. */
  order: Question[];
  /** The questions of a section the interview asks now (visible, in the mode). */
  asked(section: Section): Question[];
}
/** Resolve answers leniently: a value that does not normalise is treated as unanswered (the interview re-asks it). */
export function resolveLeniently(q: Questionnaire, file: AnswerFile): Map<string, Resolved> {
  const resolved = new Map<string, Resolved>();
  const raw = file.answers ?? {};
  for (const question of q.questions) {
    const n = Object.prototype.hasOwnProperty.call(raw, question.id) ? normaliseAnswer(question, raw[question.id]) : UNANSWERED;
    resolved.set(question.id, 'error' in n ? UNANSWERED : n);
  }
  return resolved;
}

/** Unknown section ids in a --sections list (empty when all are known). */
export function unknownSections(q: Questionnaire, sections: readonly string[]): string[] {
  const known = new Set(q.def.sections.map((s) => s.id));
  return sections.filter((s) => !known.has(s));
}

/** Parse `--sections a,b , c` into ids (deduplicated, order kept). */
export function parseSectionList(value: string): string[] {
  const out: string[] = [];
  for (const s of value.split(/[,，;；\s]+/)) if (s && !out.includes(s)) out.push(s);
  return out;
}

/** Does the interview mode ask this question? (A question without `modes` is asked in both.) */
export const inMode = (question: Question, mode: InterviewMode | undefined) => !mode || !question.modes || question.modes.includes(mode);

export function snapshot(q: Questionnaire, file: AnswerFile, sections?: readonly string[], mode?: InterviewMode): Snapshot {
  const resolved = resolveLeniently(q, file);
  // What is visible follows the mode this interview runs in (a file resumed in another mode than it was saved in).
  const visibility = computeVisibility(q, mode ? { ...file, progress: { ...file.progress, mode } } : file, resolved);
  const scope = sections && sections.length ? new Set(sections) : undefined;
  const inScope = q.def.sections.filter((s) => !scope || scope.has(s.id));
  const asked = (s: Section) => s.questions.filter((question) => visibility.get(question.id) === 'visible' && inMode(question, mode));
  const order: Question[] = inScope.flatMap(asked);
  return { resolved, visibility, sections: inScope, order, asked };
}

/**
 * The interview mode: the one asked for; else the one saved in the file; else express for a new interview (about
 * an hour) and full for a file made without a mode (by a template, a table or an older version, which asked all).
 */
export function interviewMode(file: AnswerFile | undefined, requested?: InterviewMode): InterviewMode {
  return requested ?? file?.progress?.mode ?? (file ? 'full' : 'express');
}

const isAnswered = (snap: Snapshot, id: string) => (snap.resolved.get(id)?.status ?? 'unanswered') !== 'unanswered';

/** Position of every question of the questionnaire (the order the interview walks in). */
function position(q: Questionnaire, id: string): number {
  return q.questions.findIndex((x) => x.id === id);
}

/** The next visible question in scope after `id` (which may itself be hidden now), or undefined at the end. */
export function nextQuestion(q: Questionnaire, snap: Snapshot, id: string | undefined): Question | undefined {
  if (id === undefined) return snap.order[0];
  const at = position(q, id);
  return snap.order.find((x) => position(q, x.id) > at);
}

/** The visible question in scope before `id`, or undefined at the start. */
export function previousQuestion(q: Questionnaire, snap: Snapshot, id: string): Question | undefined {
  const at = position(q, id);
  const before = snap.order.filter((x) => position(q, x.id) < at);
  return before[before.length - 1];
}

/**
 * The next unanswered visible question after `id` in scope; with `wrap`, round to the start again. Undefined when
 * none is left.
 */
export function nextUnanswered(q: Questionnaire, snap: Snapshot, id?: string, wrap = true): Question | undefined {
  const at = id === undefined ? -1 : position(q, id);
  const open = snap.order.filter((x) => !isAnswered(snap, x.id));
  return open.find((x) => position(q, x.id) > at) ?? (wrap ? open.find((x) => x.id !== id) : undefined);
}

export function unansweredQuestions(snap: Snapshot): Question[] {
  return snap.order.filter((x) => !isAnswered(snap, x.id));
}

export type Resume =
  | { kind: 'respondent'; step: RespondentStep }
  | { kind: 'question'; question: Question; saved: boolean }
  | { kind: 'review' };

/**
 * Where a (re)opened interview continues: the saved cursor when it is still a visible question in scope; the
 * next visible question after it when it has been hidden since; the respondent step it names; the review.
 * Without a cursor: the first unanswered question, or the review when everything is answered.
 */
export function resumePoint(q: Questionnaire, file: AnswerFile, snap: Snapshot): Resume {
  const cursor = file.progress?.cursor ?? undefined;
  const step = respondentStepOf(cursor);
  if (step) return { kind: 'respondent', step };
  if (cursor === CURSOR_REVIEW) return { kind: 'review' };
  if (cursor && q.byId.has(cursor) && snap.sections.some((s) => s.questions.some((x) => x.id === cursor))) {
    if (snap.order.some((x) => x.id === cursor)) return { kind: 'question', question: q.byId.get(cursor)!, saved: true };
    const next = nextQuestion(q, snap, cursor);
    return next ? { kind: 'question', question: next, saved: true } : { kind: 'review' };
  }
  const first = unansweredQuestions(snap)[0];
  return first ? { kind: 'question', question: first, saved: false } : { kind: 'review' };
}

export interface SectionProgress {
  id: string;
  title: Text;
  /** Visible questions answered (`unknown` and `n/a` count: the consultant dealt with them). */
  answered: number;
  visible: number;
}

export function sectionProgress(snap: Snapshot): SectionProgress[] {
  return snap.sections.map((s) => {
    const visible = snap.asked(s);
    return { id: s.id, title: s.title, answered: visible.filter((x) => isAnswered(snap, x.id)).length, visible: visible.length };
  });
}

export function overallProgress(snap: Snapshot): { answered: number; total: number } {
  return { answered: snap.order.filter((x) => isAnswered(snap, x.id)).length, total: snap.order.length };
}

/** Where a question sits: its section, its place among the section's visible questions, and overall progress. */
export interface Place {
  section: Section;
  index: number;
  count: number;
  answered: number;
  total: number;
}
export function placeOf(q: Questionnaire, snap: Snapshot, id: string): Place | undefined {
  const sectionId = q.sectionOf.get(id);
  const section = snap.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const visible = snap.asked(section);
  return { section, index: visible.findIndex((x) => x.id === id) + 1, count: visible.length, ...overallProgress(snap) };
}

/** Where to go when the consultant picks a section in the menu: its first unanswered question, else its first. */
export function sectionEntry(snap: Snapshot, sectionId: string): Question | undefined {
  const section = snap.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const visible = snap.asked(section);
  return visible.find((x) => !isAnswered(snap, x.id)) ?? visible[0];
}

/** The wording for the plant's industry type (`variants[industry]`), else the question's own. */
export function questionWording(question: Question, industry: Industry | undefined): { text: Text; help: Text } {
  const v = industry ? question.variants?.[industry] : undefined;
  return { text: v?.text ?? question.text, help: v?.help ?? question.help };
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

/** What the consultant gave: a value (typed text or a chosen value), `unknown`, or `n/a`. */
export type Given = { kind: 'value'; raw: unknown } | { kind: 'unknown' } | { kind: 'na' };

export type Checked =
  | { ok: true; stored: AnswerValue; resolved: Resolved }
  | { ok: false; problems: { code: MessageCode; args: Record<string, string | number> }[] };

/**
 * Turn what the interview read into the typed form normaliseAnswer expects. For percentages a bare number above 1
 * is a percentage (50 → 50 %); 0.5 stays a fraction (the prompt asks first: see ambiguousPercent); "50%" is explicit.
 */
export function typedToRaw(question: Question, typed: string): string {
  const s = typed.trim();
  if (question.type !== 'percent') return s;
  const r = readNumber(s);
  if (r.ok && !r.value.percent && r.value.value > 1) return `${s}%`;
  return s;
}

/**
 * A bare number in (0, 1] typed for a percentage is ambiguous: 0.8 may be 0.8 % or 80 %, 1 may be 1 % or 100 %.
 * Returns the number typed when the prompt has to ask which one was meant.
 */
export function ambiguousPercent(question: Question, typed: string): number | undefined {
  if (question.type !== 'percent') return undefined;
  const r = readNumber(typed.trim());
  return r.ok && !r.value.percent && r.value.value > 0 && r.value.value <= 1 ? r.value.value : undefined;
}

/**
 * The warnings an answer just stored raises, in their own words (no check id, no place in the file): its question's
 * plausible range and the consistency checks that name it. The answer stays: a warning asks to check, it does not
 * refuse (the contradictions that refuse are the questionnaire's own checks, in checkAnswer).
 */
export function answerWarnings(q: Questionnaire, file: AnswerFile, id: string, checks: readonly CheckSet[]): Text[] {
  const resolved = resolveLeniently(q, file);
  const visibility = computeVisibility(q, file, resolved);
  return reviewAnswers(checks, q, { file, resolved, visibility }, { question: id })
    .filter((f) => f.severity === 'warning')
    .map((f) => f.message);
}

/**
 * Which reading of an ambiguous percentage (see ambiguousPercent) the question's plausible range allows: `small`
 * (n %), `large` (n × 100 %), or undefined when it has no range or the range allows both or neither — then nothing
 * is offered as the default, so that Enter cannot store a value 100 times off.
 */
export function plausibleReading(question: Question, n: number): 'small' | 'large' | undefined {
  const p = question.plausible;
  if (!p || (p.min === undefined && p.max === undefined)) return undefined;
  const inside = (v: number) => (p.min === undefined || v >= p.min) && (p.max === undefined || v <= p.max);
  const small = inside(n / 100);
  const large = inside(n);
  return small === large ? undefined : small ? 'small' : 'large';
}

/**
 * Check one answer as the interview would store it: well-formed for the question (type, range, options,
 * exclusive choices, n/a allowed) and consistent with the other answers (cross-field checks naming this question).
 */
export function checkAnswer(q: Questionnaire, file: AnswerFile, id: string, given: Given): Checked {
  const question = q.byId.get(id);
  if (!question) return { ok: false, problems: [{ code: 'answers.unknown-question', args: { id } }] };
  if (given.kind === 'unknown') return { ok: true, stored: 'unknown', resolved: { status: 'unknown', value: null } };
  if (given.kind === 'na') {
    if (!question.allowNA) return { ok: false, problems: [{ code: 'answer.na-not-allowed', args: { id } }] };
    return { ok: true, stored: 'n/a', resolved: { status: 'na', value: null } };
  }
  const raw = typeof given.raw === 'string' ? typedToRaw(question, given.raw) : given.raw;
  const n = normaliseAnswer(question, raw);
  // worded as every per-answer problem (answer-words.ts): the question by its text, the options by their labels
  if ('error' in n) return { ok: false, problems: [{ code: n.error, args: answerWords(question, file.respondent?.industry, n.error, n.args) }] };
  if (n.status !== 'answered') return { ok: true, stored: n.status === 'na' ? 'n/a' : n.status === 'unknown' ? 'unknown' : null, resolved: n };
  const candidate = withAnswer(file, id, n.value);
  const resolved = resolveLeniently(q, candidate);
  const visibility = computeVisibility(q, candidate, resolved);
  const problems = crossFieldProblems(q, candidate, resolved, visibility).filter((p) => p.fields.includes(id));
  if (problems.length) return { ok: false, problems: problems.map((p) => ({ code: p.code, args: p.args })) };
  return { ok: true, stored: n.value, resolved: n };
}

export function withAnswer(file: AnswerFile, id: string, value: AnswerValue): AnswerFile {
  return { ...file, answers: { ...(file.answers ?? {}), [id]: value } };
}

/**
 * Set (or, with null, remove) the evidence note of a question. Internal notes are stored as {text, internal: true};
 * an internal part kept beside a client-visible note (`internal_text`, from a merge) stays as it is.
 */
export function withNote(file: AnswerFile, id: string, note: { text: string; internal: boolean } | null): AnswerFile {
  const notes: Record<string, Note | null> = { ...(file.notes ?? {}) };
  const kept = noteOf(file, id)?.internalText;
  if (note === null || note.text.trim() === '') {
    if (kept) notes[id] = { text: '', internal_text: kept };
    else delete notes[id];
  } else {
    const text = note.text.trim();
    notes[id] = kept ? { text, ...(note.internal ? { internal: true } : {}), internal_text: kept } : note.internal ? { text, internal: true } : text;
  }
  const out: AnswerFile = { ...file, notes };
  if (Object.keys(notes).length === 0) delete out.notes;
  return out;
}

export interface NoteParts {
  /** The note's text ('' when it only has an internal part). */
  text: string;
  internal: boolean;
  /** An internal part beside a client-visible text (from a merge). */
  internalText?: string;
}

export function noteOf(file: AnswerFile, id: string): NoteParts | undefined {
  const n = file.notes?.[id];
  if (n === undefined || n === null) return undefined;
  if (typeof n === 'string') return n.trim() ? { text: n, internal: false } : undefined;
  const internalText = n.internal_text?.trim() ? n.internal_text : undefined;
  if (!n.text.trim() && !internalText) return undefined;
  return { text: n.text, internal: n.internal === true, ...(internalText ? { internalText } : {}) };
}

export const EVIDENCE_TYPES: readonly EvidenceType[] = ['document', 'demo', 'observation', 'interview'];

/** Set (or, with null, remove) the evidence record of a question. */
export function withEvidence(file: AnswerFile, id: string, evidence: Evidence | null): AnswerFile {
  const all: Record<string, Evidence | null> = { ...(file.evidence ?? {}) };
  if (evidence === null) delete all[id];
  else all[id] = evidence.ref?.trim() ? { type: evidence.type, ref: evidence.ref.trim() } : { type: evidence.type };
  const out: AnswerFile = { ...file, evidence: all };
  if (Object.keys(all).length === 0) delete out.evidence;
  return out;
}

export function evidenceOf(file: AnswerFile, id: string): Evidence | undefined {
  return file.evidence?.[id] ?? undefined;
}

/** An assessor is named: a consultant's diagnosis; without one the answers are the company's own (a self-assessment). */
export const assessorNamed = (r: Respondent): boolean => Boolean(r.assessor?.trim());

/** Set a respondent field; undefined removes an optional one. */
export function withRespondent<K extends keyof Respondent>(file: AnswerFile, key: K, value: Respondent[K] | undefined): AnswerFile {
  const respondent = { ...file.respondent };
  if (value === undefined) delete respondent[key];
  else respondent[key] = value;
  return { ...file, respondent };
}

export function withProgress(file: AnswerFile, cursor: string | undefined, sections: readonly string[] | undefined, updated?: string, mode?: InterviewMode): AnswerFile {
  const progress: NonNullable<AnswerFile['progress']> = {};
  if (cursor !== undefined) progress.cursor = cursor;
  if (sections && sections.length) progress.sections = [...sections];
  if (updated !== undefined) progress.updated = updated;
  if (mode !== undefined) progress.mode = mode;
  return { ...file, progress };
}

/** A new answer file for the questionnaire, stamped with its version. */
export function newAnswerFile(q: Questionnaire, respondent: Respondent): AnswerFile {
  return { questionnaire: q.def.id, version: q.def.version, respondent, answers: {} };
}

// ---------------------------------------------------------------------------------------------------------------
// Presenting answers

export const SATISFACTIONS = ['full', 'mostly', 'partial', 'none'] as const;
const SATISFACTION_CODES = { full: 'iv.satisfaction-full', mostly: 'iv.satisfaction-mostly', partial: 'iv.satisfaction-partial', none: 'iv.satisfaction-none' } as const;
export const satisfactionLabel = (s: (typeof SATISFACTIONS)[number], lang: Lang) => formatMessage(SATISFACTION_CODES[s], {}, lang);

/** A level option as the interview shows it: its label, with the level in front only when asked for (--show-levels). */
export const levelOptionLabel = (o: { level?: number; label: Text }, lang: Lang, showLevels: boolean) => (showLevels && o.level !== undefined ? `${o.level} · ${o.label[lang]}` : o.label[lang]);

/**
 * A stored answer as the consultant reads it (option labels, "50%", yes/no, unknown, n/a); a number with `unit`, the
 * unit it is in (kpi-units.ts: unitText), else with the question's own.
 */
export function formatAnswer(question: Question, value: AnswerValue | undefined, lang: Lang, showLevels = false, unit?: string): string | undefined {
  const n = normaliseAnswer(question, value);
  if ('error' in n) return value === undefined || value === null ? undefined : String(value);
  const m = (code: MessageCode) => formatMessage(code, {}, lang);
  if (n.status === 'unanswered') return undefined;
  if (n.status === 'unknown') return m('iv.answer-unknown');
  if (n.status === 'na') return m('iv.answer-na');
  const v = n.value;
  const label = (val: unknown) => question.options?.find((o) => o.value === val)?.label[lang] ?? String(val);
  switch (question.type) {
    case 'level': {
      const o = question.options?.find((x) => x.value === v);
      return o ? levelOptionLabel(o, lang, showLevels) : String(v);
    }
    case 'requirement':
      return satisfactionLabel(v as (typeof SATISFACTIONS)[number], lang);
    case 'single':
      return label(v);
    case 'multi':
      return Array.isArray(v) ? v.map(label).join(lang === 'zh' ? '、' : ', ') : String(v);
    case 'boolean':
      return m(v ? 'iv.yes' : 'iv.no');
    case 'percent':
      return `${formatNumber((v as number) * 100)}%`;
    case 'number':
      return `${formatNumber(v as number)}${(unit ?? question.unit?.[lang]) ? ' ' + (unit ?? question.unit?.[lang]) : ''}`;
    case 'text':
      return String(v);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Respondent fields

/** Today's date as YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `设计部 李工; 生产部 赵经理` → two interviewees (`;` or `；`). */
export function parseInterviewees(s: string): string[] {
  return s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Safe file names

