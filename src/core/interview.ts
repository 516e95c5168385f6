import type { MessageCode } from '../messages/catalogue.js';
/**
 * The guided interview as a pure state machine (no I/O): which questions the consultant sees, in which order,
 * where the cursor is, how complete each section is, and how an answer, a note or a respondent field changes the
 * answer file. The shell (src/cli/interview/session.ts) prompts, saves and loops.
 */
import { normaliseAnswer, type Resolved } from './answer-value.js';
import { computeVisibility, crossFieldProblems, type Visibility } from './answers.js';
import type { Questionnaire } from './questionnaire.js';
import type { AnswerFile, AnswerValue, Industry, Lang, Note, Question, Respondent, Section, Text } from './types.js';

/** Cursor values that are not question ids (question ids are snake_case, so these can never clash). */
export const CURSOR_REVIEW = '@review';
export const RESPONDENT_CURSOR_PREFIX = '@respondent.';

/** The respondent steps of the interview, in the order they are asked. `office` is the "add details?" confirm. */
export const RESPONDENT_STEPS = [
  'industry',
  'company',
  'site',
  'sector',
  'region',
  'assessor',
  'interviewees',
  'date',
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
  /** Visible questions of those sections, in questionnaire order. */
  order: Question[];
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

export function snapshot(q: Questionnaire, file: AnswerFile, sections?: readonly string[]): Snapshot {
  const resolved = resolveLeniently(q, file);
  const visibility = computeVisibility(q, file, resolved);
  const scope = sections && sections.length ? new Set(sections) : undefined;
  const inScope = q.def.sections.filter((s) => !scope || scope.has(s.id));
  const order: Question[] = [];
  for (const s of inScope) for (const question of s.questions) if (visibility.get(question.id) === 'visible') order.push(question);
  return { resolved, visibility, sections: inScope, order };
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
    const visible = s.questions.filter((x) => snap.visibility.get(x.id) === 'visible');
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
  const visible = section.questions.filter((x) => snap.visibility.get(x.id) === 'visible');
  return { section, index: visible.findIndex((x) => x.id === id) + 1, count: visible.length, ...overallProgress(snap) };
}

/** Where to go when the consultant picks a section in the menu: its first unanswered question, else its first. */
export function sectionEntry(snap: Snapshot, sectionId: string): Question | undefined {
  const section = snap.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const visible = section.questions.filter((x) => snap.visibility.get(x.id) === 'visible');
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
 * is a percentage (50 → 50 %); 0.5 stays a fraction; "50%" is explicit.
 */
export function typedToRaw(question: Question, typed: string): string {
  const s = typed.trim();
  if (question.type !== 'percent') return s;
  const m = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.exec(s.replace(/,/g, ''));
  if (m && Number(m[0]) > 1) return `${s}%`;
  return s;
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
  if ('error' in n) return { ok: false, problems: [{ code: n.error, args: n.args }] };
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

/** Set (or, with null, remove) the evidence note of a question. Internal notes are stored as {text, internal: true}. */
export function withNote(file: AnswerFile, id: string, note: { text: string; internal: boolean } | null): AnswerFile {
  const notes: Record<string, Note | null> = { ...(file.notes ?? {}) };
  if (note === null || note.text.trim() === '') delete notes[id];
  else notes[id] = note.internal ? { text: note.text.trim(), internal: true } : note.text.trim();
  const out: AnswerFile = { ...file, notes };
  if (Object.keys(notes).length === 0) delete out.notes;
  return out;
}

export function noteOf(file: AnswerFile, id: string): { text: string; internal: boolean } | undefined {
  const n = file.notes?.[id];
  if (n === undefined || n === null) return undefined;
  if (typeof n === 'string') return n.trim() ? { text: n, internal: false } : undefined;
  return { text: n.text, internal: n.internal === true };
}

/** Set a respondent field; undefined removes an optional one. */
export function withRespondent<K extends keyof Respondent>(file: AnswerFile, key: K, value: Respondent[K] | undefined): AnswerFile {
  const respondent = { ...file.respondent };
  if (value === undefined) delete respondent[key];
  else respondent[key] = value;
  return { ...file, respondent };
}

export function withProgress(file: AnswerFile, cursor: string | undefined, sections: readonly string[] | undefined, updated?: string): AnswerFile {
  const progress: NonNullable<AnswerFile['progress']> = {};
  if (cursor !== undefined) progress.cursor = cursor;
  if (sections && sections.length) progress.sections = [...sections];
  if (updated !== undefined) progress.updated = updated;
  return { ...file, progress };
}

/** A new answer file for the questionnaire, stamped with its version. */
export function newAnswerFile(q: Questionnaire, respondent: Respondent): AnswerFile {
  return { questionnaire: q.def.id, version: q.def.version, respondent, answers: {} };
}

// ---------------------------------------------------------------------------------------------------------------
// Presenting answers

const SATISFACTION_LABELS: Record<'full' | 'mostly' | 'partial' | 'none', Text> = {
  full: { zh: '全部满足', en: 'Fully met (全部满足)' },
  mostly: { zh: '大部分满足', en: 'Mostly met (大部分满足)' },
  partial: { zh: '部分满足', en: 'Partly met (部分满足)' },
  none: { zh: '不满足', en: 'Not met (不满足)' },
};
export const SATISFACTIONS = ['full', 'mostly', 'partial', 'none'] as const;
export const satisfactionLabel = (s: (typeof SATISFACTIONS)[number], lang: Lang) => SATISFACTION_LABELS[s][lang];

const fmtNumber = (n: number) => String(+n.toPrecision(12));

/** A stored answer as the consultant reads it (option labels, "50%", yes/no, unknown, n/a). */
export function formatAnswer(question: Question, value: AnswerValue | undefined, lang: Lang): string | undefined {
  const n = normaliseAnswer(question, value);
  if ('error' in n) return value === undefined || value === null ? undefined : String(value);
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  if (n.status === 'unanswered') return undefined;
  if (n.status === 'unknown') return L('不清楚', 'unknown');
  if (n.status === 'na') return L('不适用', 'n/a');
  const v = n.value;
  const label = (val: unknown) => question.options?.find((o) => o.value === val)?.label[lang] ?? String(val);
  switch (question.type) {
    case 'level': {
      const o = question.options?.find((x) => x.value === v);
      return o ? `${o.level ?? ''} · ${o.label[lang]}` : String(v);
    }
    case 'requirement':
      return satisfactionLabel(v as (typeof SATISFACTIONS)[number], lang);
    case 'single':
      return label(v);
    case 'multi':
      return Array.isArray(v) ? v.map(label).join(lang === 'zh' ? '、' : ', ') : String(v);
    case 'boolean':
      return v ? L('是', 'yes') : L('否', 'no');
    case 'percent':
      return `${fmtNumber((v as number) * 100)}%`;
    case 'number':
      return `${fmtNumber(v as number)}${question.unit ? ' ' + question.unit[lang] : ''}`;
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

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
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

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
/** Longest company part of a file name, in UTF-8 bytes (names are limited to 255 bytes on most file systems). */
const MAX_STEM_BYTES = 120;
const MAX_STEM_CHARS = 60;
const UTF8 = new TextEncoder();
export const ANSWER_FILE_SUFFIX = '.zhizao.yaml';

/**
 * A file-name-safe form of a company name on Linux, macOS and Windows: letters (Chinese included), digits,
 * marks and `-_.()（）` are kept; path separators, control characters, reserved punctuation and spaces become `-`;
 * no leading or trailing dots, dashes or spaces; not a reserved Windows device name; at most 60 characters and
 * 120 UTF-8 bytes, cut on a character boundary. Empty when nothing usable is left.
 */
export function safeFileStem(name: string): string {
  let s = name.normalize('NFC');
  s = s.replace(/[^\p{L}\p{N}\p{M}\-_.()（）]+/gu, '-');
  s = s.replace(/-{2,}/g, '-').replace(/\.{2,}/g, '.');
  s = trimEnds(s);
  const chars: string[] = [];
  let bytes = 0;
  for (const ch of s) {
    const b = UTF8.encode(ch).length;
    if (chars.length >= MAX_STEM_CHARS || bytes + b > MAX_STEM_BYTES) break;
    chars.push(ch);
    bytes += b;
  }
  s = trimEnds(chars.join(''));
  // Windows treats "CON", "CON.txt", "con .x" … as the device: check the part before the first dot too.
  const head = s.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(s) || WINDOWS_RESERVED.test(head)) s = `_${s}`;
  return s;
}

function trimEnds(s: string): string {
  return s.replace(/^[-.\s_]+/u, '').replace(/[-.\s]+$/u, '');
}

/**
 * The name of a new answer file: `<company>-<date>.zhizao.yaml`, or `assessment-<date>.zhizao.yaml` when anonymous
 * (or when the company name leaves nothing usable); attempt n > 1 adds `-n` so that no existing file is replaced.
 */
export function answerFileName(company: string | undefined, date: string, attempt = 1, anonymous = false): string {
  const stem = (!anonymous && company ? safeFileStem(company) : '') || 'assessment';
  const safeDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
  const base = [stem, safeDate].filter(Boolean).join('-');
  return `${base}${attempt > 1 ? `-${attempt}` : ''}${ANSWER_FILE_SUFFIX}`;
}
